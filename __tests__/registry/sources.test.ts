import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { openImageSource } from '../../src/registry/sources/index.js'
import type {
  ArchiveImageSource,
  LayoutImageSource,
  LocalImageSource
} from '../../src/registry/sources/types.js'
import { MediaType } from '../../src/registry/media-types.js'
import { tarDirectory, writeDockerSaveArchive, writeOciLayout } from '../../test/fixtures/images.js'

const work = mkdtempSync(join(tmpdir(), 'sources-test-'))
const options = { gzipLevel: 1 }
const single = join(work, 'single')
const multi = join(work, 'multi')
const singleTar = join(work, 'single.tar')
const save = join(work, 'save.tar')
let singleResult: Awaited<ReturnType<typeof writeOciLayout>>
let multiResult: Awaited<ReturnType<typeof writeOciLayout>>
let saveResult: Awaited<ReturnType<typeof writeDockerSaveArchive>>

beforeAll(async () => {
  singleResult = await writeOciLayout(single, {
    platforms: [
      { os: 'linux', architecture: 'amd64', layers: [{ size: 4096 }, { size: 100_000, compressible: true }] }
    ],
    seed: 'single',
    tag: 'v1'
  })
  multiResult = await writeOciLayout(multi, {
    platforms: [
      { os: 'linux', architecture: 'amd64', layers: [{ size: 2048 }] },
      { os: 'linux', architecture: 'arm64', variant: 'v8', layers: [{ size: 2048 }] }
    ],
    seed: 'multi'
  })
  await tarDirectory(single, singleTar)
  saveResult = await writeDockerSaveArchive(save, {
    layers: [{ size: 50_000, compressible: true }, { size: 3000 }],
    seed: 'save',
    repoTag: 'app:ci'
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
/** The source as a layout, failing the test when it is an archive. */
function asLayout(image: LocalImageSource): LayoutImageSource {
  if (image.kind === 'docker-archive') throw new Error('expected a layout')
  return image
}
function asArchive(image: LocalImageSource): ArchiveImageSource {
  if (image.kind !== 'docker-archive') throw new Error('expected a docker-save archive')
  return image
}
async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
/** A copy of a fixture to break. */
function copyOf(source: string, name: string): string {
  const target = join(work, name)
  cpSync(source, target, { recursive: true })
  return target
}
const blobPath = (dir: string, digest: string) => join(dir, 'blobs', 'sha256', digest.slice(7))

describe('openImageSource: what it reads', () => {
  test('an OCI layout directory, single platform', async () => {
    const image = asLayout(await openImageSource(single, options))
    expect(image.kind).toBe('oci-layout')
    expect(image.top).toMatchObject({ digest: singleResult.top.digest, mediaType: MediaType.ociManifest })
    expect(image.children).toEqual([])
    expect(image.blobs.map(b => b.digest).sort()).toEqual(
      [...singleResult.configDigests, ...singleResult.layerDigests].sort()
    )
    for (const blob of image.blobs) expect(sha256(await readAll(blob.open()))).toBe(blob.digest)
    await image.dispose()
  })

  test('a multi-platform index: children with their platforms, the index on top', async () => {
    const image = asLayout(await openImageSource(multi, options))
    expect(image.top).toMatchObject({ digest: multiResult.indexDigest, mediaType: MediaType.ociIndex })
    expect(image.children.map(c => [c.digest, c.platform])).toEqual([
      [multiResult.manifestDigests[0], 'linux/amd64'],
      [multiResult.manifestDigests[1], 'linux/arm64/v8']
    ])
    expect(image.blobs).toHaveLength(4)
    await image.dispose()
  })

  test('a tar of an OCI layout, read in place', async () => {
    const image = asLayout(await openImageSource(singleTar, options))
    expect(image.kind).toBe('oci-archive')
    expect(image.top.digest).toBe(singleResult.top.digest)
    await image.dispose()
  })

  test('a docker save archive: the config byte for byte, layers compressed on the way, diff_ids kept', async () => {
    const image = asArchive(await openImageSource(save, options))
    expect(image.config.digest).toBe(saveResult.configDigest)
    expect(sha256(await readAll(image.config.open()))).toBe(saveResult.configDigest)
    expect(image.layers.map(layer => [layer.kind, layer.diffId])).toEqual(
      saveResult.diffIds.map(diffId => ['compress', diffId])
    )
    const descriptors = []
    for (const layer of image.layers) {
      if (layer.kind !== 'compress') throw new Error('expected a layer to compress')
      const packed = await readAll(layer.compress())
      // The same bytes on every pass: a retry, or a later run, gets the same digest.
      expect(sha256(await readAll(layer.compress()))).toBe(sha256(packed))
      // The uncompressed bytes are the layer docker saved: their digest is the config's diff_id.
      expect(sha256(gunzipSync(packed))).toBe(layer.diffId)
      descriptors.push({ mediaType: layer.mediaType, size: packed.length, digest: sha256(packed) })
    }
    const top = image.manifest(descriptors)
    const manifest = JSON.parse(top.bytes.toString()) as {
      mediaType: string
      config: { digest: string; mediaType: string }
      layers: { digest: string; size: number; mediaType: string }[]
    }
    expect(top.mediaType).toBe(MediaType.dockerManifest)
    expect(top.digest).toBe(sha256(top.bytes))
    expect(manifest.config).toMatchObject({
      digest: saveResult.configDigest,
      mediaType: 'application/vnd.docker.container.image.v1+json'
    })
    expect(manifest.layers).toEqual(descriptors)
    expect(manifest.layers.map(l => l.mediaType)).toEqual(
      Array(2).fill('application/vnd.docker.image.rootfs.diff.tar.gzip')
    )
    await image.dispose()
  })
})

describe('openImageSource: bad input is a clear error before anything is sent', () => {
  test('a missing path', async () => {
    await expect(openImageSource(join(work, 'nope'), options)).rejects.toThrow(
      `Input "source": ${join(work, 'nope')} does not exist`
    )
  })

  test('a directory that is no OCI layout', async () => {
    const dir = mkdtempSync(join(work, 'plain-'))
    await expect(openImageSource(dir, options)).rejects.toThrow(
      /is not an OCI image layout: it has no readable oci-layout file/
    )
  })

  test('a tar that is neither', async () => {
    const dir = mkdtempSync(join(work, 'other-'))
    writeFileSync(join(dir, 'readme.txt'), 'hello')
    await tarDirectory(dir, join(work, 'other.tar'))
    await expect(openImageSource(join(work, 'other.tar'), options)).rejects.toThrow(
      /neither manifest.json \(docker save\) nor oci-layout/
    )
  })

  test('a truncated tar', async () => {
    const truncated = join(work, 'truncated.tar')
    copyFileSync(save, truncated)
    truncateSync(truncated, Math.floor(statSync(save).size / 2))
    await expect(openImageSource(truncated, options)).rejects.toThrow(
      /is not a readable tar archive .*truncated or corrupt/
    )
  })

  test('garbage that is not a tar', async () => {
    const garbage = join(work, 'garbage.tar')
    writeFileSync(garbage, Buffer.alloc(4096, 0x41))
    await expect(openImageSource(garbage, options)).rejects.toThrow(/is not a readable tar archive/)
  })

  test('a manifest whose bytes do not match its digest', async () => {
    const dir = copyOf(single, 'bad-manifest')
    const path = blobPath(dir, singleResult.top.digest)
    const bytes = readFileSync(path)
    bytes[bytes.length - 2] = 0x20
    writeFileSync(path, bytes)
    await expect(openImageSource(dir, options)).rejects.toThrow(`blob ${singleResult.top.digest} is corrupt`)
  })

  test('an index that names a missing blob', async () => {
    const dir = copyOf(multi, 'missing-child')
    rmSync(blobPath(dir, multiResult.manifestDigests[1] as string))
    await expect(openImageSource(dir, options)).rejects.toThrow(
      `blob ${multiResult.manifestDigests[1]} is missing`
    )
  })

  test('a layer missing from the layout', async () => {
    const dir = copyOf(single, 'missing-layer')
    rmSync(blobPath(dir, singleResult.layerDigests[0] as string))
    await expect(openImageSource(dir, options)).rejects.toThrow(
      `blob ${singleResult.layerDigests[0]} is missing`
    )
  })

  test('a layer of the wrong size', async () => {
    const dir = copyOf(single, 'short-layer')
    truncateSync(blobPath(dir, singleResult.layerDigests[0] as string), 10)
    await expect(openImageSource(dir, options)).rejects.toThrow(/has 10 bytes, but its descriptor says/)
  })

  test('a docker save layer whose bytes do not match the diff_id: its stream ends in an error, not its trailer', async () => {
    const dir = mkdtempSync(join(work, 'save-x-'))
    execFileSync('tar', ['-xf', save, '-C', dir])
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as [{ Layers: string[] }]
    const layer = join(dir, manifest[0].Layers[0] as string)
    const bytes = readFileSync(layer)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1)
    writeFileSync(layer, bytes)
    await tarDirectory(dir, join(work, 'save-corrupt.tar'))
    const image = asArchive(await openImageSource(join(work, 'save-corrupt.tar'), options))
    const first = image.layers[0]
    if (first?.kind !== 'compress') throw new Error('expected a layer to compress')
    const received: Buffer[] = []
    const reading = (async () => {
      for await (const piece of first.compress()) received.push(piece)
    })()
    await expect(reading).rejects.toThrow(/is corrupt: its bytes give sha256:.*the config says/)
    // What came out is no whole gzip stream: an upload of it can never be completed.
    expect(() => gunzipSync(Buffer.concat(received))).toThrow()
  })
})
