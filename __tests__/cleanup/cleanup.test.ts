import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  DescribeImagesCommand,
  ECRClient,
  type ImageDetail
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { inputErrorOf } from '../helpers/input-error.js'

jest.unstable_mockModule('@actions/core', () => ({ info: jest.fn(), debug: jest.fn(), warning: jest.fn() }))
const { parseCleanupInputs } = await import('../../src/cleanup/inputs.js')
const { buildImageGraph, manifestsToRead } = await import('../../src/cleanup/graph.js')
const { executePlan } = await import('../../src/cleanup/execute.js')
const { privateImageStore } = await import('../../src/ecr/image-store.js')
const { planCleanup } = await import('../../src/cleanup/planner.js')
const { getManifests, listImages } = await import('../../src/ecr/images.js')

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const store = privateImageStore(client)
const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
/** Distinct digests for generated lists (padEnd would make 'a' and 'a0' the same). */
const nth = (i: number) => `sha256:9${i.toString(16).padStart(63, '0')}`
beforeEach(() => {
  ecrMock.reset()
})

const DEFAULTS: Record<string, string> = {
  'keep-last': '10',
  'older-than': '30d',
  'tag-patterns': '*',
  'keep-tags': 'latest',
  untagged: 'delete',
  'untagged-older-than': '1d',
  'dry-run': 'false',
  'max-deletions': '500'
}
const parse = (given: Record<string, string>) => {
  const inputs = { ...DEFAULTS, ...given }
  return parseCleanupInputs(name => inputs[name] ?? '')
}

describe('parseCleanupInputs', () => {
  test('defaults', () => {
    const inputs = parse({ repositories: 'team/*\nother' })
    expect(inputs.repositories).toEqual(['team/*', 'other'])
    expect(inputs.rules).toMatchObject({
      keepLast: 10,
      olderThanMs: 30 * 86_400_000,
      tagPatterns: ['*'],
      keepTags: ['latest'],
      untagged: 'delete',
      untaggedOlderThanMs: 86_400_000
    })
    expect(inputs).toMatchObject({ dryRun: false, maxDeletions: 500 })
  })

  test('keep-digests takes digests and image URIs', () => {
    const inputs = parse({
      repositories: '**',
      'keep-digests': `${d('a')}\n123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app@${d('b')}`
    })
    expect([...inputs.rules.keepDigests]).toEqual([d('a'), d('b')])
  })

  test.each([
    ['repositories', { repositories: ' ' }],
    ['older-than', { repositories: 'x', 'older-than': '30 days' }],
    ['older-than', { repositories: 'x', 'older-than': '30y' }],
    ['older-than', { repositories: 'x', 'older-than': '-1d' }],
    ['untagged-older-than', { repositories: 'x', 'untagged-older-than': '1' }],
    ['keep-last', { repositories: 'x', 'keep-last': '-1' }],
    ['keep-last', { repositories: 'x', 'keep-last': 'ten' }],
    ['max-deletions', { repositories: 'x', 'max-deletions': '1.5' }],
    ['untagged', { repositories: 'x', untagged: 'archive' }],
    ['dry-run', { repositories: 'x', 'dry-run': 'perhaps' }],
    ['keep-digests', { repositories: 'x', 'keep-digests': 'app:latest' }],
    ['registry-id', { repositories: 'x', 'registry-id': '12' }],
    ['action', { repositories: 'x', action: 'shred' }],
    ['archived-older-than', { repositories: 'x', 'archived-older-than': 'soon' }]
  ])('bad %s', (input, given) => {
    expect(inputErrorOf(() => parse(given)).input).toBe(input)
  })

  test('action and archived-older-than: the two-stage lifecycle', () => {
    const inputs = parse({ repositories: 'x', action: 'archive', 'archived-older-than': '180d' })
    expect(inputs.rules).toMatchObject({ action: 'archive', archivedOlderThanMs: 180 * 86_400_000 })
    expect(inputs.warnings).toEqual([])
    expect(parse({ repositories: 'x' }).rules).toMatchObject({
      action: 'delete',
      archivedOlderThanMs: undefined
    })
  })

  test.each([
    ['89d', 1],
    ['90d', 0],
    ['12w', 1]
  ])('archived-older-than %s: %i warning about the 90-day minimum charge', (age, warnings) => {
    const inputs = parse({ repositories: 'x', 'archived-older-than': age })
    expect(inputs.warnings).toHaveLength(warnings)
    if (warnings) expect(inputs.warnings[0]).toMatch(/below 90d.*90 days of storage at least/)
  })

  test.each([
    ['0h', 'delete', 1],
    ['1h', 'delete', 0],
    ['0h', 'keep', 0]
  ])('untagged-older-than %s with untagged %s: %i warning', (age, untagged, warnings) => {
    const inputs = parse({ repositories: 'x', 'untagged-older-than': age, untagged })
    expect(inputs.warnings).toHaveLength(warnings)
    if (warnings) expect(inputs.warnings[0]).toMatch(/below 1h.*in flight/)
  })
})

describe('listing', () => {
  test('every page of DescribeImages, 1000 at a time, archived images included', async () => {
    const pages = [
      { imageDetails: [{ imageDigest: d('a') }], nextToken: 't1' },
      { imageDetails: [{ imageDigest: d('b') }], nextToken: 't2' },
      { imageDetails: [{ imageDigest: d('c') }] }
    ]
    // Copies of each request as sent: the SDK's paginator reuses one input object between pages.
    const requests: Record<string, unknown>[] = []
    ecrMock.on(DescribeImagesCommand).callsFake(input => {
      requests.push({ ...input })
      return pages[requests.length - 1]
    })
    const images = await listImages(client, 'team/app')
    expect(images.map(i => i.imageDigest)).toEqual([d('a'), d('b'), d('c')])
    expect(requests.map(r => r.nextToken)).toEqual([undefined, 't1', 't2'])
    expect(requests[0]).toMatchObject({ maxResults: 1000, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } })
  })

  test('a failing page fails the whole listing', async () => {
    ecrMock
      .on(DescribeImagesCommand)
      .resolvesOnce({ imageDetails: [{ imageDigest: d('a') }], nextToken: 't1' })
      .rejectsOnce(new Error('Internal error'))
    await expect(listImages(client, 'team/app')).rejects.toThrow('Internal error')
  })

  test('manifests are read 100 per call with every manifest type accepted', async () => {
    ecrMock.on(BatchGetImageCommand).callsFake(input => ({
      images: input.imageIds.map((id: { imageDigest: string }) => ({
        imageId: id,
        imageManifest: JSON.stringify({ manifests: [] })
      }))
    }))
    const digests = Array.from({ length: 250 }, (_, i) => nth(i))
    const manifests = await getManifests(client, 'team/app', digests)
    expect(manifests.size).toBe(250)
    const calls = ecrMock.commandCalls(BatchGetImageCommand).map(c => c.args[0].input)
    expect(calls.map(c => c.imageIds?.length)).toEqual([100, 100, 50])
    expect(calls[0]?.acceptedMediaTypes).toHaveLength(4)
  })
})

describe('graph', () => {
  const details: ImageDetail[] = [
    { imageDigest: d('i'), imageManifestMediaType: 'application/vnd.oci.image.index.v1+json' },
    { imageDigest: d('c') },
    { imageDigest: d('s'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json' },
    { imageDigest: d('r'), subjectManifestDigest: d('c') },
    { imageDigest: d('t'), imageTags: [`sha256-${'c'.padEnd(64, '0')}.att`] }
  ]

  test('reads indexes and artifacts, not plain images', () => {
    expect(manifestsToRead(details)).toEqual([d('i'), d('s')])
  })

  test('edges from index manifests, subjects and cosign tags', () => {
    const manifests = new Map([
      [d('i'), { manifests: [{ digest: d('c'), mediaType: 'x', size: 1 }] }],
      [
        d('s'),
        {
          config: { digest: d('9'), mediaType: 'x', size: 1 },
          layers: [],
          subject: { digest: d('i'), mediaType: 'x', size: 1 }
        }
      ]
    ])
    const { edges } = buildImageGraph(details, manifests)
    expect(
      Object.fromEntries([...edges].map(([k, v]) => [k.slice(7, 8), [...v].map(x => x.slice(7, 8)).sort()]))
    ).toEqual({
      i: ['c', 's'],
      c: ['r', 't']
    })
  })
})

/** Untagged images of 40 days, all going, as a plan would list them; DescribeImages answers with what exists. */
const OLD = new Date(Date.now() - 40 * 86_400_000)
function answerDescribeImages(gone: Set<string> = new Set()) {
  ecrMock.on(DescribeImagesCommand).callsFake((input: { imageIds?: { imageDigest: string }[] }) => ({
    imageDetails: (input.imageIds ?? [])
      .filter(id => !gone.has(id.imageDigest))
      .map(id => ({ imageDigest: id.imageDigest, imagePushedAt: OLD, imageStatus: 'ACTIVE' }))
  }))
}
function execute(waves: string[][], edges: [string, string[]][] = []) {
  const records = waves.flat().map(digest => ({ digest, tags: [], pushedAt: OLD, size: 1, isIndex: false }))
  const rules = { ...parse({ repositories: 'x', 'untagged-older-than': '1d' }).rules }
  const graph = { edges: new Map(edges.map(([p, c]) => [p, new Set(c)])) }
  const plan = planCleanup(records, graph, rules, new Date())
  const view = {
    records: new Map(records.map(r => [r.digest, r])),
    graph,
    rules,
    now: new Date(),
    inUse: new Map(),
    spared: new Map()
  }
  const going = waves.flat().map(digest => ({ digest, verdict: 'delete' as const }))
  expect(plan.waves.flat().sort()).toEqual(waves.flat().sort())
  return executePlan(store, 'team/app', going, view)
}

describe('executePlan: deletions', () => {
  test('planned order, at most 100 per call, waves sharing batches; ImageNotFound reported apart as already gone; other failures reported', async () => {
    const wave1 = Array.from({ length: 150 }, (_, i) => nth(i))
    const wave2 = [d('c1'), d('c2')]
    ecrMock.on(BatchDeleteImageCommand).callsFake(input => ({
      imageIds: [],
      failures: input.imageIds
        .filter((id: { imageDigest: string }) => id.imageDigest === nth(5) || id.imageDigest === d('c2'))
        .map((id: { imageDigest: string }) =>
          id.imageDigest === nth(5)
            ? { imageId: id, failureCode: 'ImageNotFound', failureReason: 'gone' }
            : { imageId: id, failureCode: 'KmsError', failureReason: 'key disabled' }
        )
    }))
    answerDescribeImages()
    const result = await execute([wave1, wave2])
    const calls = ecrMock.commandCalls(BatchDeleteImageCommand).map(c => c.args[0].input.imageIds?.length)
    // 152 deletions: ceil(152 / 100) = 2 calls.
    expect(calls).toEqual([100, 52])
    expect(result.deleted.size).toBe(150)
    expect(result.deleted.has(nth(5))).toBe(false)
    expect([...result.alreadyGone]).toEqual([nth(5)])
    expect(result.failed).toEqual([{ digest: d('c2'), code: 'KmsError', reason: 'key disabled' }])
  })

  test('a child still referenced is retried behind the rest, then reported if it never goes', async () => {
    let blocked = 2
    ecrMock.on(BatchDeleteImageCommand).callsFake(input => ({
      failures: input.imageIds
        .filter((id: { imageDigest: string }) => id.imageDigest === d('c') && blocked-- > 0)
        .map((id: unknown) => ({ imageId: id, failureCode: 'ImageReferencedByManifestList' }))
    }))
    answerDescribeImages()
    const result = await execute([[d('c')], [d('x')]])
    expect(
      ecrMock
        .commandCalls(BatchDeleteImageCommand)
        .map(c => c.args[0].input.imageIds?.map(i => i.imageDigest))
    ).toEqual([[d('c'), d('x')], [d('c')], [d('c')]])
    expect([...result.deleted].sort()).toEqual([d('c'), d('x')])
    expect(result.failed).toEqual([])

    ecrMock.reset()
    ecrMock.on(BatchDeleteImageCommand).callsFake(input => ({
      failures: input.imageIds.map((id: unknown) => ({
        imageId: id,
        failureCode: 'ImageReferencedByManifestList'
      }))
    }))
    answerDescribeImages()
    const stuck = await execute([[d('c')]])
    expect(stuck.deleted.size).toBe(0)
    expect(stuck.failed.map(f => f.code)).toEqual(['ImageReferencedByManifestList'])
  })
})
