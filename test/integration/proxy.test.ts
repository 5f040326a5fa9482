/**
 * The bundled actions behind real forward proxies (tinyproxy from Debian, started by test-env.sh): every
 * connection they open honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY. The proxy's own access log is the
 * proof of where the traffic went; skopeo and the ECR API check the result as everywhere else.
 */
import { pushImage } from './registry-seed.js'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import { cacheRules } from './front-api.js'
import {
  PASSWORD as REGISTRY_PASSWORD,
  REGISTRY,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoDigest,
  testEnv,
  uniqueRepository,
  expectPrintedNowhere,
  type StepOptions,
  type StepResult
} from './harness.js'

const OPEN_PROXY = testEnv.ECR_TEST_PROXY as string
const TLS_PROXY = testEnv.ECR_TEST_TLS_PROXY as string
const AUTH_PROXY = new URL(testEnv.ECR_TEST_AUTH_PROXY as string)
const USER = testEnv.ECR_TEST_PROXY_USER as string
const PASSWORD = testEnv.ECR_TEST_PROXY_PASSWORD as string
const API = testEnv.AWS_ENDPOINT_URL_ECR as string
const OPEN_LOG = testEnv.ECR_TEST_PROXY_LOG as string
const AUTH_LOG = testEnv.ECR_TEST_AUTH_PROXY_LOG as string

const deliver = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('action.yml', 'dist/deliver/index.js', { dockerConfig: newDockerConfig(), ...options })
const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })
const viaProxy = (proxy: string, extra: Record<string, string | undefined> = {}) => ({
  HTTPS_PROXY: proxy,
  HTTP_PROXY: proxy,
  ...extra
})

/**
 * The request lines a proxy logged while `action` ran (`CONNECT host:443`, `POST http://…/`): tinyproxy
 * writes `Request (file descriptor N): <method> <target> HTTP/1.1` for each.
 */
async function proxied<T>(log: string, action: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const offset = statSync(log).size
  const result = await action()
  const lines = readFileSync(log)
    .subarray(offset)
    .toString('utf8')
    .split('\n')
    .flatMap(line => /Request \(file descriptor \d+\): (\S+ \S+) HTTP\/1\.\d/.exec(line)?.[1] ?? [])
  return { result, lines }
}

/** A source push of the test layout to a new repository with this environment, and what the proxy logged. */
async function pushThrough(log: string, env: Record<string, string | undefined>) {
  const repository = uniqueRepository('proxy')
  const { result, lines } = await proxied(log, () =>
    deliver({ inputs: { source: join(work, 'layout'), repository, tags: 'v1' }, env })
  )
  return { result, lines, repository }
}

const work = mkdtempSync(join(tmpdir(), 'proxy-it-'))
let layout: Awaited<ReturnType<typeof writeOciLayout>>
beforeAll(async () => {
  layout = await writeOciLayout(join(work, 'layout'), {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 50_000 }, { size: 20_000 }] }],
    seed: `proxy-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const REGISTRY_CONNECT = `CONNECT ${REGISTRY}:443`
const API_REQUEST = `POST ${API}/`

function expectSuccess(result: StepResult): void {
  expect(result.errors).toEqual([])
  expect(result.exitCode).toBe(0)
}

describe('through a forward proxy (HTTPS_PROXY, HTTP_PROXY; no NO_PROXY for loopback)', () => {
  test('deliver, source push: registry traffic tunnels (CONNECT), ECR API calls go as absolute URIs', async () => {
    const { result, lines, repository } = await pushThrough(OPEN_LOG, viaProxy(OPEN_PROXY))
    expectSuccess(result)
    expect(lines).toContain(REGISTRY_CONNECT)
    expect(lines).toContain(API_REQUEST)
    expect(result.outputs['image-digest']).toBe(layout.top.digest)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(layout.top.digest)
  })

  test('deliver, login only: GetAuthorizationToken goes through the proxy', async () => {
    const { result, lines } = await proxied(OPEN_LOG, () =>
      deliver({ inputs: {}, env: viaProxy(OPEN_PROXY) })
    )
    expectSuccess(result)
    expect(result.outputs.registry).toBe(REGISTRY)
    expect(lines).toContain(API_REQUEST)
  })

  test('role credentials from a web identity token: STS goes through the proxy too', async () => {
    const tokenFile = join(work, 'web-identity-token')
    writeFileSync(tokenFile, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOm9jdG8vYXBwIn0.')
    const { result, lines } = await proxied(OPEN_LOG, () =>
      deliver({
        inputs: {},
        env: viaProxy(OPEN_PROXY, {
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined,
          AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
          AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci',
          AWS_ROLE_SESSION_NAME: 'ci',
          AWS_ENDPOINT_URL_STS: testEnv.MOTO_URL as string
        })
      })
    )
    expectSuccess(result)
    expect(lines).toContain(`POST ${testEnv.MOTO_URL}/`)
    expect(lines).toContain(API_REQUEST)
  })

  test('cleanup: the ECR calls and the in-use scan (ECS, Lambda) go through the proxy', async () => {
    const repository = uniqueRepository('proxy-cl')
    await ecrApi('CreateRepository', { repositoryName: repository })
    const digests: string[] = []
    for (const tag of ['old', 'new']) digests.push(await pushImage(repository, tag))
    const { result, lines } = await proxied(OPEN_LOG, () =>
      cleanup({
        inputs: { repositories: repository, 'keep-last': '0', 'older-than': '0d', 'keep-tags': 'new' },
        env: viaProxy(OPEN_PROXY)
      })
    )
    expectSuccess(result)
    expect(result.outputs['deleted-count']).toBe('1')
    // ECR and ECS speak JSON at `/`; Lambda's REST calls name their path.
    expect(lines).toContain(API_REQUEST)
    expect(lines.some(line => line.startsWith(`GET ${API}/2015-03-31/functions`))).toBe(true)
    const { imageDetails } = await ecrApi<{ imageDetails: { imageDigest: string }[] }>('DescribeImages', {
      repositoryName: repository
    })
    expect(imageDetails.map(image => image.imageDigest)).toEqual([digests[1]])
  })

  test('pull-through-cache: the rule calls and the warming pull go through the proxy', async () => {
    const prefix = `pxy${Date.now().toString(36)}`
    // What a pull through the cache would have left: the repository, and the layout under <prefix>/<upstream path>.
    await ecrApi('CreateRepository', { repositoryName: `${prefix}/org/app` })
    await run('skopeo', [
      'copy',
      '-q',
      '--dest-creds',
      `AWS:${REGISTRY_PASSWORD}`,
      `oci:${join(work, 'layout')}`,
      `docker://${REGISTRY}/${prefix}/org/app:v1`
    ])
    const { result, lines } = await proxied(OPEN_LOG, () =>
      runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
        dockerConfig: newDockerConfig(),
        inputs: { rules: `- prefix: ${prefix}\n  upstream: quay\n`, warm: `${prefix}/org/app:v1` },
        env: viaProxy(OPEN_PROXY)
      })
    )
    expectSuccess(result)
    expect((await cacheRules()).has(prefix)).toBe(true)
    expect(result.outputs['image-digests']).toBe(layout.top.digest)
    expect(lines).toContain(API_REQUEST)
    expect(lines).toContain(REGISTRY_CONNECT)
  })

  test('an https:// proxy URL: the same push, over TLS to the proxy', async () => {
    const { result, lines, repository } = await pushThrough(OPEN_LOG, viaProxy(TLS_PROXY))
    expectSuccess(result)
    expect(lines).toContain(REGISTRY_CONNECT)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(layout.top.digest)
  })

  test('NO_PROXY naming the registry host: the push goes direct, the API calls still through the proxy', async () => {
    const { result, lines, repository } = await pushThrough(
      OPEN_LOG,
      viaProxy(OPEN_PROXY, { NO_PROXY: REGISTRY })
    )
    expectSuccess(result)
    expect(lines).not.toContain(REGISTRY_CONNECT)
    expect(lines).toContain(API_REQUEST)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(layout.top.digest)
  })
})

/**
 * The proxy libraries' own debug output on: the `debug` package's namespaces of https-proxy-agent and
 * http-proxy-agent (agent-base has none), and Node's own NODE_DEBUG sections for the sockets under them.
 */
const PROXY_LIBRARIES_DEBUG = {
  DEBUG: 'https-proxy-agent*,http-proxy-agent*,agent-base*',
  NODE_DEBUG: 'http,https,net,tls'
}

describe('through a proxy that requires Basic auth', () => {
  const withCredentials = (user: string, password: string) =>
    `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${AUTH_PROXY.host}`

  test('credentials in the URL: the push works, the password is masked first and printed nowhere', async () => {
    const { result, lines, repository } = await pushThrough(AUTH_LOG, {
      ...viaProxy(withCredentials(USER, PASSWORD)),
      RUNNER_DEBUG: '1',
      ...PROXY_LIBRARIES_DEBUG
    })
    expectSuccess(result)
    expect(lines).toContain(REGISTRY_CONNECT)
    expect(lines).toContain(API_REQUEST)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(layout.top.digest)
    // The libraries did print what they do: the proxy each agent was made for, the CONNECT answers, the
    // forwarded request heads; and Node its socket events.
    expect(result.stderr).toMatch(/https-proxy-agent Creating new HttpsProxyAgent instance: 'http:\/\/127/)
    expect(result.stderr).toContain('https-proxy-agent:parse-proxy-response got proxy server response')
    expect(result.stderr).toMatch(/http-proxy-agent Output buffer: 'POST http:\/\//)
    expect(result.stderr).toMatch(/^NET \d+: connect/m)
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${PASSWORD}`)
    expectPrintedNowhere(result, PASSWORD)
    // http-proxy-agent's debug prints the request head, Proxy-Authorization included: the Basic
    // credential (user:password in base64) was masked with the password, before anything was printed.
    const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
    const masks = result.stdout.split('\n').findIndex(line => !line.startsWith('::add-mask::'))
    expect(result.stdout.split('\n').slice(0, masks)).toContain(`::add-mask::${basic}`)
  })

  test('wrong credentials: one clear error naming the proxy and its variable, the password nowhere', async () => {
    const wrong = `${PASSWORD}-wrong`
    const repository = uniqueRepository('proxy-407')
    const result = await deliver({
      inputs: { source: join(work, 'layout'), repository, tags: 'v1' },
      // Step debug, and the proxy libraries' own debug output, on: still nothing leaks.
      env: { ...viaProxy(withCredentials(USER, wrong)), RUNNER_DEBUG: '1', DEBUG: '*' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`proxy ${AUTH_PROXY.host} (from HTTP`)
    // tinyproxy answers a wrong password with 401 (RFC 9110 says 407): both read as a refusal.
    expect(result.errors[0]).toMatch(/refused the credentials in the proxy URL \(HTTP 40[17]\)/)
    expectPrintedNowhere(result, wrong)
    // Nothing was created: the first call failed.
    await expect(ecrApi('DescribeRepositories', { repositoryNames: [repository] })).rejects.toThrow(
      /does not exist/
    )
  })

  test('no credentials: the error says the proxy requires them and how to give them', async () => {
    const result = await deliver({ inputs: {}, env: viaProxy(AUTH_PROXY.href) })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining(
        `proxy ${AUTH_PROXY.host} (from HTTP_PROXY): requires credentials (HTTP 407): put them in the proxy URL`
      )
    ])
  })

  test('an unreachable proxy: the error names it and its variable', async () => {
    const result = await deliver({
      inputs: {},
      env: { https_proxy: 'http://127.0.0.1:9', http_proxy: 'http://ci:pw-unreachable@127.0.0.1:9' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining('proxy 127.0.0.1:9 (from http_proxy): could not connect')
    ])
    expectPrintedNowhere(result, 'pw-unreachable')
  })
})
