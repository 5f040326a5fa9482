/**
 * The endpoint choice end to end. The stand-ins answer each region's dual-stack names only on IPv6 (::1)
 * and its FIPS name on the region's IPv4 front; the front's request log says which address each request
 * came from and which name it asked for. Every run here also has the test environment's endpoint overrides
 * (AWS_ENDPOINT_URL_<SERVICE>): the override and the choice together, which the SDK alone refuses.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { writeOciLayout } from '../fixtures/images.js'
import { pushImage } from './registry-seed.js'
import {
  PASSWORD,
  REGISTRY,
  buildImage,
  ecrApi,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoDigest,
  testEnv,
  uniqueRepository,
  type SeenRequest,
  type StepOptions
} from './harness.js'

const DUAL_STACK = testEnv.ECR_TEST_REGISTRY_DUAL_STACK as string
const FIPS = testEnv.ECR_TEST_REGISTRY_FIPS as string
const REGION2 = testEnv.ECR_TEST_REGION2 as string
const DUAL_STACK2 = `${testEnv.ECR_TEST_ACCOUNT}.dkr-ecr.${REGION2}.on.aws`

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const post = (options: StepOptions) => runStep('action.yml', 'dist/deliver/post.js', options)
const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })
const cache = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    ...options
  })

type Seen = SeenRequest & { peer?: string; host?: string }

/** Every request a repository's registry received, with the address it came from and the name it asked for. */
async function seen(repository: string, region?: string): Promise<Seen[]> {
  const requests = (await requestsOf(repository, region)) as Seen[]
  expect(requests.length).toBeGreaterThan(0)
  return requests
}

const where = (requests: Seen[]) => [...new Set(requests.map(r => `${r.peer} ${r.host}`))]

function dockerAuths(dockerConfig: string): string[] {
  const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
    auths?: Record<string, unknown>
  }
  return Object.keys(config.auths ?? {})
}

describe('endpoint: dual-stack', () => {
  test('deliver: every registry connection over IPv6, the outputs name the dual-stack host, a region destination inherits it', async () => {
    const repository = uniqueRepository('ds')
    await buildImage('it-endpoint:ds', `dual-stack ${repository}`)
    const dockerConfig = newDockerConfig()
    const result = await deliver({
      dockerConfig,
      inputs: {
        image: 'it-endpoint:ds',
        repository,
        tags: 'v1',
        endpoint: 'dual-stack',
        destinations: REGION2
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    expect(result.outputs).toMatchObject({
      registry: DUAL_STACK,
      'repository-uri': `${DUAL_STACK}/${repository}`,
      'image-uri': `${DUAL_STACK}/${repository}@${digest}`
    })
    const deliveries = JSON.parse(result.outputs.deliveries as string) as { repositoryUri?: string }[]
    expect(JSON.stringify(deliveries)).toContain(`${DUAL_STACK2}/${repository}`)
    // docker (the engine's push and login) and the action's own registry client: IPv6 only, by that name.
    expect(where(await seen(repository))).toEqual([`::1 ${DUAL_STACK}`])
    expect(where(await seen(repository, REGION2))).toEqual([`::1 ${DUAL_STACK2}`])
    expect(await skopeoDigest(`${DUAL_STACK}/${repository}:v1`)).toBe(digest)
    expect(await skopeoDigest(`${DUAL_STACK2}/${repository}:v1`)).toBe(digest)
    // The docker login is to the dual-stack host, and the post step logs out of it.
    expect(dockerAuths(dockerConfig)).toEqual(expect.arrayContaining([DUAL_STACK, DUAL_STACK2]))
    const after = await post({ dockerConfig, state: result.state })
    expect(after.exitCode).toBe(0)
    expect(dockerAuths(dockerConfig)).not.toContain(DUAL_STACK)
  })

  test('cleanup (AWS_USE_DUALSTACK_ENDPOINT=true): every client told, the in-use scans included', async () => {
    const repository = uniqueRepository('dscl')
    await ecrApi('CreateRepository', { repositoryName: repository })
    const old = await pushImage(repository, 'old')
    await pushImage(repository, 'latest')
    const result = await cleanup({
      inputs: {
        repositories: repository,
        'keep-last': '0',
        'older-than': '0d',
        'keep-tags': 'latest',
        'keep-in-use': 'ecs,lambda'
      },
      env: { AWS_USE_DUALSTACK_ENDPOINT: 'true' }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/in use: ecs in /)
    expect(result.stdout).toMatch(/in use: lambda in /)
    expect(result.outputs['deleted-count']).toBe('1')
    expect(await skopeoDigest(`${DUAL_STACK}/${repository}@${old}`)).toBeUndefined()
  })

  test('pull-through-cache: warming through the dual-stack host, over IPv6, and the images output naming it', async () => {
    const prefix = `ds${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
    const reference = `${prefix}/argoproj/argocd:v2`
    await ecrApi('CreateRepository', { repositoryName: `${prefix}/argoproj/argocd` })
    const dir = mkdtempSync(join(tmpdir(), 'ds-cache-'))
    const layout = await writeOciLayout(dir, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1000 }] }],
      seed: reference
    })
    await run('skopeo', [
      'copy',
      '-q',
      '--all',
      '--dest-creds',
      `AWS:${PASSWORD}`,
      `oci:${dir}`,
      `docker://${REGISTRY}/${reference}`
    ])
    const result = await cache({
      inputs: { rules: `- prefix: ${prefix}\n  upstream: quay\n`, warm: reference, endpoint: 'dual-stack' }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.images).toBe(`${DUAL_STACK}/${reference}`)
    expect(result.outputs['image-digests']).toBe(layout.top.digest)
    const warmed = (await seen(`${prefix}/argoproj/argocd`)).filter(r => r.peer !== '127.0.0.1')
    expect(where(warmed)).toEqual([`::1 ${DUAL_STACK}`])
  })
})

describe('AWS_USE_FIPS_ENDPOINT=true, the input empty', () => {
  test('deliver: the FIPS host, over the IPv4 front; skopeo reads back through it', async () => {
    const repository = uniqueRepository('fips')
    const dir = mkdtempSync(join(tmpdir(), 'fips-'))
    const layout = await writeOciLayout(dir, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1500 }] }],
      seed: repository
    })
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: dir, repository, tags: 'v1' },
      env: { AWS_USE_FIPS_ENDPOINT: 'true' }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      registry: FIPS,
      'repository-uri': `${FIPS}/${repository}`,
      'image-uri': `${FIPS}/${repository}@${layout.top.digest}`
    })
    expect(where(await seen(repository))).toEqual([`127.0.0.1 ${FIPS}`])
    expect(await skopeoDigest(`${FIPS}/${repository}:v1`)).toBe(layout.top.digest)
  })

  test('a region without FIPS: refused before any call, naming the input, the region and what exists', async () => {
    const repository = uniqueRepository('fipsno')
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { repository },
      env: { AWS_USE_FIPS_ENDPOINT: 'true', AWS_REGION: REGION2 }
    })
    expect(result.exitCode).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Input "endpoint": fips is not offered: the ECR registry has no fips endpoint in ${REGION2} \\(there: default, dual-stack; fips: us-east-1,`
        )
      )
    ])
    expect(result.outputs).toEqual({})
  })
})
