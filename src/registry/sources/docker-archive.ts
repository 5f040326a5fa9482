import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip, deflateRawSync } from 'node:zlib'
import pLimit from 'p-limit'
import { ActionError } from '../../common/errors.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { MediaType } from '../media-types.js'
import { readJson } from './oci-layout.js'
import { platformOf, type LocalImageSource } from './types.js'

export const DockerMediaType = {
  config: 'application/vnd.docker.container.image.v1+json',
  gzipLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
} as const

interface ArchiveManifest {
  Config: string
  RepoTags?: string[] | null
  Layers: string[]
}

export interface CompressOptions {
  /** Where compressed layers are written. */
  workDir: string
  /** Layers compressed at once. */
  concurrency: number
  /** zlib level: 1 is several times faster than 6 for a few percent more bytes. */
  gzipLevel: number
}

/**
 * Reads an extracted `docker save` archive. Its layers are uncompressed tars: each is gzipped once into
 * a temp file while both forms are hashed; the uncompressed hash must equal the config's diff_id, and the
 * manifest gets the compressed digests and sizes. The config is pushed byte for byte.
 */
export async function readDockerArchive(
  dir: string,
  label: string,
  options: CompressOptions
): Promise<Omit<LocalImageSource, 'kind' | 'dispose'>> {
  const entries = await readJson<ArchiveManifest[]>(join(dir, 'manifest.json'), `${label}: manifest.json`)
  if (!Array.isArray(entries) || entries.length !== 1) {
    const count = Array.isArray(entries) ? entries.length : 0
    throw new ActionError(`${label}: manifest.json lists ${count} images; save exactly one image`)
  }
  const entry = entries[0] as ArchiveManifest
  const configBytes = await readEntry(dir, entry.Config, label)
  const configDigest = sha256Digest(configBytes)
  const named = /([a-f0-9]{64})(\.json)?$/.exec(entry.Config)?.[1]
  if (named && `sha256:${named}` !== configDigest) {
    throw new ActionError(`${label}: config ${entry.Config} is corrupt: its bytes give ${configDigest}`)
  }
  const config = JSON.parse(configBytes.toString('utf8')) as {
    os?: string
    architecture?: string
    variant?: string
    rootfs?: { diff_ids?: string[] }
  }
  const diffIds = config.rootfs?.diff_ids ?? []
  if (diffIds.length !== entry.Layers.length) {
    throw new ActionError(
      `${label}: the config lists ${diffIds.length} layers but manifest.json ${entry.Layers.length}`
    )
  }
  for (const layer of entry.Layers) await entrySize(dir, layer, label)

  const limit = pLimit(Math.max(1, options.concurrency))
  const layers = await Promise.all(
    entry.Layers.map((layer, i) =>
      limit(() => compressLayer(join(dir, layer), diffIds[i] as string, `${label}: ${layer}`, options, i))
    )
  )

  const manifestBytes = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: MediaType.dockerManifest,
        config: { mediaType: DockerMediaType.config, size: configBytes.length, digest: configDigest },
        layers: layers.map(l => ({ mediaType: l.mediaType, size: l.size, digest: l.digest }))
      },
      null,
      3
    )
  )
  const blobs = new Map<string, BlobSource>()
  blobs.set(configDigest, {
    digest: configDigest,
    size: configBytes.length,
    open: (start, end) => createReadStream(join(dir, entry.Config), { start, end })
  })
  for (const layer of layers) blobs.set(layer.digest, layer)
  return {
    blobs: [...blobs.values()],
    children: [],
    top: {
      digest: sha256Digest(manifestBytes),
      mediaType: MediaType.dockerManifest,
      bytes: manifestBytes,
      platform: platformOf(config)
    }
  }
}

async function readEntry(dir: string, name: string, label: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name))
  } catch {
    throw new ActionError(`${label}: ${name} (named in manifest.json) is missing`)
  }
}

async function entrySize(dir: string, name: string, label: string): Promise<number> {
  try {
    return (await stat(join(dir, name))).size
  } catch {
    throw new ActionError(`${label}: layer ${name} (named in manifest.json) is missing`)
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

/** Hashes bytes passing through. */
function hashing(hash: ReturnType<typeof createHash>, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      counter.bytes += chunk.length
      callback(null, chunk)
    }
  })
}

async function compressLayer(
  path: string,
  diffId: string,
  label: string,
  options: CompressOptions,
  index: number
): Promise<BlobSource & { mediaType: string }> {
  if (await isGzip(path)) {
    // Already compressed (some tools save that way): push as is; diff_id cannot be checked without inflating.
    const bytes = await hashFile(path)
    return {
      ...bytes,
      mediaType: DockerMediaType.gzipLayer,
      open: (s, e) => createReadStream(path, { start: s, end: e })
    }
  }
  const target = join(options.workDir, `layer-${index}.tar.gz`)
  const level = (await looksIncompressible(path)) ? 0 : options.gzipLevel
  const raw = createHash('sha256')
  const packed = createHash('sha256')
  const rawCount = { bytes: 0 }
  const packedCount = { bytes: 0 }
  await pipeline(
    createReadStream(path, { highWaterMark: 1024 * 1024 }),
    hashing(raw, rawCount),
    createGzip({ level }),
    hashing(packed, packedCount),
    createWriteStream(target)
  )
  const actualDiffId = `sha256:${raw.digest('hex')}`
  if (actualDiffId !== diffId) {
    throw new ActionError(`${label} is corrupt: its bytes give ${actualDiffId}, the config says ${diffId}`)
  }
  return {
    digest: `sha256:${packed.digest('hex')}`,
    size: packedCount.bytes,
    mediaType: DockerMediaType.gzipLayer,
    open: (start, end) => createReadStream(target, { start, end, highWaterMark: 1024 * 1024 })
  }
}

const SAMPLE_BYTES = 4 * 1024 * 1024

/**
 * Random or already-compressed data (the payload of many layers) gains nothing from deflate, which then
 * runs at ~50 MB/s per core here; stored gzip blocks (level 0) run at ~300 MB/s. A sample of the layer's
 * middle decides.
 */
async function looksIncompressible(path: string): Promise<boolean> {
  const { size } = await stat(path)
  if (size < SAMPLE_BYTES) return false
  const handle = await open(path, 'r')
  try {
    const start = Math.max(0, Math.floor(size / 2) - SAMPLE_BYTES / 2)
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, start)
    return deflateRawSync(buffer.subarray(0, bytesRead), { level: 1 }).length > bytesRead * 0.95
  } finally {
    await handle.close()
  }
}

async function hashFile(path: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { digest: `sha256:${hash.digest('hex')}`, size }
}
