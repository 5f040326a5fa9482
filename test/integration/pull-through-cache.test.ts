import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import { EcrApiWithCacheRules } from './ecr-api-with-cache-rules.js'
import {
  PASSWORD,
  REGISTRY,
  newDockerConfig,
  run,
  runStep,
  skopeoDigest,
  testEnv,
  type StepOptions
} from './harness.js'

const api = new EcrApiWithCacheRules(testEnv.AWS_ENDPOINT_URL_ECR as string)
const work = mkdtempSync(join(tmpdir(), 'ptc-it-'))
const warmStep = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    ...options,
    env: { AWS_ENDPOINT_URL_ECR: api.endpoint, ...options.env }
  })
const suffix = Date.now().toString(36)
let nginx: string
let argocd: string

/** Fills the registry as a pull through the cache would have: `<prefix>/<upstream path>:<tag>`. */
async function prefill(repository: string, platforms: { architecture: string }[]): Promise<string> {
  const dir = join(work, repository.replace(/[/:]/g, '_'))
  const layout = await writeOciLayout(dir, {
    platforms: platforms.map(p => ({ os: 'linux', architecture: p.architecture, layers: [{ size: 2000 }] })),
    seed: repository
  })
  await run('skopeo', [
    'copy',
    '-q',
    '--all',
    '--dest-creds',
    `AWS:${PASSWORD}`,
    `oci:${dir}`,
    `docker://${REGISTRY}/${repository}`
  ])
  return layout.top.digest
}

beforeAll(async () => {
  await api.start()
  nginx = await prefill(`hub${suffix}/library/nginx:1.27`, [{ architecture: 'amd64' }])
  argocd = await prefill(`quay${suffix}/argoproj/argocd:v2.10.0`, [
    { architecture: 'amd64' },
    { architecture: 'arm64' }
  ])
})
afterAll(async () => {
  await api.stop()
  rmSync(work, { recursive: true, force: true })
})

const rules = `
- prefix: hub${suffix}
  upstream: docker-hub
  credential: ecr-pullthroughcache/docker-hub
- prefix: quay${suffix}
  upstream: quay
`

describe('pull-through-cache action', () => {
  test('creates and validates the rules, then warms each image (library/ added) with its digest', async () => {
    const result = await warmStep({
      inputs: {
        rules,
        warm: `hub${suffix}/nginx:1.27\nquay${suffix}/argoproj/argocd:v2.10.0`,
        'warm-timeout': '30s'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(api.calls.filter(c => c !== 'DescribePullThroughCacheRules')).toEqual([
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule',
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule'
    ])
    expect(api.rules.get(`hub${suffix}`)).toMatchObject({
      upstreamRegistryUrl: 'registry-1.docker.io',
      upstreamRegistry: 'docker-hub',
      credentialArn:
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbC123'
    })
    expect(result.stdout).toContain(`hub${suffix}/nginx:1.27 → hub${suffix}/library/nginx:1.27`)
    expect(result.outputs.images).toBe(
      `${REGISTRY}/hub${suffix}/library/nginx:1.27\n${REGISTRY}/quay${suffix}/argoproj/argocd:v2.10.0`
    )
    expect(result.outputs['image-digests']).toBe(`${nginx}\n${argocd}`)
    expect(await skopeoDigest(`${REGISTRY}/quay${suffix}/argoproj/argocd:v2.10.0`)).toBe(argocd)
    expect(JSON.parse(result.outputs.rules as string)).toHaveLength(2)
    expect(result.summary).toContain('(+2 platforms)')
    expect(result.summary).toMatch(
      /<td><code>hub\w+<\/code><\/td><td>registry-1.docker.io<\/td><td>created<\/td><td>yes<\/td>/
    )
  })

  test('a second run changes nothing; prune removes undeclared rules', async () => {
    api.calls.length = 0
    const again = await warmStep({ inputs: { rules } })
    expect(again.exitCode).toBe(0)
    expect(api.calls.filter(c => c.startsWith('Create') || c.startsWith('Update'))).toEqual([])
    api.rules.set('stale', {
      ecrRepositoryPrefix: 'stale',
      upstreamRegistryUrl: 'quay.io',
      registryId: '123456789012'
    })
    const pruned = await warmStep({ inputs: { rules, prune: 'true' } })
    expect(pruned.exitCode).toBe(0)
    expect(api.rules.has('stale')).toBe(false)
    expect(api.rules.has(`hub${suffix}`)).toBe(true)
  })

  test('an image that never arrives fails after warm-timeout with the registry message', async () => {
    const result = await warmStep({ inputs: { rules, warm: `hub${suffix}/missing:1`, 'warm-timeout': '2s' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(`hub${suffix}/missing:1 could not be warmed: .*(NAME_UNKNOWN|MANIFEST_UNKNOWN)`)
    )
  })

  test('a warm reference matching no prefix fails before any rule changes, naming the prefixes', async () => {
    api.calls.length = 0
    const result = await warmStep({
      inputs: { rules: `${rules}- prefix: k8s${suffix}\n  upstream: k8s\n`, warm: 'ghcr/org/app:1' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^Input "warm": "ghcr\/org\/app:1" matches no pull-through-cache rule prefix \(prefixes: hub/
    )
    expect(api.calls).toEqual(['DescribePullThroughCacheRules'])
    expect(api.rules.has(`k8s${suffix}`)).toBe(false)
  })

  test.each([
    ['docker-hub without credential', '- prefix: hubx\n  upstream: docker-hub', /needs a credential/],
    ['unknown upstream', '- prefix: hubx\n  upstream: hub', /unknown upstream "hub"/],
    ['malformed YAML', '- prefix: hubx\n   upstream: [quay', /is not valid YAML at line \d+, column \d+/]
  ])('bad rules: %s, nothing changed', async (_case, badRules, error) => {
    api.calls.length = 0
    const result = await warmStep({ inputs: { rules: badRules } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(error)
    expect(api.calls).toEqual([])
  })

  test('a rule ECR finds invalid fails the step with its reason', async () => {
    const result = await warmStep({
      inputs: {
        rules: `- prefix: gl${suffix}\n  upstream: gitlab\n  credential: ecr-pullthroughcache/gitlab`
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toBe(`rule gl${suffix} is not valid: Unable to access the secret`)
  })
})
