/**
 * The pull-through-cache action against the test ECR API (the front answers the rules as ECR does: the
 * credential's secret looked up in moto's Secrets Manager at creation, validated with a reason). Each test
 * makes what it needs: its own prefixes, secrets and cached images.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import { cacheRules, createSecret, recordApiCalls } from './front-api.js'
import {
  PASSWORD,
  REGISTRY,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoDigest,
  type StepOptions
} from './harness.js'

const work = mkdtempSync(join(tmpdir(), 'ptc-it-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const warmStep = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    ...options
  })
const CREDENTIAL = { username: 'hub-user', accessToken: 'hub-token' }

/**
 * Fills the registry as a first pull through the cache would have: the repository created (ECR creates it
 * on that pull), `<prefix>/<upstream path>:<tag>` pushed from a layout. Returns the image's digest.
 */
async function prefill(reference: string, architectures: string[]): Promise<string> {
  const [repository] = reference.split(':') as [string]
  await ecrApi('CreateRepository', { repositoryName: repository })
  const dir = join(work, reference.replace(/[/:]/g, '_'))
  const layout = await writeOciLayout(dir, {
    platforms: architectures.map(architecture => ({ os: 'linux', architecture, layers: [{ size: 2000 }] })),
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
  return layout.top.digest
}

/** Two rules of a fresh suffix: Docker Hub with its credential's secret (created here), and Quay. */
async function setUp() {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
  const secret = `ecr-pullthroughcache/hub${suffix}`
  const secretArn = await createSecret(secret, CREDENTIAL)
  const rules = `
- prefix: hub${suffix}
  upstream: docker-hub
  credential: ${secret}
- prefix: quay${suffix}
  upstream: quay
`
  return { suffix, secretArn, rules }
}

describe('pull-through-cache action', () => {
  test('creates and validates the rules, then warms each image (library/ added) with its digest', async () => {
    const { suffix, secretArn, rules } = await setUp()
    const nginx = await prefill(`hub${suffix}/library/nginx:1.27`, ['amd64'])
    const argocd = await prefill(`quay${suffix}/argoproj/argocd:v2.10.0`, ['amd64', 'arm64'])
    const recorder = await recordApiCalls()
    const result = await warmStep({
      inputs: {
        rules,
        warm: `hub${suffix}/nginx:1.27\nquay${suffix}/argoproj/argocd:v2.10.0`,
        'warm-timeout': '30s'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect((await recorder.calls()).filter(c => c !== 'DescribePullThroughCacheRules')).toEqual([
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule',
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule'
    ])
    // The rule names the secret the action built from its name (in the caller's account and region); the
    // secret behind it is the one this test made.
    const rule = (await cacheRules()).get(`hub${suffix}`)
    expect(rule).toMatchObject({
      upstreamRegistryUrl: 'registry-1.docker.io',
      upstreamRegistry: 'docker-hub'
    })
    expect(secretArn.startsWith(rule?.credentialArn as string)).toBe(true)
    expect(result.stdout).toContain(`hub${suffix}/nginx:1.27 → hub${suffix}/library/nginx:1.27`)
    expect(result.outputs.images).toBe(
      `${REGISTRY}/hub${suffix}/library/nginx:1.27\n${REGISTRY}/quay${suffix}/argoproj/argocd:v2.10.0`
    )
    expect(result.outputs['image-digests']).toBe(`${nginx}\n${argocd}`)
    expect(await skopeoDigest(`${REGISTRY}/quay${suffix}/argoproj/argocd:v2.10.0`)).toBe(argocd)
    // The output lists every rule of the registry: other tests' rules are there too.
    const listed = JSON.parse(result.outputs.rules as string) as { prefix: string }[]
    expect(listed.filter(r => r.prefix.endsWith(suffix)).map(r => r.prefix)).toEqual([
      `hub${suffix}`,
      `quay${suffix}`
    ])
    expect(result.summary).toContain('(+2 platforms)')
    expect(result.summary).toMatch(
      /<td><code>hub\w+<\/code><\/td><td>registry-1.docker.io<\/td><td>created<\/td><td>yes<\/td>/
    )
  })

  test('a second run changes nothing; prune removes undeclared rules', async () => {
    const { suffix, rules } = await setUp()
    const first = await warmStep({ inputs: { rules } })
    expect(first.errors).toEqual([])
    const recorder = await recordApiCalls()
    const again = await warmStep({ inputs: { rules } })
    expect(again.exitCode).toBe(0)
    expect((await recorder.calls()).filter(c => c.startsWith('Create') || c.startsWith('Update'))).toEqual([])
    await ecrApi('CreatePullThroughCacheRule', {
      ecrRepositoryPrefix: `stale${suffix}`.slice(0, 30),
      upstreamRegistryUrl: 'quay.io',
      upstreamRegistry: 'quay'
    })
    const pruned = await warmStep({ inputs: { rules, prune: 'true' } })
    expect(pruned.exitCode).toBe(0)
    const left = await cacheRules()
    expect(left.has(`stale${suffix}`.slice(0, 30))).toBe(false)
    expect(left.has(`hub${suffix}`)).toBe(true)
  })

  test('an image that never arrives fails after warm-timeout with the registry message', async () => {
    const { suffix, rules } = await setUp()
    const result = await warmStep({ inputs: { rules, warm: `hub${suffix}/missing:1`, 'warm-timeout': '2s' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(`hub${suffix}/missing:1 could not be warmed: .*(NAME_UNKNOWN|MANIFEST_UNKNOWN)`)
    )
  })

  test('a warm reference matching no prefix fails before any rule changes, naming the prefixes', async () => {
    const { suffix, rules } = await setUp()
    const recorder = await recordApiCalls()
    const result = await warmStep({
      inputs: { rules: `${rules}- prefix: k8s${suffix}\n  upstream: k8s\n`, warm: 'ghcr/org/app:1' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^Input "warm": "ghcr\/org\/app:1" matches no pull-through-cache rule prefix \(prefixes: hub/
    )
    expect(await recorder.calls()).toEqual(['DescribePullThroughCacheRules'])
    expect((await cacheRules()).has(`k8s${suffix}`)).toBe(false)
  })

  test.each([
    ['docker-hub without credential', '- prefix: hubx\n  upstream: docker-hub', /needs a credential/],
    ['unknown upstream', '- prefix: hubx\n  upstream: hub', /unknown upstream "hub"/],
    ['malformed YAML', '- prefix: hubx\n   upstream: [quay', /is not valid YAML at line \d+, column \d+/]
  ])('bad rules: %s, nothing changed', async (_case, badRules, error) => {
    const recorder = await recordApiCalls()
    const result = await warmStep({ inputs: { rules: badRules } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(error)
    expect(await recorder.calls()).toEqual([])
  })

  test('a credential whose secret does not exist: ECR refuses to create the rule, and the step says so', async () => {
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
    const result = await warmStep({
      inputs: {
        rules: `- prefix: gl${suffix}\n  upstream: gitlab\n  credential: ecr-pullthroughcache/none${suffix}`
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/secret .*ecr-pullthroughcache\/none\w+ doesn't exist/)
    expect((await cacheRules()).has(`gl${suffix}`)).toBe(false)
  })

  test('a rule ECR finds invalid (its secret lacks the credential) fails the step with its reason', async () => {
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
    await createSecret(`ecr-pullthroughcache/gl${suffix}`, { token: 'not the fields ECR reads' })
    const result = await warmStep({
      inputs: {
        rules: `- prefix: gl${suffix}\n  upstream: gitlab\n  credential: ecr-pullthroughcache/gl${suffix}`
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toBe(
      `rule gl${suffix} is not valid: The secret does not hold the username and accessToken the upstream registry needs.`
    )
  })
})
