import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { RegistryClient } from '../../src/registry/client.js'
import { pushImage } from '../../src/registry/push.js'
import { openImageSource } from '../../src/registry/sources/index.js'
import type { ArchiveImageSource } from '../../src/registry/sources/types.js'
import { writeDockerSaveArchive, writeOciLayout } from '../../test/fixtures/images.js'
import { MemoryRegistry } from '../helpers/memory-registry.js'

const work = mkdtempSync(join(tmpdir(), 'push-archive-'))
const registry = new MemoryRegistry()
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
let archive: string
let saved: Awaited<ReturnType<typeof writeDockerSaveArchive>>

beforeAll(async () => {
  await registry.start()
  archive = join(work, 'save.tar')
  saved = await writeDockerSaveArchive(archive, {
    layers: [{ size: 300_000, compressible: true }, { size: 200_000 }, { size: 1000 }],
    seed: 'push-archive'
  })
})
afterAll(async () => {
  await registry.stop()
  rmSync(work, { recursive: true, force: true })
})
beforeEach(() => {
  for (const store of [registry.blobs, registry.manifests, registry.tags, registry.immutable]) store.clear()
  registry.log.length = 0
  registry.patches.length = 0
})

/** The archive extracted, a layer added on top (its diff_id in a new config), packed again. */
function rebuildWithNewTopLayer(source: string, dir: string): string {
  mkdirSync(dir, { recursive: true })
  execFileSync('tar', ['-xf', source, '-C', dir])
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as [
    { Config: string; Layers: string[] }
  ]
  const config = JSON.parse(readFileSync(join(dir, manifest[0].Config), 'utf8')) as {
    rootfs: { diff_ids: string[] }
  }
  const layer = Buffer.alloc(10_240)
  layer.write('a new top layer')
  mkdirSync(join(dir, 'top'))
  writeFileSync(join(dir, 'top/layer.tar'), layer)
  config.rootfs.diff_ids.push(sha256(layer))
  const configBytes = Buffer.from(JSON.stringify(config))
  const configName = `${sha256(configBytes).slice(7)}.json`
  writeFileSync(join(dir, configName), configBytes)
  rmSync(join(dir, manifest[0].Config))
  manifest[0].Config = configName
  manifest[0].Layers.push('top/layer.tar')
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
  const tar = `${dir}.tar`
  execFileSync('tar', ['-cf', tar, '-C', dir, '.'])
  return tar
}

/** Puts another image (an empty config, no layers) under `tag`, as an earlier push would have. */
const seedOtherImage = (tag: string, mediaType: string) =>
  registry.seed(
    tag,
    [Buffer.from('{}')],
    Buffer.from(
      JSON.stringify({ schemaVersion: 2, config: { digest: sha256(Buffer.from('{}')), size: 2 }, layers: [] })
    ),
    mediaType
  )

const client = () =>
  new RegistryClient({
    endpoint: registry.endpoint,
    basicToken: 'QVdTOnB3',
    retry: { sleep: async () => {} }
  })

/** The archive, with a count of how often each layer was compressed. */
async function openCounted(): Promise<{ image: ArchiveImageSource; compressions: () => number }> {
  const image = (await openImageSource(archive, { gzipLevel: 1 })) as ArchiveImageSource
  let count = 0
  const layers = image.layers.map(layer =>
    layer.kind === 'compress'
      ? {
          ...layer,
          compress: () => {
            count++
            return layer.compress()
          }
        }
      : layer
  )
  return { image: { ...image, layers }, compressions: () => count }
}

const push = (image: ArchiveImageSource, tags: string[], immutable = false) =>
  pushImage(client(), 'team/app', image, tags, { concurrency: 2, isImmutable: () => immutable })

describe('pushing a docker-save archive', () => {
  test('to a new repository: each layer compressed once and streamed, committed with the digest it hashed to', async () => {
    const { image, compressions } = await openCounted()
    const result = await push(image, ['v1', 'latest'])
    expect(compressions()).toBe(3)
    // One streamed (chunked) PATCH per layer; the config goes whole.
    expect(registry.patches).toHaveLength(3)
    expect(registry.patches.every(patch => patch.chunked)).toBe(true)
    const stored = registry.manifests.get(result.digest)
    const manifest = JSON.parse(stored?.bytes.toString() ?? '{}') as {
      config: { digest: string }
      layers: { digest: string; size: number }[]
    }
    expect(manifest.config.digest).toBe(saved.configDigest)
    // Each layer in the registry is the gzip of the saved layer: its uncompressed digest is the diff_id.
    manifest.layers.forEach((layer, i) => {
      const blob = registry.blobs.get(layer.digest) as Buffer
      expect(blob.length).toBe(layer.size)
      expect(sha256(gunzipSync(blob))).toBe(saved.diffIds[i])
    })
    expect(registry.tags.get('v1')).toBe(result.digest)
    expect(registry.tags.get('latest')).toBe(result.digest)
    expect(result.tags.map(t => t.outcome)).toEqual(['pushed', 'pushed'])
  })

  test('again, unchanged: nothing compressed, nothing uploaded, the tags left alone', async () => {
    const first = await push((await openCounted()).image, ['v1'])
    registry.log.length = 0
    registry.patches.length = 0
    const { image, compressions } = await openCounted()
    const again = await push(image, ['v1'])
    expect(again.digest).toBe(first.digest)
    expect(compressions()).toBe(0)
    expect(registry.patches).toEqual([])
    expect(registry.log.filter(line => !line.startsWith('HEAD') && !line.startsWith('GET'))).toEqual([])
    expect(again.tags).toEqual([{ tag: 'v1', outcome: 'unchanged' }])
    expect(again.blobs.every(blob => blob.outcome === 'present')).toBe(true)
  })

  test('a new tag on an image the repository has: its layers reused, the same digest', async () => {
    const first = await push((await openCounted()).image, ['v1'])
    const { image, compressions } = await openCounted()
    // The layers are found through the tag being pushed only when it holds the image: push v1 and v2.
    const both = await push(image, ['v1', 'v2'])
    expect(compressions()).toBe(0)
    expect(both.digest).toBe(first.digest)
    expect(both.tags).toEqual([
      { tag: 'v1', outcome: 'unchanged' },
      { tag: 'v2', outcome: 'pushed' }
    ])
  })

  test('a rebuilt image that shares layers: only the changed ones are compressed (found through the old config)', async () => {
    await push((await openCounted()).image, ['latest'])
    const rebuilt = rebuildWithNewTopLayer(archive, join(work, 'rebuilt'))
    const image = (await openImageSource(rebuilt, { gzipLevel: 1 })) as ArchiveImageSource
    expect(image.config.digest).not.toBe(saved.configDigest)
    registry.patches.length = 0
    await push(image, ['latest'])
    // Only the new top layer is compressed and uploaded: the others are known through the old config.
    expect(registry.patches).toHaveLength(1)
    expect(registry.log).toContain(`GET blobs/${saved.configDigest}`)
  })

  test('a layer whose bytes do not match its diff_id: its upload is never committed, no manifest is put', async () => {
    const dir = join(work, 'corrupt')
    mkdirSync(dir)
    execFileSync('tar', ['-xf', archive, '-C', dir])
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as [{ Layers: string[] }]
    const layer = join(dir, manifest[0].Layers[1] as string)
    const bytes = readFileSync(layer)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1)
    writeFileSync(layer, bytes)
    execFileSync('tar', ['-cf', `${dir}.tar`, '-C', dir, '.'])
    const image = (await openImageSource(`${dir}.tar`, { gzipLevel: 1 })) as ArchiveImageSource
    await expect(push(image, ['v1'])).rejects.toThrow(
      /1\/layer.tar is corrupt: its bytes give sha256:\w+, the config says/
    )
    expect(registry.manifests.size).toBe(0)
    expect(registry.tags.size).toBe(0)
    // The corrupt layer's gzip never reached the store: what is there are the other blobs, whole.
    for (const [digest, blob] of registry.blobs) expect(sha256(blob)).toBe(digest)
    expect(
      [...registry.blobs.values()].some(
        blob => blob.length > 1000 && sha256(gunzipSync(blob)) === saved.diffIds[1]
      )
    ).toBe(false)
    // The aborted uploads' requests may still be arriving: let them end here, not in the next test.
    await registry.idle()
  })

  test('an immutable tag holding another image fails before anything is sent', async () => {
    seedOtherImage('v1', 'application/vnd.docker.distribution.manifest.v2+json')
    registry.immutable.add('v1')
    const { image, compressions } = await openCounted()
    await expect(push(image, ['v1'], true)).rejects.toThrow(
      /Immutable tag would change: tag "v1" in team\/app already points at sha256:[a-f0-9]{64}, this image is the archive's image \(config sha256:[a-f0-9]{64}\)/
    )
    expect(compressions()).toBe(0)
    expect(registry.log.filter(line => !line.startsWith('GET'))).toEqual([])
  })
})

describe('pushing an OCI layout', () => {
  let layout: string
  beforeAll(async () => {
    layout = join(work, 'layout')
    await writeOciLayout(layout, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 50_000 }, { size: 20_000 }] }],
      seed: 'push-layout'
    })
  })
  const pushLayout = async (tags: string[], immutable = false) =>
    pushImage(client(), 'team/app', await openImageSource(layout, { gzipLevel: 1 }), tags, {
      concurrency: 2,
      isImmutable: () => immutable
    })

  test('again, unchanged: one manifest HEAD per tag and nothing else', async () => {
    const first = await pushLayout(['v1', 'latest'])
    registry.log.length = 0
    const again = await pushLayout(['v1', 'latest'])
    expect(again.digest).toBe(first.digest)
    expect(registry.log.sort()).toEqual(['HEAD manifests/latest', 'HEAD manifests/v1'])
    expect(again.tags.map(t => t.outcome)).toEqual(['unchanged', 'unchanged'])
  })

  test('a mutable tag holding another image is moved; an immutable one fails before anything is sent', async () => {
    const other = seedOtherImage('v1', 'application/vnd.oci.image.manifest.v1+json')
    registry.log.length = 0
    await expect(pushLayout(['v1'], true)).rejects.toThrow(/Immutable tag would change/)
    expect(registry.log).toEqual(['HEAD manifests/v1'])
    const moved = await pushLayout(['v1'])
    expect(moved.digest).not.toBe(other)
    expect(registry.tags.get('v1')).toBe(moved.digest)
    expect(moved.tags).toEqual([{ tag: 'v1', outcome: 'pushed' }])
  })
})
