import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { ActionError } from '../../common/errors.js'
import { sha256Digest } from '../digest.js'
import { BlobMediaType, MediaType } from '../media-types.js'
import { parseJson } from '../../common/json.js'
import { isDigest } from '../reference.js'
import type { ImageFiles } from './files.js'
import { readJson } from './oci-layout.js'
import { parallelGzip, worthCompressing } from './gzip.js'
import { platformOf, type ArchiveImageSource, type LayerToCompress, type ReadyLayer } from './types.js'

interface ArchiveManifest {
  Config: string
  RepoTags?: string[] | null
  Layers: string[]
}

export interface CompressOptions {
  /** zlib level: 1 is several times faster than 6 for a few percent more bytes. */
  gzipLevel: number
}

/** What docker writes in manifest.json and a config: small files, read whole with a cap. */
const MAX_ARCHIVE_MANIFEST_BYTES = 1024 * 1024
const MAX_CONFIG_BYTES = 32 * 1024 * 1024

/**
 * Reads a `docker save` archive from its members: manifest.json and the config now, the layers later.
 * Its layers are uncompressed tars: each is compressed while it uploads, read straight from the archive,
 * its uncompressed bytes hashed against the config's diff_id on the way (a mismatch fails the upload
 * before it is committed, so before any manifest). The config is pushed byte for byte, and the manifest is
 * made from the layers' compressed digests once they are known. Every name in manifest.json is looked up
 * among the archive's members, never on the file system.
 */
export async function readDockerArchive(
  files: ImageFiles,
  options: CompressOptions
): Promise<Omit<ArchiveImageSource, 'kind' | 'dispose' | 'notes'>> {
  const label = files.label
  const { layerNames, configBytes, configDigest, config, diffIds } = await readArchiveEntry(files)
  const layers = await Promise.all(
    layerNames.map(async (name, i): Promise<LayerToCompress | ReadyLayer> => {
      const diffId = diffIds[i] as string
      if (await isGzip(files, name)) {
        // Already compressed (some tools save that way): pushed as is.
        const hashed = await hashStream(files.open(name))
        const blob = {
          ...hashed,
          open: (start?: number, end?: number) => files.open(name, start, end),
          chunks: (start?: number, end?: number) => files.chunks(name, start, end)
        }
        return { kind: 'ready', blob, diffId, mediaType: BlobMediaType.dockerGzipLayer }
      }
      const size = (await files.size(name)) as number
      return layerToCompress(files, name, size, diffId, `${label}: ${name}`, options.gzipLevel)
    })
  )
  return {
    config: {
      digest: configDigest,
      size: configBytes.length,
      open: (start, end) =>
        Readable.from([configBytes.subarray(start ?? 0, end === undefined ? undefined : end + 1)])
    },
    layers,
    platform: platformOf(config),
    manifest(descriptors) {
      // docker's own layout (3-space indent, this key order): a layer set docker pushed gives its bytes.
      const bytes = Buffer.from(
        JSON.stringify(
          {
            schemaVersion: 2,
            mediaType: MediaType.dockerManifest,
            config: { mediaType: BlobMediaType.dockerConfig, size: configBytes.length, digest: configDigest },
            layers: descriptors.map(l => ({ mediaType: l.mediaType, size: l.size, digest: l.digest }))
          },
          null,
          3
        )
      )
      return {
        digest: sha256Digest(bytes),
        mediaType: MediaType.dockerManifest,
        bytes,
        platform: platformOf(config)
      }
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
  if (length <= 0) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  for await (const chunk of files.open(name, start, start + length - 1)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function isGzip(files: ImageFiles, name: string): Promise<boolean> {
  const bytes = await head(files, name, 0, 2)
  return bytes.length === 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** A layer's uncompressed bytes that do not hash to the config's diff_id. */
export class LayerCorruptError extends ActionError {
  constructor(label: string, actual: string, expected: string) {
    super(`${label} is corrupt: its bytes give ${actual}, the config says ${expected}`)
    this.name = 'LayerCorruptError'
  }
}

function layerToCompress(
  files: ImageFiles,
  name: string,
  size: number,
  diffId: string,
  label: string,
  gzipLevel: number
): LayerToCompress {
  return {
    kind: 'compress',
    label,
    diffId,
    size,
    mediaType: BlobMediaType.dockerGzipLayer,
    async *compress() {
      const level = (await worthCompressing(await sampleOf(files, name, size))) ? gzipLevel : 0
      const raw = createHash('sha256')
      let seen = 0
      // One reused read buffer: parallelGzip copies each chunk into its own blocks before the next read.
      const hashed = (async function* () {
        for await (const chunk of files.chunks(name)) {
          raw.update(chunk)
          seen += chunk.length
          yield chunk
        }
      })()
      // The last piece (the gzip trailer) is held back until the uncompressed bytes are proven: a corrupt
      // layer never becomes a whole gzip stream.
      let held: Buffer | undefined
      for await (const piece of parallelGzip(hashed, { level })) {
        if (held) yield held
        held = piece
      }
      const actual = `sha256:${raw.digest('hex')}`
      if (seen !== size || actual !== diffId) throw new LayerCorruptError(label, actual, diffId)
      if (held) yield held
    }
  }
}

const SAMPLE_BYTES = 256 * 1024

/** A slice from the middle of the layer (its start is tar headers, which always compress). */
async function sampleOf(files: ImageFiles, name: string, size: number): Promise<Buffer> {
  if (size <= SAMPLE_BYTES) return head(files, name, 0, size)
  return head(files, name, Math.floor(size / 2) - SAMPLE_BYTES / 2, SAMPLE_BYTES)
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
