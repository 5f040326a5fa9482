import { describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import {
  addFault,
  ecrApi,
  newDockerConfig,
  runStep,
  testEnv,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const fakeDigest = () => `sha256:${randomBytes(32).toString('hex')}`

/** Puts an image manifest (or index) into moto's ECR, as a push would; returns its digest. */
async function putImage(
  repository: string,
  manifest: object,
  mediaType: string,
  tag?: string
): Promise<string> {
  const text = JSON.stringify(manifest)
  const digest = sha256(text)
  await ecrApi('PutImage', {
    repositoryName: repository,
    imageManifest: text,
    imageManifestMediaType: mediaType,
    imageDigest: digest,
    ...(tag ? { imageTag: tag } : {})
  })
  return digest
}

const imageManifest = () => ({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: fakeDigest(), size: 100 },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: fakeDigest(), size: 1000 }]
})

interface Seeded {
  repository: string
  digests: Record<string, string>
}

/** v1..v4 (oldest first), an index tagged release-1 with two untagged children, an untagged orphan, latest. */
async function seed(repository = uniqueRepository('cl')): Promise<Seeded> {
  await ecrApi('CreateRepository', { repositoryName: repository })
  const digests: Record<string, string> = {}
  for (const tag of ['v1', 'v2'])
    digests[tag] = await putImage(repository, imageManifest(), OCI_MANIFEST, tag)
  digests.child1 = await putImage(repository, imageManifest(), OCI_MANIFEST)
  digests.child2 = await putImage(repository, imageManifest(), OCI_MANIFEST)
  digests.index = await putImage(
    repository,
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: digests.child1,
          size: 500,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          mediaType: OCI_MANIFEST,
          digest: digests.child2,
          size: 500,
          platform: { os: 'linux', architecture: 'arm64' }
        }
      ]
    },
    OCI_INDEX,
    'release-1'
  )
  digests.orphan = await putImage(repository, imageManifest(), OCI_MANIFEST)
  for (const tag of ['v3', 'v4', 'latest'])
    digests[tag] = await putImage(repository, imageManifest(), OCI_MANIFEST, tag)
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
    for (let i = 0; i < 30; i++) planned.push(await putImage(repository, imageManifest(), OCI_MANIFEST))
    const kept = await putImage(repository, imageManifest(), OCI_MANIFEST, 'latest')
    // Both runs list before either deletes: their deletions reach the API 1.5 s late.
    await addFault({ repository, kind: 'api:BatchDeleteImage', action: { type: 'delay', ms: 1500 } })
    const inputs = { repositories: repository, 'keep-last': '0', ...RULES }
    const [a, b] = await Promise.all([cleanup({ inputs }), cleanup({ inputs })])
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
