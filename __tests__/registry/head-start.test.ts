import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RegistryClient } from '../../src/registry/client.js'
import { HeadStart } from '../../src/registry/head-start.js'
import { HEAD_START_BYTES, startArchivePush } from '../../src/registry/push-archive.js'
import { pushImage } from '../../src/registry/push.js'
import { openImageSource } from '../../src/registry/sources/index.js'
import type { ArchiveImageSource } from '../../src/registry/sources/types.js'
import { readTags } from '../../src/registry/tags.js'
import { writeDockerSaveArchive } from '../../test/fixtures/images.js'
import { MemoryRegistry } from '../helpers/memory-registry.js'

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** A stream of `count` pieces of `size` bytes, counting what was produced and whether it was closed. */
function counted(count: number, size: number, failAt?: number) {
  const seen = { produced: 0, streams: 0, closed: 0 }
  const produce = async function* (): AsyncGenerator<Buffer> {
    seen.streams++
    try {
      for (let i = 0; i < count; i++) {
        if (i === failAt) throw new Error(`piece ${i} is corrupt`)
        seen.produced += size
        yield Buffer.alloc(size, i)
      }
    } finally {
      seen.closed++
    }
  }
  return { produce, seen }
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const pieces: Buffer[] = []
  for await (const piece of stream) pieces.push(piece)
  return Buffer.concat(pieces)
}

/** Lets the head start run as far as it will. */
const settle = () => new Promise(resolve => setImmediate(resolve))

/** Waits for a condition that file reads and zlib's thread pool make true in their own time. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise(resolve => setTimeout(resolve, 5))
}

describe('HeadStart', () => {
  test('holds what it produced ahead up to its limit, then waits; taken, it gives the whole stream once', async () => {
    const { produce, seen } = counted(10, 100)
    const begun = new HeadStart(produce, 350)
    for (let i = 0; i < 20; i++) await settle()
    // Paused at its limit: four pieces (the one that crossed it is kept, not read again).
    expect(seen.produced).toBe(400)
    expect(begun.bytesHeld).toBe(400)
    const whole = await readAll(begun.take())
    expect(whole).toEqual(await readAll(counted(10, 100).produce()))
    expect(seen).toEqual({ produced: 1000, streams: 1, closed: 1 })
  })

  test('a second take (a retry) gets a fresh stream from the start', async () => {
    const { produce, seen } = counted(3, 10)
    const begun = new HeadStart(produce, 1000)
    const first = await readAll(begun.take())
    const again = await readAll(begun.take())
    expect(again).toEqual(first)
    expect(seen.streams).toBe(2)
  })

  test('cancelled before anyone took it: the stream is closed and what it held is dropped', async () => {
    const { produce, seen } = counted(100, 100)
    const begun = new HeadStart(produce, 250)
    await settle()
    await begun.cancel()
    expect(seen.closed).toBe(1)
    expect(seen.produced).toBeLessThanOrEqual(300)
    expect(begun.bytesHeld).toBe(0)
  })

  test('a stream that fails while held fails its taker, after the pieces before the failure', async () => {
    const { produce } = counted(5, 10, 2)
    const begun = new HeadStart(produce, 1000)
    await settle()
    const pieces: Buffer[] = []
    await expect(
      (async () => {
        for await (const piece of begun.take()) pieces.push(piece)
      })()
    ).rejects.toThrow('piece 2 is corrupt')
    expect(pieces).toHaveLength(2)
  })

  test('taken and then left (an aborted upload): the stream is closed', async () => {
    const { produce, seen } = counted(100, 10)
    const begun = new HeadStart(produce, 50)
    for await (const piece of begun.take()) if (piece[0] === 7) break
    expect(seen.closed).toBe(1)
    expect(seen.produced).toBeLessThan(1000)
  })
})

describe('startArchivePush: an archive push begun with reads only', () => {
  const work = mkdtempSync(join(tmpdir(), 'head-start-'))
  const registry = new MemoryRegistry()
  let archive: string
  const client = () =>
    new RegistryClient({
      endpoint: registry.endpoint,
      basicToken: 'QVdTOnB3',
      retry: { sleep: async () => {} }
    })

  beforeAll(async () => {
    await registry.start()
    archive = join(work, 'save.tar')
    await writeDockerSaveArchive(archive, {
      layers: [{ size: 3_000_000, compressible: true }, { size: 2_000_000 }, { size: 1000 }],
      seed: 'head-start'
    })
  })
  afterAll(async () => {
    await registry.stop()
    rmSync(work, { recursive: true, force: true })
  })
  beforeEach(() => {
    for (const store of [registry.blobs, registry.manifests, registry.tags]) store.clear()
    registry.log.length = 0
  })

  /** The archive, counting each layer's compressions and the uncompressed bytes each compression read. */
  async function openCounted() {
    const image = (await openImageSource(archive, { gzipLevel: 1 })) as ArchiveImageSource
    const count = { compressions: 0, bytesOut: 0 }
    const layers = image.layers.map(layer =>
      layer.kind === 'compress'
        ? {
            ...layer,
            compress: async function* () {
              count.compressions++
              for await (const piece of layer.compress()) {
                count.bytesOut += piece.length
                yield piece
              }
            }
          }
        : layer
    )
    return { image: { ...image, layers }, count }
  }

  const push = async (image: ArchiveImageSource, begun?: Awaited<ReturnType<typeof startArchivePush>>) =>
    pushImage(client(), 'team/app', image, ['v1'], {
      concurrency: 3,
      isImmutable: () => false,
      held: await readTags(client(), 'team/app', ['v1'], 'manifest'),
      archiveStart: begun
    })

  test('a new repository: the first layers compress ahead, bounded, and the push sends the same image', async () => {
    const plain = await openCounted()
    const expected = await push(plain.image)
    for (const store of [registry.blobs, registry.manifests, registry.tags]) store.clear()

    const { image, count } = await openCounted()
    const held = await readTags(client(), 'team/app', ['v1'], 'manifest')
    const begun = await startArchivePush(client(), 'team/app', image, held, { concurrency: 3 })
    // The config goes beside them: concurrency 3 begins two layers, each with half the memory.
    expect(begun.headStarts.size).toBe(2)
    const heldBytes = () => [...begun.headStarts.values()].reduce((sum, start) => sum + start.bytesHeld, 0)
    await until(() => heldBytes() > 0)
    expect(heldBytes()).toBeGreaterThan(0)
    // At most its share, plus the piece that crossed it (a 1 MiB block compressed at most).
    for (const start of begun.headStarts.values())
      expect(start.bytesHeld).toBeLessThanOrEqual(HEAD_START_BYTES / 2 + 1024 * 1024 + 64 * 1024)
    const pushed = await push(image, begun)
    expect(pushed.digest).toBe(expected.digest)
    // Each layer compressed once: the head starts were taken, not started again.
    expect(count.compressions).toBe(3)
    for (const [digest, blob] of registry.blobs) expect(sha256(blob)).toBe(digest)
  })

  test('an unchanged re-run: nothing begun, no layer byte compressed', async () => {
    await push((await openCounted()).image)
    const { image, count } = await openCounted()
    const held = await readTags(client(), 'team/app', ['v1'], 'manifest')
    const begun = await startArchivePush(client(), 'team/app', image, held, { concurrency: 3 })
    expect(begun.headStarts.size).toBe(0)
    const again = await push(image, begun)
    expect(again.tags).toEqual([{ tag: 'v1', outcome: 'unchanged' }])
    expect(count).toEqual({ compressions: 0, bytesOut: 0 })
  })

  test('a push that fails before its uploads (an immutable tag elsewhere) ends what was begun', async () => {
    registry.seed(
      'v1',
      [Buffer.from('{}')],
      Buffer.from('{"schemaVersion":2,"layers":[]}'),
      'application/vnd.oci.image.manifest.v1+json'
    )
    const { image } = await openCounted()
    const held = await readTags(client(), 'team/app', ['v1'], 'manifest')
    const begun = await startArchivePush(client(), 'team/app', image, held, { concurrency: 3 })
    await expect(
      pushImage(client(), 'team/app', image, ['v1'], {
        concurrency: 3,
        isImmutable: () => true,
        held,
        archiveStart: begun
      })
    ).rejects.toThrow(/Immutable tag would change/)
    for (const start of begun.headStarts.values()) expect(start.bytesHeld).toBe(0)
    expect(registry.log.filter(line => line.startsWith('POST') || line.startsWith('PATCH'))).toEqual([])
  })
})
