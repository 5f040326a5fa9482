import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callEcrJsonApi } from '../fixtures/ecr-json-api.js'
import { writeOciLayout } from '../fixtures/images.js'
import {
  REGISTRY,
  addFault,
  clearFaults,
  describeRepository,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoDigest,
  testEnv,
  uniqueRepository,
  type StepOptions
} from './harness.js'

// Three registries of one account: the main one (us-east-1) and two more regions, each a registry of its
// own (scripts/test-env.sh), mirrored into moto in its region.
const REGION2 = testEnv.ECR_TEST_REGION2 as string
const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
const REGION3 = testEnv.ECR_TEST_REGION3 as string
const REGISTRY3 = testEnv.ECR_TEST_REGISTRY3 as string
const ACCOUNT = testEnv.ECR_TEST_ACCOUNT as string

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const ecrIn = <T = Record<string, unknown>>(region: string, operation: string, body: object) =>
  callEcrJsonApi<T>(testEnv.AWS_ENDPOINT_URL_ECR as string, region, operation, body)

interface DeliveryRecord {
  registry: string
  region: string
  'repository-uri': string
  'image-uri': string
  digest: string
  result: string
  error?: string
}

const work = mkdtempSync(join(tmpdir(), 'destinations-it-'))
const multi = join(work, 'multi')
let multiLayout: Awaited<ReturnType<typeof writeOciLayout>>

beforeAll(async () => {
  multiLayout = await writeOciLayout(multi, {
    platforms: [
      {
        os: 'linux',
        architecture: 'amd64',
        layers: [{ size: 200_000 }, { size: 50_000, compressible: true }]
      },
      { os: 'linux', architecture: 'arm64', variant: 'v8', layers: [{ size: 150_000 }] }
    ],
    seed: `destinations-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('deliver to several regions in one step', () => {
  test('a multi-platform source: the same digest under every tag in every registry, settings and policies in each', async () => {
    const repository = uniqueRepository('dest')
    const lifecycle = {
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 7
          },
          action: { type: 'expire' }
        }
      ]
    }
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: {
        source: multi,
        repository,
        tags: 'v1\nlatest',
        destinations: `${REGION2}\n${ACCOUNT}/${REGION3}`,
        'image-tag-mutability': 'IMMUTABLE_WITH_EXCLUSION',
        'image-tag-mutability-exclusions': 'latest',
        'scan-on-push': 'true',
        'repository-tags': 'team=core',
        'lifecycle-policy': JSON.stringify(lifecycle)
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = multiLayout.top.digest
    for (const registry of [REGISTRY, REGISTRY2, REGISTRY3]) {
      for (const tag of ['v1', 'latest'])
        expect(await skopeoDigest(`${registry}/${repository}:${tag}`)).toBe(digest)
      // Each platform child is there by digest too.
      for (const child of multiLayout.manifestDigests)
        expect(await skopeoDigest(`${registry}/${repository}@${child}`)).toBe(child)
    }
    for (const region of [testEnv.AWS_REGION as string, REGION2, REGION3]) {
      const { repositories } = await ecrIn<{ repositories: Record<string, unknown>[] }>(
        region,
        'DescribeRepositories',
        {
          repositoryNames: [repository]
        }
      )
      expect(repositories[0]).toMatchObject({
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageScanningConfiguration: { scanOnPush: true }
      })
      const { lifecyclePolicyText } = await ecrIn<{ lifecyclePolicyText: string }>(
        region,
        'GetLifecyclePolicy',
        {
          repositoryName: repository
        }
      )
      expect(JSON.parse(lifecyclePolicyText)).toEqual(lifecycle)
      // The push is in the ECR API of that region (the bridge mirrors each registry into its region).
      const { imageDetails } = await ecrIn<{ imageDetails: { imageDigest: string; imageTags?: string[] }[] }>(
        region,
        'DescribeImages',
        { repositoryName: repository, imageIds: [{ imageDigest: digest }] }
      )
      expect(imageDetails[0]?.imageTags?.sort()).toEqual(['latest', 'v1'])
    }
    const deliveries = JSON.parse(result.outputs.deliveries as string) as DeliveryRecord[]
    expect(deliveries.map(d => [d.registry, d.region, d.digest, d.result])).toEqual([
      [REGISTRY, testEnv.AWS_REGION, digest, 'delivered'],
      [REGISTRY2, REGION2, digest, 'delivered'],
      [REGISTRY3, REGION3, digest, 'delivered']
    ])
    expect(result.outputs['image-digest']).toBe(digest)
    expect(result.outputs['image-uri']).toBe(`${REGISTRY}/${repository}@${digest}`)
    expect((result.outputs['image-uris'] as string).split('\n').sort()).toEqual(
      [REGISTRY, REGISTRY2, REGISTRY3]
        .flatMap(r => [`${r}/${repository}:latest`, `${r}/${repository}:v1`])
        .sort()
    )
    for (const registry of [REGISTRY2, REGISTRY3])
      expect(result.summary).toContain(`<code>${registry}</code>`)

    // A re-run changes nothing anywhere.
    const again = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: {
        source: multi,
        repository,
        tags: 'v1\nlatest',
        destinations: `${REGION2}\n${ACCOUNT}/${REGION3}`
      }
    })
    expect(again.exitCode).toBe(0)
    const records = JSON.parse(again.outputs.deliveries as string) as DeliveryRecord[]
    expect(records.map(d => d.result)).toEqual(['unchanged', 'unchanged', 'unchanged'])
  })

  test('an immutable conflict in the second region fails before any tag is written in the first', async () => {
    const repository = uniqueRepository('dest-imm')
    const other = join(work, `other-${Date.now()}`)
    const otherLayout = await writeOciLayout(other, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1000 }] }],
      seed: `other-${Date.now()}`
    })
    const first = await deliver({
      dockerConfig: newDockerConfig(),
      env: { AWS_REGION: REGION2 },
      inputs: { source: other, repository, tags: 'v1', 'image-tag-mutability': 'IMMUTABLE' }
    })
    expect(first.exitCode).toBe(0)
    expect(await skopeoDigest(`${REGISTRY2}/${repository}:v1`)).toBe(otherLayout.top.digest)

    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: {
        source: multi,
        repository,
        tags: 'v1',
        destinations: REGION2,
        'image-tag-mutability': 'IMMUTABLE'
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors.join('\n')).toContain(
      `tag "v1" in ${REGISTRY2}/${repository} already points at ${otherLayout.top.digest}`
    )
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()
    // Nothing was uploaded to the main registry either.
    expect((await requestsOf(repository)).filter(r => r.method !== 'HEAD' && r.method !== 'GET')).toEqual([])
  })

  test('one destination unreachable: the others succeed, the step fails naming it, a re-run converges', async () => {
    const repository = uniqueRepository('dest-down')
    await addFault({ repository, region: REGION2, action: { type: 'status', status: 503 } })
    let result
    try {
      result = await deliver({
        dockerConfig: newDockerConfig(),
        inputs: { source: multi, repository, tags: 'v1', destinations: `${REGION2}\n${REGION3}` }
      })
    } finally {
      await clearFaults(repository, REGION2)
    }
    expect(result.exitCode).toBe(1)
    expect(result.errors.join('\n')).toMatch(
      new RegExp(`Delivery failed in 1 of 2 destinations: ${REGION2} \\(`)
    )
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(multiLayout.top.digest)
    expect(await skopeoDigest(`${REGISTRY3}/${repository}:v1`)).toBe(multiLayout.top.digest)
    expect(await skopeoDigest(`${REGISTRY2}/${repository}:v1`)).toBeUndefined()
    const records = JSON.parse(result.outputs.deliveries as string) as DeliveryRecord[]
    expect(records.map(r => r.result)).toEqual(['delivered', 'failed', 'delivered'])
    expect(records[1]?.error).toMatch(/503/)
    expect(result.summary).toMatch(/failed: /)

    const again = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: multi, repository, tags: 'v1', destinations: `${REGION2}\n${REGION3}` }
    })
    expect(again.errors).toEqual([])
    expect(again.exitCode).toBe(0)
    expect(await skopeoDigest(`${REGISTRY2}/${repository}:v1`)).toBe(multiLayout.top.digest)
    const converged = JSON.parse(again.outputs.deliveries as string) as DeliveryRecord[]
    expect(converged.map(r => r.result)).toEqual(['unchanged', 'delivered', 'unchanged'])
  })

  test('the main registry failing: the step fails, and deliveries still says where the image went', async () => {
    const repository = uniqueRepository('dest-main-down')
    await addFault({ repository, action: { type: 'status', status: 503 } })
    let result
    try {
      result = await deliver({
        dockerConfig: newDockerConfig(),
        inputs: { source: multi, repository, tags: 'v1', destinations: REGION2 }
      })
    } finally {
      await clearFaults(repository)
    }
    expect(result.exitCode).toBe(1)
    expect(await skopeoDigest(`${REGISTRY2}/${repository}:v1`)).toBe(multiLayout.top.digest)
    const records = JSON.parse(result.outputs.deliveries as string) as DeliveryRecord[]
    expect(records.map(r => [r.registry, r.result])).toEqual([
      [REGISTRY, 'failed'],
      [REGISTRY2, 'delivered']
    ])
    expect(records[0]?.error).toMatch(/503/)
  })

  test('bad destinations are refused before anything is created', async () => {
    const repository = uniqueRepository('dest-bad')
    for (const [destinations, rule] of [
      [testEnv.AWS_REGION as string, /is the main registry/],
      [`${REGION2}\n${REGION2}`, /names the same registry/],
      // Known to be the main registry only once the login names the caller's account.
      [`${ACCOUNT}/${testEnv.AWS_REGION}`, /is the main registry/],
      ['mars-1', /is not a destination/]
    ] as const) {
      const result = await deliver({
        dockerConfig: newDockerConfig(),
        inputs: { source: multi, repository, destinations }
      })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(new RegExp(`^Input "destinations": .*${rule.source}`))
      ])
    }
    for (const region of [testEnv.AWS_REGION as string, REGION2])
      expect(await describeRepository(repository, region)).toBeUndefined()
  })
})
