import type { BlobResult } from '../registry/blobs.js'

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

export type TagResult = 'pushed' | 'tagged' | 'unchanged'

/** What was delivered, however it was pushed: the outputs and the job summary are made from this. */
export interface Delivery {
  digest: string
  /** Compressed bytes of the image as stored (config and layers; for an index, its children). */
  size: number
  tags: { tag: string; reference: string; result: TagResult }[]
  /** For an index: each platform child. */
  platforms: { platform: string; digest: string }[]
  /** For a daemonless push: what happened to each blob. */
  blobs?: BlobResult[]
}
