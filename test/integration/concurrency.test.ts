/**
 * Two runs at once writing different images to the same tags, through one docker engine (as on a
 * self-hosted runner) or from files. Manifest PUTs are delayed at the registry front to widen the windows
 * between reading, writing and verifying; the delays decide which interleaving happens, never what is
 * checked. What each run must report is derived from where the tags end up (race-outcome.ts): every tag
 * is there and whole, a run whose image holds every tag succeeded, split tags mean a failed run, a failed
 * run names tags that hold the other run's image, and no staging tag is left behind. Under IMMUTABLE tags
 * (enforced by the front, as ECR does) the tags are never split and exactly one run succeeds.
 *
 * One writer moving a tag while the step reads its tags back is ordered through the front: the read-back
 * is held until the other writer's push has landed.
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
  holdNext,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoConfigDigest,
  uniqueRepository,
  type SeenRequest
} from './harness.js'
import { TAGS, dockerIdentity, expectHonestRace, layoutIdentity } from './race-outcome.js'

const deliver = (inputs: Record<string, string>) =>
  runStep('action.yml', 'dist/deliver/index.js', { dockerConfig: newDockerConfig(), inputs })
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
  return repository
}

/** A repository whose manifest PUTs are each delayed 300 ms: the two runs' writes overlap. */
async function racedRepository(mutability: string): Promise<string> {
  const repository = await newRepository(mutability)
  await addFault({ repository, kind: 'manifest', method: 'PUT', action: { type: 'delay', ms: 300 } })
  return repository
}

describe('two runs on one docker engine, different images, the same tags', () => {
  test.each([
    ['MUTABLE', 1],
    ['MUTABLE', 2],
    ['MUTABLE', 3],
    ['IMMUTABLE', 1],
    ['IMMUTABLE', 2],
    ['IMMUTABLE', 3]
  ])('%s tags, round %i', async mutability => {
    const repository = await racedRepository(mutability)
    const results = await Promise.all(
      images.map(image => deliver({ image: image.name, repository, tags: TAGS.join('\n') }))
    )
    await expectHonestRace(
      results,
      repository,
      mutability,
      dockerIdentity(
        repository,
        images.map(image => image.id)
      )
    )
    if (mutability === 'IMMUTABLE') {
      // The loser's image went with its staging tag: only the winner is in the repository.
      const { imageDetails } = await ecrApi<{ imageDetails: unknown[] }>('DescribeImages', {
        repositoryName: repository
      })
      expect(imageDetails).toHaveLength(1)
    }
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
    const repository = await racedRepository(mutability)
    const results = await Promise.all(
      layouts.map(layout => deliver({ source: layout.dir, repository, tags: TAGS.join('\n') }))
    )
    await expectHonestRace(
      results,
      repository,
      mutability,
      layoutIdentity(layouts.map(layout => layout.digest))
    )
  })
})

describe('another writer moves a tag while the step reads its tags back', () => {
  const isTagWrite = (r: SeenRequest, tag: string) =>
    r.method === 'PUT' && r.path.endsWith(`/manifests/${tag}`)
  const isReadBack = (r: SeenRequest) => r.method === 'HEAD' && r.kind === 'manifest' && r.fault === 'hold'

  test.each([
    [
      'source',
      (repository: string) =>
        deliver({ source: layouts[0]?.dir as string, repository, tags: TAGS.join('\n') }),
      async (_uri: string, digest: string) => digest === layouts[0]?.digest
    ],
    [
      'image',
      (repository: string) =>
        deliver({ image: images[0]?.name as string, repository, tags: TAGS.join('\n') }),
      async (uri: string, digest: string) => (await skopeoConfigDigest(`${uri}@${digest}`)) === images[0]?.id
    ]
  ])('%s: the step fails naming the moved tag and both digests', async (_kind, step, isOwn) => {
    const repository = await newRepository('MUTABLE')
    const uri = `${REGISTRY}/${repository}`
    // The step's first manifest PUT is held: every tag has been read by then (by HEAD or GET), so the
    // HEADs of manifests from here on are the read-back of the written tags, and those are held in turn.
    const firstPut = await holdNext({ repository, kind: 'manifest', method: 'PUT' })
    const running = step(repository)
    let readBack: Awaited<ReturnType<typeof holdNext>> | undefined
    try {
      await firstPut.reached()
      readBack = await holdNext({ repository, kind: 'manifest', method: 'HEAD', times: TAGS.length })
      await firstPut.release()
      await readBack.reached(TAGS.length)
      // The step wrote every tag and waits on the read-back.
      const written = await requestsOf(repository)
      for (const tag of TAGS)
        expect(written.filter(r => isTagWrite(r, tag)).map(r => r.status)).toEqual([201])
      expect(written.filter(isReadBack).map(r => r.status)).toEqual(TAGS.map(() => undefined))

      // The other writer: another image under c1.
      await run('skopeo', [
        'copy',
        '-q',
        '--dest-creds',
        `AWS:${PASSWORD}`,
        `oci:${layouts[1]?.dir}`,
        `docker://${uri}:c1`
      ])
      const moved = await requestsOf(repository)
      expect(moved.filter(r => isTagWrite(r, 'c1')).map(r => r.status)).toEqual([201, 201])
      // Its write was answered while every read-back was still held.
      expect(moved.filter(isReadBack).map(r => r.status)).toEqual(TAGS.map(() => undefined))
    } finally {
      await firstPut.release()
      await readBack?.release()
    }
    const result = await running
    const final = await expectWholeRepository(uri, TAGS)
    expect(final.c1).toBe(layouts[1]?.digest)
    const own = final.c2 as string
    expect(await isOwn(uri, own)).toBe(true)
    expect(TAGS.slice(1).map(tag => final[tag])).toEqual(TAGS.slice(1).map(() => own))
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining(
        `After the push, tag "c1" holds ${layouts[1]?.digest}, not this image ${own}: another push wrote this tag`
      )
    ])
    // The read-backs were answered after the release.
    const seen = await requestsOf(repository)
    expect(seen.filter(isReadBack).map(r => r.status)).toEqual(TAGS.map(() => 200))
  })
})
