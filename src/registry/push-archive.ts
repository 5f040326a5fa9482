import pLimit from 'p-limit'
import { formatBytes } from '../common/format.js'
import { parseJson } from '../common/json.js'
import * as log from '../common/log.js'
import type { BlobResult } from './blobs.js'
import type { RegistryClient } from './client.js'
import { HeadStart } from './head-start.js'
import type { StoredManifest } from './manifests.js'
import { isIndex, type ImageManifest } from './media-types.js'
import type { PushOptions, PushResult } from './push.js'
import { isDigest } from './reference.js'
import { sendAll } from './send-all.js'
import type { ArchiveImageSource, LayerDescriptor } from './sources/types.js'
import {
  type HeldTag,
  planTagWrites,
  putTags,
  readTags,
  refuseImmutableMoves,
  tagOutcomes,
  verifyTags
} from './tags.js'

/** A config read back to learn which compressed layer holds which diff_id: small, capped. */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024

/**
 * An archive push begun before its repository is ensured (only reads: what the tags hold, a config read
 * back): the layers the registry is known to hold, and the first of the others already compressing.
 */
export interface ArchiveStart {
  known: Map<string, LayerDescriptor>
  headStarts: Map<string, HeadStart>
  /** Ends the head starts no upload took. */
  cancel(): Promise<void>
}

/**
 * Compressed bytes the layers begun ahead may hold in memory, in all: enough for the time the repository
 * takes to be ensured and the first upload sessions to open (a few hundred ms on two cores), small beside
 * the 120 MB the whole push may take.
 */
export const HEAD_START_BYTES = 16 * 1024 * 1024

/**
 * Begins an archive push with reads only: the layers the registry holds are found through what the tags
 * hold (compare pushArchiveImage), and the first layers it lacks, those the push sends first
 * (`concurrency` at once, the config beside them), start compressing at once, each holding at most its
 * share of HEAD_START_BYTES until its upload opens. A layer the registry holds is never compressed, so an
 * unchanged re-run compresses nothing. An immutable tag holding another image still fails the push before
 * anything is uploaded; what was compressed ahead is then dropped.
 */
export async function startArchivePush(
  registry: RegistryClient,
  repository: string,
  image: ArchiveImageSource,
  held: HeldTag[],
  options: { concurrency: number }
): Promise<ArchiveStart> {
  const known = await knownLayers(registry, repository, image, held)
  const toCompress = uniqueLayers(image).filter(
    layer => layer.kind === 'compress' && !known.has(layer.diffId)
  )
  const first = toCompress.slice(0, Math.max(1, options.concurrency - 1))
  const headStarts = new Map<string, HeadStart>()
  for (const layer of first) {
    if (layer.kind !== 'compress') continue
    headStarts.set(layer.diffId, new HeadStart(() => layer.compress(), HEAD_START_BYTES / first.length))
  }
  return {
    known,
    headStarts,
    cancel: async () => {
      await Promise.all([...headStarts.values()].map(start => start.cancel()))
    }
  }
}

/**
 * Pushes a `docker save` archive. What the tags hold is read first: an immutable tag holding another
 * image (another config) fails before anything is written, and the layers of the images the tags hold
 * are matched to ours by diff_id, so a layer the registry already has compressed is reused after a HEAD
 * instead of being compressed again (a re-push of the same archive compresses and uploads nothing). The
 * rest are compressed while they upload, `concurrency` at once (the first ones begun ahead when the push
 * was started with startArchivePush); the manifest is made from the layers' digests, then put under each
 * tag and read back.
 */
export async function pushArchiveImage(
  registry: RegistryClient,
  repository: string,
  image: ArchiveImageSource,
  tags: string[],
  options: PushOptions
): Promise<PushResult> {
  const started = options.archiveStart
  try {
    const held = options.held ?? (await readTags(registry, repository, tags, 'manifest'))
    // Before anything is uploaded (or, unless begun ahead, compressed): an immutable tag holding another
    // image (another config) fails now.
    const configDigest = image.config.digest
    const before = {
      isOurs: (stored: StoredManifest) => configOf(stored) === configDigest,
      describe: `the archive's image (config ${configDigest})`
    }
    refuseImmutableMoves(
      [{ repositoryUri: options.repositoryUri ?? repository, held, isImmutable: options.isImmutable }],
      before
    )
    const known = started?.known ?? (await knownLayers(registry, repository, image, held))
    const sent = await sendLayers(registry, repository, image, known, options)
    log.info(layerSummaryLine(image.layers.length, sent.compressed))
    const ahead = [...(started?.headStarts.values() ?? [])].reduce((sum, start) => sum + start.bytesAhead, 0)
    if (ahead > 0) log.info(`${formatBytes(ahead)} of them compressed before their uploads opened`)
    const top = image.manifest(sent.descriptors)

    // Same config, other layer bytes (another tool's compression): an immutable tag cannot move to ours.
    const writes = planTagWrites(held, top.digest, options.isImmutable, options.repositoryUri ?? repository)
    const { toWrite } = writes
    await putTags(registry, repository, toWrite, top)
    if (toWrite.length > 0) await verifyTags(registry, repository, tags, top.digest)
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      blobs: sent.blobs,
      tags: tagOutcomes(tags, writes),
      platforms: [],
      referrers: []
    }
  } finally {
    await started?.cancel()
  }
}

/**
 * `8 layers: 2 compressed and uploaded, 6 the registry has`. The push benchmark reads this line
 * (bench/runners.ts, LAYERS_LINE); a unit test holds the two together.
 */
export function layerSummaryLine(layers: number, compressed: number): string {
  return `${layers} layers: ${compressed} compressed and uploaded, ${layers - compressed} the registry has`
}

function configOf(stored: StoredManifest): string | undefined {
  return isIndex(stored.manifest) ? undefined : (stored.manifest as ImageManifest).config?.digest
}

/**
 * Compressed layers the registry is known to hold, by diff_id: from each image a tag holds, its layers
 * zipped with its config's diff_ids (ours when the config is the same; else that config, read back).
 */
async function knownLayers(
  registry: RegistryClient,
  repository: string,
  image: ArchiveImageSource,
  held: { stored?: StoredManifest }[]
): Promise<Map<string, LayerDescriptor>> {
  const known = new Map<string, LayerDescriptor>()
  const ours = image.layers.map(layer => layer.diffId)
  const seen = new Set<string>()
  for (const { stored: manifest } of held) {
    if (!manifest || isIndex(manifest.manifest) || seen.has(manifest.digest)) continue
    seen.add(manifest.digest)
    const { config, layers } = manifest.manifest as ImageManifest
    if (!Array.isArray(layers) || !isDigest(config?.digest)) continue
    const diffIds =
      config.digest === image.config.digest ? ours : await diffIdsOf(registry, repository, config.digest)
    if (diffIds?.length !== layers.length) continue
    layers.forEach((layer, i) => {
      const diffId = diffIds[i] as string
      if (
        !known.has(diffId) &&
        isDigest(layer.digest) &&
        Number.isSafeInteger(layer.size) &&
        /gzip/.test(layer.mediaType)
      ) {
        known.set(diffId, { mediaType: layer.mediaType, size: layer.size, digest: layer.digest })
      }
    })
  }
  return known
}

async function diffIdsOf(
  registry: RegistryClient,
  repository: string,
  digest: string
): Promise<string[] | undefined> {
  const bytes = await registry.readBlob(repository, digest, MAX_CONFIG_BYTES)
  if (!bytes) return undefined
  try {
    const config = parseJson(bytes.toString('utf8')) as { rootfs?: { diff_ids?: unknown } }
    const ids = config?.rootfs?.diff_ids
    return Array.isArray(ids) && ids.every(isDigest) ? (ids as string[]) : undefined
  } catch {
    return undefined
  }
}

/**
 * The config and every layer, `concurrency` at once (through sendAll: the first failure aborts the rest):
 * a known layer the registry still has is reused, any other is compressed while it uploads (a diff_id
 * listed twice is sent once).
 */
async function sendLayers(
  registry: RegistryClient,
  repository: string,
  image: ArchiveImageSource,
  known: Map<string, LayerDescriptor>,
  options: PushOptions
): Promise<{ descriptors: LayerDescriptor[]; blobs: BlobResult[]; compressed: number }> {
  type Layer = ArchiveImageSource['layers'][number]
  type Sent = { blob: BlobResult; descriptor?: LayerDescriptor; compressed?: boolean }
  const sendLayer = async (source: Layer, signal: AbortSignal): Promise<Sent> => {
    const reuse = known.get(source.diffId)
    if (reuse && (await registry.blobExists(repository, reuse.digest))) {
      return {
        blob: { digest: reuse.digest, size: reuse.size, outcome: 'present', bytesSent: 0 },
        descriptor: reuse
      }
    }
    const begun = options.archiveStart?.headStarts.get(source.diffId)
    const blob =
      source.kind === 'ready'
        ? await registry.pushBlob(repository, source.blob, { mountFrom: options.mountFrom, signal })
        : await registry.pushStream(
            repository,
            `layer ${source.label}`,
            begun ? () => begun.take() : () => source.compress(),
            { signal }
          )
    return {
      blob,
      descriptor: { mediaType: source.mediaType, size: blob.size, digest: blob.digest },
      compressed: source.kind === 'compress'
    }
  }
  const layers = uniqueLayers(image)
  const sent = await sendAll<Layer | undefined, Sent>(
    [undefined, ...layers],
    async (layer, signal) =>
      layer
        ? sendLayer(layer, signal)
        : {
            blob: await registry.pushBlob(repository, image.config, { mountFrom: options.mountFrom, signal })
          },
    pLimit(Math.max(1, options.concurrency))
  )
  const byDiffId = new Map(
    layers.map((layer, i) => [layer.diffId, sent[i + 1]?.descriptor as LayerDescriptor])
  )
  return {
    descriptors: image.layers.map(layer => byDiffId.get(layer.diffId) as LayerDescriptor),
    blobs: sent.map(s => s.blob),
    compressed: sent.filter(s => s.compressed).length
  }
}

/** The archive's layers, a diff_id listed twice once (it is sent once). */
function uniqueLayers(image: ArchiveImageSource): ArchiveImageSource['layers'] {
  return [...new Map(image.layers.map(layer => [layer.diffId, layer])).values()]
}
