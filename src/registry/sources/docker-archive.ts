import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip, deflateRawSync } from 'node:zlib'
import pLimit from 'p-limit'
import { ActionError } from '../../common/errors.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { BlobMediaType, MediaType } from '../media-types.js'
import { parseJson } from '../../common/json.js'
import { isDigest } from '../reference.js'
import type { ImageFiles } from './files.js'
import { readJson } from './oci-layout.js'
import { platformOf, type LocalImageSource } from './types.js'

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

/** What docker writes in manifest.json and a config: small files, read whole with a cap. */
const MAX_ARCHIVE_MANIFEST_BYTES = 1024 * 1024
const MAX_CONFIG_BYTES = 32 * 1024 * 1024

/**
 * Reads a `docker save` archive from its members. Its layers are uncompressed tars: each is gzipped once
 * into a temp file while both forms are hashed; the uncompressed hash must equal the config's diff_id,
 * and the manifest gets the compressed digests and sizes. The config is pushed byte for byte. Every
 * name in manifest.json is looked up among the archive's members, never on the file system.
 */
export async function readDockerArchive(
  files: ImageFiles,
  options: CompressOptions
): Promise<Omit<LocalImageSource, 'kind' | 'dispose'>> {
  const label = files.label
  const { layerNames, configBytes, configDigest, config, diffIds } = await readArchiveEntry(files)
  const limit = pLimit(Math.max(1, options.concurrency))
  const layers = await Promise.all(
    layerNames.map((layer, i) =>
      limit(() => compressLayer(files, layer, diffIds[i] as string, `${label}: ${layer}`, options, i))
    )
  )

  const manifestBytes = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: MediaType.dockerManifest,
        config: { mediaType: BlobMediaType.dockerConfig, size: configBytes.length, digest: configDigest },
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
    open: (start, end) =>
      Readable.from([configBytes.subarray(start ?? 0, end === undefined ? undefined : end + 1)])
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

interface ArchiveEntry {
  layerNames: string[]
  configBytes: Buffer
  configDigest: string
  config: { os?: string; architecture?: string; variant?: string }
  diffIds: string[]
}

/**
 * The one image manifest.json lists, and its config: read by name among the archive's members, the
 * config's digest checked against its name, one sha256 diff_id per layer, every layer in the archive.
 */
async function readArchiveEntry(files: ImageFiles): Promise<ArchiveEntry> {
  const label = files.label
  const entries = await readJson<unknown>(files, 'manifest.json', MAX_ARCHIVE_MANIFEST_BYTES)
  if (!Array.isArray(entries) || entries.length !== 1) {
    const count = Array.isArray(entries) ? entries.length : 0
    throw new ActionError(`${label}: manifest.json lists ${count} images; save exactly one image`)
  }
  const entry = entries[0] as Partial<ArchiveManifest> | null
  if (
    typeof entry?.Config !== 'string' ||
    !Array.isArray(entry.Layers) ||
    !entry.Layers.every(layer => typeof layer === 'string')
  ) {
    throw new ActionError(`${label}: manifest.json must give Config and Layers as file names in the archive`)
  }
  const { Config: configName, Layers: layerNames } = entry as ArchiveManifest
  const configBytes = await files.read(configName, MAX_CONFIG_BYTES)
  const configDigest = sha256Digest(configBytes)
  const named = /([a-f0-9]{64})(\.json)?$/.exec(configName)?.[1]
  if (named && `sha256:${named}` !== configDigest) {
    throw new ActionError(`${label}: config ${configName} is corrupt: its bytes give ${configDigest}`)
  }
  let config: ArchiveEntry['config'] & { rootfs?: { diff_ids?: unknown } }
  try {
    config = parseJson(configBytes.toString('utf8')) as typeof config
  } catch (error) {
    throw new ActionError(`${label}: config ${configName} ${(error as Error).message}`)
  }
  const diffIds = Array.isArray(config?.rootfs?.diff_ids) ? (config.rootfs.diff_ids as unknown[]) : []
  if (!diffIds.every(isDigest))
    throw new ActionError(`${label}: the config lists a diff_id that is not a sha256 digest`)
  if (diffIds.length !== layerNames.length) {
    throw new ActionError(
      `${label}: the config lists ${diffIds.length} layers but manifest.json ${layerNames.length}`
    )
  }
  for (const layer of layerNames) {
    if ((await files.size(layer)) === undefined) {
      throw new ActionError(`${label}: layer ${layer} (named in manifest.json) is not in the archive`)
    }
  }
  return { layerNames, configBytes, configDigest, config, diffIds }
}

/** The first bytes of a member (for sniffing), at most `length`. */
async function head(files: ImageFiles, name: string, start: number, length: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of files.open(name, start, start + length - 1)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function isGzip(files: ImageFiles, name: string): Promise<boolean> {
  const bytes = await head(files, name, 0, 2)
  return bytes.length === 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
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
  files: ImageFiles,
  name: string,
  diffId: string,
  label: string,
  options: CompressOptions,
  index: number
): Promise<BlobSource & { mediaType: string }> {
  if (await isGzip(files, name)) {
    // Already compressed (some tools save that way): push as is; diff_id cannot be checked without inflating.
    const bytes = await hashStream(files.open(name))
    return {
      ...bytes,
      mediaType: BlobMediaType.dockerGzipLayer,
      open: (s, e) => files.open(name, s, e)
    }
  }
  const target = join(options.workDir, `layer-${index}.tar.gz`)
  const level = (await looksIncompressible(files, name)) ? 0 : options.gzipLevel
  const raw = createHash('sha256')
  const packed = createHash('sha256')
  const rawCount = { bytes: 0 }
  const packedCount = { bytes: 0 }
  await pipeline(
    files.open(name),
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
    mediaType: BlobMediaType.dockerGzipLayer,
    open: (start, end) => createReadStream(target, { start, end, highWaterMark: 1024 * 1024 })
  }
}

const SAMPLE_BYTES = 4 * 1024 * 1024

/**
 * Random or already-compressed data (the payload of many layers) gains nothing from deflate, which then
 * runs at ~50 MB/s per core here; stored gzip blocks (level 0) run at ~300 MB/s. A sample of the layer's
 * middle decides.
 */
async function looksIncompressible(files: ImageFiles, name: string): Promise<boolean> {
  const size = (await files.size(name)) ?? 0
  if (size < SAMPLE_BYTES) return false
  const sample = await head(files, name, Math.max(0, Math.floor(size / 2) - SAMPLE_BYTES / 2), SAMPLE_BYTES)
  return deflateRawSync(sample, { level: 1 }).length > sample.length * 0.95
}

async function hashStream(stream: Readable): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of stream) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { digest: `sha256:${hash.digest('hex')}`, size }
}
