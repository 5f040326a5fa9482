import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  BatchDeleteImageCommand,
  DescribeImagesCommand,
  ECRClient,
  ImageNotFoundException,
  UpdateImageStorageClassCommand,
  type ImageDetail
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import type { CleanupRules, ImageRecord } from '../../src/cleanup/planner.js'

jest.unstable_mockModule('@actions/core', () => ({ info: jest.fn(), debug: jest.fn(), warning: jest.fn() }))
const { executePlan } = await import('../../src/cleanup/execute.js')
const { privateImageStore } = await import('../../src/ecr/image-store.js')

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const store = privateImageStore(client)
const nth = (i: number) => `sha256:9${i.toString(16).padStart(63, '0')}`
const OLD = new Date(Date.now() - 40 * 86_400_000)
const RULES: CleanupRules = {
  keepLast: 0,
  olderThanMs: 86_400_000,
  tagPatterns: ['*'],
  keepTags: ['prod'],
  untagged: 'delete',
  untaggedOlderThanMs: 86_400_000,
  keepDigests: new Set()
}

/** The registry as DescribeImages answers: digest → detail (absent: gone). */
let registry: Map<string, ImageDetail>
beforeEach(() => {
  ecrMock.reset()
  registry = new Map()
})
function seed(count: number, tags: (i: number) => string[] = i => [`v${i}`]): ImageRecord[] {
  return Array.from({ length: count }, (_, i) => {
    registry.set(nth(i), {
      imageDigest: nth(i),
      imageTags: tags(i),
      imagePushedAt: OLD,
      imageStatus: 'ACTIVE'
    })
    return {
      digest: nth(i),
      tags: tags(i),
      pushedAt: OLD,
      size: 10,
      isIndex: false,
      status: 'ACTIVE' as const
    }
  })
}
function answer() {
  ecrMock.on(DescribeImagesCommand).callsFake((input: { imageIds?: { imageDigest: string }[] }) => {
    if (!input.imageIds) return { imageDetails: [...registry.values()] }
    const missing = input.imageIds.find(id => !registry.has(id.imageDigest))
    if (missing)
      throw new ImageNotFoundException({ message: `image ${missing.imageDigest} not found`, $metadata: {} })
    return { imageDetails: input.imageIds.map(id => registry.get(id.imageDigest)) }
  })
  ecrMock.on(BatchDeleteImageCommand).callsFake((input: { imageIds: { imageDigest: string }[] }) => {
    input.imageIds.forEach(id => registry.delete(id.imageDigest))
    return { imageIds: input.imageIds, failures: [] }
  })
  ecrMock.on(UpdateImageStorageClassCommand).callsFake((input: { imageId: { imageDigest: string } }) => {
    const detail = registry.get(input.imageId.imageDigest)
    if (detail) detail.imageStatus = 'ARCHIVED'
    return { imageStatus: 'ARCHIVED' }
  })
}
function view(records: ImageRecord[], rules: Partial<CleanupRules> = {}) {
  return {
    records: new Map(records.map(r => [r.digest, r])),
    graph: { edges: new Map<string, Set<string>>() },
    rules: { ...RULES, ...rules },
    now: new Date(),
    inUse: new Map(),
    spared: new Map<string, string>()
  }
}
const calls = (command: Parameters<typeof ecrMock.commandCalls>[0]) => ecrMock.commandCalls(command).length

describe('executePlan reads each batch again right before its calls', () => {
  test('2 × ceil(n / 100) calls: one DescribeImages by image IDs and one BatchDeleteImage per 100', async () => {
    const records = seed(250)
    answer()
    const going = records.map(r => ({ digest: r.digest, verdict: 'delete' as const }))
    const result = await executePlan(store, 'team/app', going, view(records))
    expect(result.deleted.size).toBe(250)
    expect(calls(DescribeImagesCommand)).toBe(3)
    expect(calls(BatchDeleteImageCommand)).toBe(3)
    const reads = ecrMock.commandCalls(DescribeImagesCommand).map(c => c.args[0].input)
    expect(
      reads.every(input => input.filter?.imageStatus === 'ANY' && (input.imageIds?.length ?? 0) <= 100)
    ).toBe(true)
  })

  test('children of an index deleted in an earlier batch go with it, however young: not judged anew as orphans', async () => {
    // 100 old tagged images fill the first batch with the index; its 3 children, pushed just now (younger than
    // untagged-older-than, which would keep them alone), come in the next batch, after the index is gone.
    const records = seed(100)
    const index = { ...(records[99] as ImageRecord), isIndex: true }
    records[99] = index
    const children = [100, 101, 102].map(i => {
      registry.set(nth(i), { imageDigest: nth(i), imagePushedAt: new Date(), imageStatus: 'ACTIVE' })
      return {
        digest: nth(i),
        tags: [],
        pushedAt: new Date(),
        size: 10,
        isIndex: false,
        status: 'ACTIVE' as const
      }
    })
    answer()
    const all = [...records, ...children]
    const graphed = {
      ...view(all),
      graph: { edges: new Map([[index.digest, new Set(children.map(c => c.digest))]]) }
    }
    const going = all.map(r => ({ digest: r.digest, verdict: 'delete' as const }))
    const result = await executePlan(store, 'team/app', going, graphed)
    expect(result.spared).toEqual(new Map())
    expect(result.deleted.size).toBe(103)
    expect(calls(BatchDeleteImageCommand)).toBe(2)
  })

  test('a rollback that moved a kept tag spares that image; the rest of the batch goes', async () => {
    const records = seed(4)
    answer()
    registry.set(nth(1), { ...registry.get(nth(1)), imageTags: ['v1', 'prod'] })
    const going = records.map(r => ({ digest: r.digest, verdict: 'delete' as const }))
    const result = await executePlan(store, 'team/app', going, view(records))
    expect([...result.spared]).toEqual([[nth(1), 'gained tag prod since the listing']])
    expect([...result.deleted].sort()).toEqual([nth(0), nth(2), nth(3)])
    const deleted = ecrMock.commandCalls(BatchDeleteImageCommand)[0]?.args[0].input.imageIds
    expect(deleted?.map(id => id.imageDigest)).not.toContain(nth(1))
    expect(registry.has(nth(1))).toBe(true)
  })

  test('an image gone meanwhile makes ECR refuse the read by IDs: the listing is read instead, and nothing is wrong', async () => {
    const records = seed(3)
    answer()
    registry.delete(nth(2))
    const going = records.map(r => ({ digest: r.digest, verdict: 'delete' as const }))
    const result = await executePlan(store, 'team/app', going, view(records))
    expect([...result.alreadyGone]).toEqual([nth(2)])
    expect([...result.deleted].sort()).toEqual([nth(0), nth(1)])
    const reads = ecrMock.commandCalls(DescribeImagesCommand).map(c => c.args[0].input)
    expect(reads.map(input => (input.imageIds ? 'by ids' : `listing ${input.filter?.imageStatus}`))).toEqual([
      'by ids',
      'listing ANY'
    ])
  })

  test('a read that fails otherwise stops the deletions: nothing goes unread', async () => {
    const records = seed(3)
    answer()
    ecrMock.on(DescribeImagesCommand).rejects(Object.assign(new Error('boom'), { name: 'ServerException' }))
    const going = records.map(r => ({ digest: r.digest, verdict: 'delete' as const }))
    await expect(executePlan(store, 'team/app', going, view(records))).rejects.toThrow('boom')
    expect(calls(BatchDeleteImageCommand)).toBe(0)
  })
})

describe('executePlan archives', () => {
  test('each image by its own call, then every status read back', async () => {
    const records = seed(3)
    answer()
    const going = records.map(r => ({ digest: r.digest, verdict: 'archive' as const }))
    const result = await executePlan(store, 'team/app', going, view(records, { action: 'archive' }))
    expect([...result.archived].sort()).toEqual(records.map(r => r.digest))
    expect(calls(UpdateImageStorageClassCommand)).toBe(3)
    expect(calls(BatchDeleteImageCommand)).toBe(0)
    // one read before the calls, one after
    expect(calls(DescribeImagesCommand)).toBe(2)
    expect(ecrMock.commandCalls(UpdateImageStorageClassCommand)[0]?.args[0].input.targetStorageClass).toBe(
      'ARCHIVE'
    )
  })

  test('an image that is not ARCHIVED when read back is a failure, not an archival', async () => {
    const records = seed(2)
    answer()
    ecrMock.on(UpdateImageStorageClassCommand).callsFake((input: { imageId: { imageDigest: string } }) => {
      // ECR answered ARCHIVED, but the image reads back ACTIVE.
      void input
      return { imageStatus: 'ARCHIVED' }
    })
    const going = records.map(r => ({ digest: r.digest, verdict: 'archive' as const }))
    const result = await executePlan(store, 'team/app', going, view(records, { action: 'archive' }))
    expect(result.archived.size).toBe(0)
    expect(result.failed.map(f => f.reason)).toEqual([
      'not ARCHIVED when read back',
      'not ARCHIVED when read back'
    ])
  })

  test("a refused archival is that image's failure; the others are archived", async () => {
    const records = seed(2)
    answer()
    ecrMock
      .on(UpdateImageStorageClassCommand, { imageId: { imageDigest: nth(0) } })
      .rejects(
        Object.assign(new Error('not supported'), { name: 'ImageStorageClassUpdateNotSupportedException' })
      )
    const going = records.map(r => ({ digest: r.digest, verdict: 'archive' as const }))
    const result = await executePlan(store, 'team/app', going, view(records, { action: 'archive' }))
    expect([...result.archived]).toEqual([nth(1)])
    expect(result.failed).toEqual([
      { digest: nth(0), code: 'UpdateImageStorageClass', reason: 'not supported' }
    ])
  })
})
