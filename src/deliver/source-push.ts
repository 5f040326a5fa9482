import type { LimitFunction } from 'p-limit'
import { formatBytes } from '../common/format.js'
import type { BlobResult } from '../registry/blobs.js'
import type { RegistryClient } from '../registry/client.js'
import { pushImage } from '../registry/push.js'
import type { ArchiveStart } from '../registry/push-archive.js'
import type { HeldTag } from '../registry/tags.js'
import type { LocalImageSource } from '../registry/sources/index.js'
import type { Delivery, DeliveryTarget } from './delivery.js'
import type { ReferrerChoice } from './inputs.js'
import * as log from '../common/log.js'

/**
 * `3 blobs: 2 uploaded, 1 present, 0 mounted; 1.5 MiB sent in 0.4 s`. The push benchmark reads this line
 * (bench/runners.ts, PUSH_LINE); a unit test holds the two together.
 */
export function blobSummaryLine(blobs: BlobResult[], sent: number, seconds: number): string {
  const counts = (['uploaded', 'present', 'mounted'] as const).map(
    outcome => `${blobs.filter(b => b.outcome === outcome).length} ${outcome}`
  )
  return `${blobs.length} blobs: ${counts.join(', ')}; ${formatBytes(sent)} sent in ${seconds.toFixed(1)} s`
}

/** Delivers an image read from files (OCI layout or docker-save archive) through the registry API. */
export async function deliverSourceImage(
  registry: RegistryClient,
  image: LocalImageSource,
  target: DeliveryTarget,
  tags: string[],
  options: {
    concurrency: number
    mountFrom?: string
    limit?: LimitFunction
    held?: HeldTag[]
    referrers: ReferrerChoice
    archiveStart?: ArchiveStart
  }
): Promise<Delivery> {
  const started = Date.now()
  const result = await pushImage(registry, target.repository, image, tags, {
    concurrency: options.concurrency,
    limit: options.limit,
    mountFrom: options.mountFrom,
    isImmutable: target.isImmutable,
    repositoryUri: target.repositoryUri,
    held: options.held,
    referrers: options.referrers,
    archiveStart: options.archiveStart
  })
  const sent = result.blobs.reduce((sum, blob) => sum + blob.bytesSent, 0)
  const seconds = (Date.now() - started) / 1000
  if (result.tags.every(t => t.outcome === 'unchanged')) {
    log.info(`Every tag already points at ${result.digest}: nothing to push`)
  } else {
    log.info(blobSummaryLine(result.blobs, sent, seconds))
  }
  return {
    digest: result.digest,
    // What the registry holds for it: a layout's blobs, or an archive's config and compressed layers.
    size: (image.kind === 'docker-archive' ? result.blobs : image.blobs).reduce(
      (sum, blob) => sum + blob.size,
      0
    ),
    tags: result.tags.map(({ tag, outcome }) => ({
      tag,
      reference: `${target.repositoryUri}:${tag}`,
      // A tag written for an image another tag already held: the image was there.
      result: outcome === 'pushed' && result.tags.some(t => t.outcome === 'unchanged') ? 'tagged' : outcome
    })),
    platforms: result.platforms,
    referrers: result.referrers,
    blobs: result.blobs
  }
}
