import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import { callSecretsJsonApi } from '../fixtures/secrets-json-api.js'
import { cacheRules, recordApiCalls } from './front-api.js'
import {
  PASSWORD,
  REGISTRY,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoDigest,
  testEnv,
  expectPrintedNowhere,
  type StepOptions
} from './harness.js'

// The build's base images through the cache (warm-from, build-contexts, dockerfile) and the upstream
// credential kept in Secrets Manager (moto's). Rules live in the test ECR API (the front): moto has none.
const work = mkdtempSync(join(tmpdir(), 'base-images-it-'))
const suffix = Date.now().toString(36)
const step = (workspace: string, options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    ...options,
    env: {
      GITHUB_WORKSPACE: workspace,
      RUNNER_DEBUG: '1',
      ...options.env
    }
  })

/** Fills the registry as a first pull through the cache would have: the repository created, the image pushed. */
async function prefill(repository: string): Promise<string> {
  await ecrApi('CreateRepository', { repositoryName: repository.split(':')[0] })
  const dir = join(work, repository.replace(/[/:]/g, '_'))
  const layout = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 2000 }] }],
    seed: repository
  })
  await run('skopeo', [
    'copy',
    '-q',
    '--dest-creds',
    `AWS:${PASSWORD}`,
    `oci:${dir}`,
    `docker://${REGISTRY}/${repository}`
  ])
  return layout.top.digest
}

/** Secrets Manager's JSON API (moto through the front): a client independent of the action's SDK code. */
const secretsApi = <T>(operation: string, body: object) =>
  callSecretsJsonApi<T>(
    testEnv.AWS_ENDPOINT_URL_SECRETS_MANAGER as string,
    testEnv.AWS_REGION as string,
    operation,
    body
  )

afterAll(() => rmSync(work, { recursive: true, force: true }))

// The values by environment variable (issue 19): never through the YAML.
const rules = `
- prefix: hub${suffix}
  upstream: docker-hub
  credential:
    secret: ecr-pullthroughcache/hub-${suffix}
    username-env: HUB_USER
    access-token-env: HUB_TOKEN
- prefix: quay${suffix}
  upstream: quay
`
const credentialEnv = (token: string) => ({ HUB_USER: `ci-bot-${suffix}`, HUB_TOKEN: token })

describe('the upstream credential, kept in Secrets Manager', () => {
  const secret = `ecr-pullthroughcache/hub-${suffix}`
  const versions = async () =>
    (await secretsApi<{ Versions: unknown[] }>('ListSecretVersionIds', { SecretId: secret })).Versions.length

  test('created on the first run, left alone on the second, one new version when the token changes; values printed nowhere', async () => {
    const token = `dckr_pat_${suffix}_first`
    const first = await step(work, { inputs: { rules }, env: credentialEnv(token) })
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    const described = await secretsApi<{ ARN: string }>('DescribeSecret', { SecretId: secret })
    expect((await cacheRules()).get(`hub${suffix}`)?.credentialArn).toBe(described.ARN)
    const value = await secretsApi<{ SecretString: string }>('GetSecretValue', { SecretId: secret })
    expect(JSON.parse(value.SecretString)).toEqual({ username: `ci-bot-${suffix}`, accessToken: token })
    expect(first.stdout).toContain(`hub${suffix}: credential secret ${secret} created`)
    expectPrintedNowhere(first, token)
    expect(JSON.parse(first.outputs.rules as string)[0]).not.toHaveProperty('credentialValues')
    expect(await versions()).toBe(1)

    const second = await step(work, { inputs: { rules }, env: credentialEnv(token) })
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toContain(`credential secret ${secret} unchanged`)
    expect(await versions()).toBe(1)

    const rotated = `dckr_pat_${suffix}_second`
    const third = await step(work, { inputs: { rules }, env: credentialEnv(rotated) })
    expect(third.exitCode).toBe(0)
    expect(third.stdout).toContain(`credential secret ${secret} updated`)
    expect(await versions()).toBe(2)
    expectPrintedNowhere(third, rotated)
  })
})

describe("warm-from: the build's base images through the cache", () => {
  test('a three-stage Dockerfile: its bases warmed, build-contexts and a rewritten Dockerfile that docker builds from the cache', async () => {
    const node = await prefill(`hub${suffix}/library/node:20`)
    const nginx = await prefill(`hub${suffix}/library/nginx:1.27`)
    const argocd = await prefill(`quay${suffix}/argoproj/argocd:v2.10.0`)
    const workspace = mkdtempSync(join(work, 'repo-'))
    writeFileSync(join(workspace, 'payload.txt'), 'built through the cache\n')
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        '# syntax=docker/dockerfile:1',
        'ARG NODE=20',
        'FROM node:${NODE} AS build',
        'COPY payload.txt /app/',
        'FROM build AS test',
        'FROM quay.io/argoproj/argocd:v2.10.0 AS tools',
        'FROM registry.k8s.io/pause:3.9 AS unrouted',
        'FROM nginx:1.27',
        'COPY --from=build /app /app',
        ''
      ].join('\n')
    )
    const result = await step(workspace, {
      inputs: { rules, 'warm-from': 'Docker*', 'warm-timeout': '30s' },
      env: credentialEnv(`dckr_pat_${suffix}_first`)
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect((result.outputs['build-contexts'] as string).split('\n')).toEqual([
      `node:20=docker-image://${REGISTRY}/hub${suffix}/library/node:20`,
      `quay.io/argoproj/argocd:v2.10.0=docker-image://${REGISTRY}/quay${suffix}/argoproj/argocd:v2.10.0`,
      `nginx:1.27=docker-image://${REGISTRY}/hub${suffix}/library/nginx:1.27`
    ])
    expect(result.stdout).toContain(
      'Dockerfile:7: registry.k8s.io/pause:3.9: not through the cache (no pull-through-cache rule caches registry.k8s.io)'
    )
    expect(result.outputs['image-digests']).toBe(`${node}\n${argocd}\n${nginx}`)
    for (const line of (result.outputs['build-contexts'] as string).split('\n'))
      expect(await skopeoDigest(line.split('=docker-image://')[1] as string)).toMatch(/^sha256:/)

    // The rewritten Dockerfile builds with the classic builder, pulling its bases from the cache.
    const rewritten = result.outputs.dockerfile as string
    expect(readFileSync(rewritten, 'utf8')).toContain(
      `FROM ${REGISTRY}/hub${suffix}/library/node:20 AS build`
    )
    const dockerConfig = newDockerConfig()
    await run('docker', ['login', '-u', 'AWS', '--password', PASSWORD, REGISTRY], {
      DOCKER_CONFIG: dockerConfig
    })
    await run(
      'docker',
      ['build', '-q', '--target', 'build', '-f', rewritten, '-t', `it-base:${suffix}`, workspace],
      {
        DOCKER_CONFIG: dockerConfig,
        DOCKER_BUILDKIT: '0'
      }
    )
    const { stdout } = await run('docker', [
      'image',
      'inspect',
      '--format',
      '{{len .RootFS.Layers}}',
      `it-base:${suffix}`
    ])
    expect(Number(stdout.trim())).toBe(2)
  })

  test('a warm-from that matches nothing, or leaves the workspace: one error naming the input, nothing changed', async () => {
    const workspace = mkdtempSync(join(work, 'empty-'))
    for (const pattern of ['Dockerfile.missing', '/etc/passwd']) {
      const recorder = await recordApiCalls(/./)
      const result = await step(workspace, {
        inputs: { rules, 'warm-from': pattern },
        env: credentialEnv('x')
      })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([expect.stringMatching(/^Input "warm-from": /)])
      expect(await recorder.calls()).toEqual([])
    }
  })
})
