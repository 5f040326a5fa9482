import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import { pushImage, pushIndex, pushUntagged } from './registry-seed.js'
import {
  ecrApi,
  holdNext,
  newDockerConfig,
  runStep,
  testEnv,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })

interface Seeded {
  repository: string
  digests: Record<string, string>
}

/**
 * v1..v4 (oldest first), an index tagged release-1 with two untagged children, an untagged orphan, latest:
 * pushed through the registry (the repository created first, as ECR requires).
 */
async function seed(repository = uniqueRepository('cl')): Promise<Seeded> {
  await ecrApi('CreateRepository', { repositoryName: repository })
  const digests: Record<string, string> = {}
  for (const tag of ['v1', 'v2']) digests[tag] = await pushImage(repository, tag)
  digests.child1 = await pushUntagged(repository)
  digests.child2 = await pushUntagged(repository)
  digests.index = await pushIndex(repository, 'release-1', [digests.child1, digests.child2])
  digests.orphan = await pushUntagged(repository)
  for (const tag of ['v3', 'v4', 'latest']) digests[tag] = await pushImage(repository, tag)
  return { repository, digests }
}

async function remaining(repository: string): Promise<Set<string>> {
  const { imageDetails } = await ecrApi<{ imageDetails: ImageDetail[] }>('DescribeImages', {
    repositoryName: repository,
    maxResults: 1000
  })
  return new Set(imageDetails.map(d => d.imageDigest as string))
}

/**
 * Calls moto received while `action` ran that concern `repository` (or name none, like DescribeRepositories),
 * by X-Amz-Target operation. moto's recorder is global: other processes' calls are left out by their body.
 */
async function recordCalls(repository: string, action: () => Promise<unknown>): Promise<string[]> {
  const moto = testEnv.MOTO_URL as string
  await fetch(`${moto}/moto-api/recorder/reset-recording`, { method: 'POST' })
  await fetch(`${moto}/moto-api/recorder/start-recording`, { method: 'POST' })
  try {
    await action()
  } finally {
    await fetch(`${moto}/moto-api/recorder/stop-recording`, { method: 'POST' })
  }
  const recording = await (await fetch(`${moto}/moto-api/recorder/download-recording`)).text()
  return (
    recording
      .split('\n')
      .filter(Boolean)
      .map(
        line =>
          JSON.parse(line) as { headers: Record<string, string>; body?: string; method: string; url: string }
      )
      .filter(call => {
        const body = Buffer.from(call.body ?? '', 'base64').toString()
        return body.includes(`"${repository}"`) || !body.includes('repositoryName')
      })
      // JSON protocols name the operation in X-Amz-Target; Lambda's REST calls by method and path.
      .map(call =>
        call.headers['X-Amz-Target']
          ? (call.headers['X-Amz-Target'].split('.').pop() as string)
          : `${call.method} ${new URL(call.url).pathname}`
      )
  )
}

// moto records every image as pushed "now": the ages are zero, so these tests use 0d limits.
const RULES = { 'older-than': '0d', 'untagged-older-than': '0d', 'keep-tags': 'latest\nrelease-*' }

describe('cleanup action against the ECR API', () => {
  test('dry run: the plan says what would go, and no mutating call is made', async () => {
    const { repository, digests } = await seed()
    let result: Awaited<ReturnType<typeof cleanup>> | undefined
    const calls = await recordCalls(repository, async () => {
      result = await cleanup({
        inputs: { repositories: repository, 'keep-last': '0', 'dry-run': 'true', ...RULES }
      })
    })
    expect(result?.errors).toEqual([])
    expect(result?.exitCode).toBe(0)
    expect(calls).toEqual(expect.arrayContaining(['DescribeRepositories', 'DescribeImages', 'BatchGetImage']))
    // Only reads: nothing that deletes, puts, tags or changes anything.
    expect(calls.filter(call => !/^(Describe|List|Get|BatchGet|GET )/.test(call))).toEqual([])
    expect(await remaining(repository)).toEqual(new Set(Object.values(digests)))
    expect(result?.outputs['deleted-count']).toBe('0')
    const plan = JSON.parse(readFileSync(result?.outputs['plan-file'] as string, 'utf8')) as {
      planOnly: boolean
      repositories: { images: { digest: string; verdict: string; rule: string }[] }[]
    }
    expect(plan.planOnly).toBe(true)
    const verdicts = Object.fromEntries(
      Object.entries(digests).map(([name, digest]) => [
        name,
        plan.repositories[0]?.images.find(i => i.digest === digest)?.verdict
      ])
    )
    expect(verdicts).toEqual({
      v1: 'delete',
      v2: 'delete',
      v3: 'delete',
      v4: 'delete',
      orphan: 'delete',
      index: 'keep',
      child1: 'keep',
      child2: 'keep',
      latest: 'keep'
    })
    expect(result?.summary).toContain('ECR cleanup plan (dry run: nothing deleted)')
  })

  test('deletes what the rules allow: keep-last and keep-tags honoured, an index keeps its children', async () => {
    // A prefix of its own, so the glob matches this test's repository only.
    const prefix = uniqueRepository('cl').replace('/', '-')
    const { repository, digests } = await seed(`${prefix}/app`)
    // moto stamps pushes to the second, so seeded images often tie: keep-last then cuts by digest (the
    // documented tie-break). The two newest tagged images, by moto's own push times, stay besides keep-tags.
    const pushedAt = new Map(
      (
        await ecrApi<{ imageDetails: ImageDetail[] }>('DescribeImages', {
          repositoryName: repository,
          maxResults: 1000
        })
      ).imageDetails.map(d => [d.imageDigest as string, Number(d.imagePushedAt)])
    )
    const result = await cleanup({ inputs: { repositories: `${prefix}/*`, 'keep-last': '2', ...RULES } })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const tagged = ['v1', 'v2', 'v3', 'v4', 'index', 'latest'].map(name => digests[name] as string)
    const newestTwo = [...tagged]
      .sort((a, b) => (pushedAt.get(b) ?? 0) - (pushedAt.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, 2)
    const left = await remaining(repository)
    expect(left).toEqual(
      new Set([digests.latest, digests.index, digests.child1, digests.child2, ...newestTwo])
    )
    expect(result.outputs['failed-count']).toBe('0')
    expect(Number(result.outputs['deleted-count'])).toBe(9 - left.size)
    expect(result.stdout).toMatch(new RegExp(`${repository}: BatchDeleteImage \\d+ → \\d+ deleted`))
    expect(result.summary).toContain('<h2>ECR cleanup</h2>')
    const deletedTags = ['v1', 'v2', 'v3', 'v4'].filter(tag => !left.has(digests[tag] as string))
    expect(deletedTags.length).toBeGreaterThan(0)
    for (const tag of deletedTags) expect(result.summary).toContain(`<td>${tag}</td>`)
  })

  test('an index that goes takes its children with it', async () => {
    const { repository, digests } = await seed()
    const result = await cleanup({
      inputs: { repositories: repository, 'keep-last': '0', ...RULES, 'keep-tags': 'latest' }
    })
    expect(result.exitCode).toBe(0)
    expect(await remaining(repository)).toEqual(new Set([digests.latest]))
    expect(result.outputs['deleted-count']).toBe('8')
  })

  test('two cleanups at once: each image counts as deleted by one of them; the other reports it already gone', async () => {
    const repository = uniqueRepository('cl')
    await ecrApi('CreateRepository', { repositoryName: repository })
    const planned: string[] = []
    for (let i = 0; i < 30; i++) planned.push(await pushUntagged(repository))
    const kept = await pushImage(repository, 'latest')
    // Both runs list (and read the batch again) before either deletes: each one's BatchDeleteImage is held
    // in the front until both are there.
    const deletions = await holdNext({ repository, kind: 'api:BatchDeleteImage', times: 2 })
    const inputs = { repositories: repository, 'keep-last': '0', ...RULES }
    const runs = Promise.all([cleanup({ inputs }), cleanup({ inputs })])
    await deletions.reached(2)
    await deletions.release()
    const [a, b] = await runs
    for (const result of [a, b]) {
      expect(result?.exitCode).toBe(0)
      expect(result?.stdout).toContain(`${repository}: 31 images, 30 to delete`)
      expect(Number(result?.outputs['deleted-count']) + Number(result?.outputs['already-gone-count'])).toBe(
        30
      )
    }
    expect(Number(a?.outputs['deleted-count']) + Number(b?.outputs['deleted-count'])).toBe(planned.length)
    expect(await remaining(repository)).toEqual(new Set([kept]))
  })

  test('max-deletions refuses a plan that is too large, deleting nothing', async () => {
    const { repository, digests } = await seed()
    const result = await cleanup({
      inputs: { repositories: repository, 'keep-last': '0', 'max-deletions': '3', ...RULES }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^The plan deletes 5 images, more than max-deletions \(3\): nothing was deleted/
    )
    expect(await remaining(repository)).toEqual(new Set(Object.values(digests)))
  })

  test('a pattern that matches nothing is a warning, not a silent success', async () => {
    const result = await cleanup({ inputs: { repositories: 'no-such/*', ...RULES } })
    expect(result.exitCode).toBe(0)
    // RULES deletes untagged images of any age, which earns the below-1h warning too.
    expect(result.warnings).toEqual([
      expect.stringMatching(/^untagged-older-than is below 1h/),
      'repositories: "no-such/*" matches no repository'
    ])
  })

  test.each([
    [
      'older-than',
      { 'older-than': '30 days' },
      /^Input "older-than": must be a whole number followed by h, d, w/
    ],
    ['keep-last', { 'keep-last': '-1' }, /^Input "keep-last": must be a whole number/],
    ['repositories', { repositories: '' }, /^Input "repositories": must name at least one/]
  ])('bad input: %s', async (_input, inputs, error) => {
    const { repository, digests } = await seed()
    const result = await cleanup({ inputs: { repositories: repository, ...RULES, ...inputs } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(error)
    expect(await remaining(repository)).toEqual(new Set(Object.values(digests)))
  })
})
