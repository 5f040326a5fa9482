/**
 * Two runs at once writing different images to the same tags, through one docker engine (as on a
 * self-hosted runner) or from files. Manifest PUTs are delayed at the registry front to widen the
 * windows between reading, writing and verifying. Whatever the interleaving: a green run's outputs name
 * its own image, a red run names the tag and both digests, no staging tag is left behind, and under
 * IMMUTABLE tags (enforced by the front, as ECR does) the tags are never split between the images.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  PASSWORD,
  REGISTRY,
  addFault,
  buildImage,
  ecrApi,
  expectWholeRepository,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoConfigDigest,
  skopeoTags,
  uniqueRepository,
  type StepResult
} from './harness.js'

const deliver = (inputs: Record<string, string>) =>
  runStep('action.yml', 'dist/deliver/index.js', { dockerConfig: newDockerConfig(), inputs })
const TAGS = ['c1', 'c2', 'c3', 'c4', 'c5']
const work = mkdtempSync(join(tmpdir(), 'concurrency-it-'))
const images: { name: string; id: string }[] = []
const layouts: { dir: string; digest: string }[] = []

beforeAll(async () => {
  for (const n of [1, 2]) {
    const name = `it-race:${n}`
    images.push({ name, id: await buildImage(name, `race ${n} ${Date.now()}`) })
    const dir = join(work, `layout-${n}`)
    const layout = await writeOciLayout(dir, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 50_000 }] }],
      seed: `race-${n}-${Date.now()}`
    })
    layouts.push({ dir, digest: layout.top.digest })
  }
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function newRepository(mutability: string): Promise<string> {
  const repository = uniqueRepository('race')
  await ecrApi('CreateRepository', { repositoryName: repository, imageTagMutability: mutability })
  await addFault({ repository, kind: 'manifest', method: 'PUT', action: { type: 'delay', ms: 300 } })
  return repository
}

/** What every run of a race must satisfy, green or red. */
async function expectHonestOutcome(
  runs: { result: StepResult; isOwn: (digest: string) => Promise<boolean> }[],
  repository: string
): Promise<Record<string, string>> {
  const uri = `${REGISTRY}/${repository}`
  for (const { result, isOwn } of runs) {
    if (result.exitCode === 0) {
      expect(result.errors).toEqual([])
      expect(await isOwn(result.outputs['image-digest'] as string)).toBe(true)
    } else {
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(/"c[1-5]"/)
      expect((result.errors[0] as string).match(/sha256:[a-f0-9]{64}/g)?.length ?? 0).toBeGreaterThanOrEqual(
        2
      )
    }
  }
  const tags = await skopeoTags(uri)
  expect(tags.filter(tag => tag.startsWith('ecr-deliver-staging'))).toEqual([])
  return expectWholeRepository(
    uri,
    TAGS.filter(tag => tags.includes(tag))
  )
}

const ownDockerImage = (repository: string, id: string) => async (digest: string) =>
  (await skopeoConfigDigest(`${REGISTRY}/${repository}@${digest}`)) === id

describe('two runs on one docker engine, different images, the same tags', () => {
  test.each([1, 2, 3])('mutable tags, round %i', async () => {
    const repository = await newRepository('MUTABLE')
    const runs = await Promise.all(
      images.map(async image => ({
        result: await deliver({ image: image.name, repository, tags: TAGS.join('\n') }),
        isOwn: ownDockerImage(repository, image.id)
      }))
    )
    await expectHonestOutcome(runs, repository)
  })

  test.each([1, 2, 3])('IMMUTABLE tags, round %i: one image holds every tag', async () => {
    const repository = await newRepository('IMMUTABLE')
    const runs = await Promise.all(
      images.map(async image => ({
        result: await deliver({ image: image.name, repository, tags: TAGS.join('\n') }),
        isOwn: ownDockerImage(repository, image.id)
      }))
    )
    const digests = await expectHonestOutcome(runs, repository)
    expect(Object.keys(digests).sort()).toEqual(TAGS)
    expect(new Set(Object.values(digests)).size).toBe(1)
    expect(runs.filter(r => r.result.exitCode === 0)).toHaveLength(1)
    // The loser's image went with its staging tag: only the winner is in the repository.
    const { imageDetails } = await ecrApi<{ imageDetails: unknown[] }>('DescribeImages', {
      repositoryName: repository
    })
    expect(imageDetails).toHaveLength(1)
  })
})

describe('two source pushes at once, different images, the same tags', () => {
  test.each([
    ['MUTABLE', 1],
    ['MUTABLE', 2],
    ['MUTABLE', 3],
    ['IMMUTABLE', 1],
    ['IMMUTABLE', 2]
  ])('%s tags, round %i', async mutability => {
    const repository = await newRepository(mutability)
    const runs = await Promise.all(
      layouts.map(async layout => ({
        result: await deliver({ source: layout.dir, repository, tags: TAGS.join('\n') }),
        isOwn: async (digest: string) => digest === layout.digest
      }))
    )
    const digests = await expectHonestOutcome(runs, repository)
    if (mutability === 'IMMUTABLE') {
      expect(new Set(Object.values(digests)).size).toBe(1)
      expect(runs.filter(r => r.result.exitCode === 0)).toHaveLength(1)
    }
  })
})

describe('another writer moves a tag while the step is writing', () => {
  /** Waits (bounded) until the front has answered a PUT of `tag`: the step has written it. */
  async function tagWritten(repository: string, tag: string): Promise<void> {
    const deadline = Date.now() + 60_000
    for (;;) {
      const requests = await requestsOf(repository)
      if (requests.some(r => r.method === 'PUT' && r.path.endsWith(`/manifests/${tag}`) && r.status === 201))
        return
      if (Date.now() > deadline) throw new Error(`no PUT of ${tag} reached the registry within 60 s`)
      await new Promise(resolve => setImmediate(resolve))
    }
  }

  test.each([
    [
      'source',
      (repository: string) =>
        deliver({ source: layouts[0]?.dir as string, repository, tags: TAGS.join('\n') })
    ],
    [
      'image',
      (repository: string) => deliver({ image: images[0]?.name as string, repository, tags: TAGS.join('\n') })
    ]
  ])('%s: the step fails naming the moved tag and both digests', async (_kind, step) => {
    const repository = await newRepository('MUTABLE')
    await addFault({ repository, kind: 'manifest', method: 'PUT', action: { type: 'delay', ms: 1000 } })
    const running = step(repository)
    await tagWritten(repository, 'c1')
    // The other writer: another image under c1, while the step goes on with c2 … c5.
    await run('skopeo', [
      'copy',
      '-q',
      '--dest-creds',
      `AWS:${PASSWORD}`,
      `oci:${layouts[1]?.dir}`,
      `docker://${REGISTRY}/${repository}:c1`
    ])
    const result = await running
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`tag "c1" holds ${layouts[1]?.digest}`)
    expect(result.errors[0]).toMatch(/not this image sha256:[a-f0-9]{64}: another push wrote this tag/)
  })
})
