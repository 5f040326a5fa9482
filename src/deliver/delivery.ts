import type { BlobResult } from '../registry/blobs.js'
import type { Referrer } from '../registry/referrers.js'

/** Where an image goes. */
export interface DeliveryTarget {
  /** `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app`. */
  repositoryUri: string
  /** The repository name, the path under /v2/. */
  repository: string
  isImmutable: (tag: string) => boolean
  /** Removes a tag from the repository (the staging tag of a docker push). */
  removeTag: (tag: string) => Promise<void>
}

/** `restored`: the tag was written again for an image that was archived, which a push restores (ECR). */
export type TagResult = 'pushed' | 'tagged' | 'unchanged' | 'restored'

/** What was delivered, however it was pushed: the outputs and the job summary are made from this. */
export interface Delivery {
  digest: string
  /** Compressed bytes of the image as stored (config and layers; for an index, its children). */
  size: number
  tags: { tag: string; reference: string; result: TagResult }[]
  /** For an index: each platform child. */
  platforms: { platform: string; digest: string }[]
  /** The referrers delivered with it (attestations, signatures), as the registry lists them. */
  referrers: Referrer[]
  /** For a daemonless push: what happened to each blob. */
  blobs?: BlobResult[]
}

/** What a push did in one registry: nothing, when every tag held the image already. */
export function resultOf(delivery: Delivery): 'delivered' | 'unchanged' | 'restored' {
  if (delivery.tags.some(t => t.result === 'restored')) return 'restored'
  return delivery.tags.every(t => t.result === 'unchanged') ? 'unchanged' : 'delivered'
}

/**
 * Pure: a delivery of an image that was archived restored it (the registry reads an archived image's tags
 * as missing, so they were written again): each tag written says so.
 */
export function markRestored(delivery: Delivery, archived: ReadonlySet<string>): Delivery {
  if (!archived.has(delivery.digest)) return delivery
  return {
    ...delivery,
    tags: delivery.tags.map(t => (t.result === 'unchanged' ? t : { ...t, result: 'restored' }))
  }
}

/** One entry of the `deliveries` output. */
export interface DeliveryRecord {
  registry: string
  region: string
  'repository-uri': string
  'image-uri': string
  digest: string
  result: 'delivered' | 'unchanged' | 'restored' | 'failed'
  error?: string
}

/** One registry's entry of `deliveries`; without a delivery it failed (`error` says why). */
export function recordOf(
  registry: string,
  region: string,
  repositoryUri: string,
  delivery: Delivery | undefined,
  error?: string
): DeliveryRecord {
  return {
    registry,
    region,
    'repository-uri': repositoryUri,
    'image-uri': delivery ? `${repositoryUri}@${delivery.digest}` : '',
    digest: delivery?.digest ?? '',
    result: delivery ? resultOf(delivery) : 'failed',
    ...(error ? { error } : {})
  }
}
