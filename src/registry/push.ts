import pLimit, { type LimitFunction } from 'p-limit'
import type { BlobResult } from './blobs.js'
import type { RegistryClient } from './client.js'
import { pushArchiveImage } from './push-archive.js'
import { sendAll } from './send-all.js'
import type { LayoutImageSource, LocalImageSource } from './sources/types.js'
import { planTagWrites, putTags, readTags, tagOutcomes, verifyTags, type HeldTag } from './tags.js'

export interface PushOptions {
  /** Blobs uploaded at once. */
  concurrency: number
  /** A limit shared with other pushes (several registries at once); `concurrency` applies without one. */
  limit?: LimitFunction
  /** A repository of the same registry to mount blobs from instead of uploading them. */
  mountFrom?: string
  /** Whether a tag may not be moved to another digest. */
  isImmutable: (tag: string) => boolean
  /** How the refusal of an immutable move names the repository. */
  repositoryUri?: string
  /** What the tags hold, when the caller read them already (each tag is read once per registry). */
  held?: HeldTag[]
}

export type TagOutcome = 'pushed' | 'unchanged'

export interface PushResult {
  digest: string
  mediaType: string
  blobs: BlobResult[]
  tags: { tag: string; outcome: TagOutcome }[]
  /** `os/arch[/variant]` → digest, for each platform child of an index. */
  platforms: { platform: string; digest: string }[]
}

/**
 * Pushes a local image through the registry API: blobs (in parallel, each checked while streamed), then an
 * index's children by digest, then the top manifest under each tag, then every tag read back. Tags are
 * read first, so an immutable conflict fails before anything is written; a tag already at this digest is
 * left alone, and when every tag is, nothing else is sent. The check is check-then-write: what keeps two
 * concurrent writers apart is the registry's own tag immutability, and the read-back catches a mutable
 * tag that another push moved.
 */
export async function pushImage(
  registry: RegistryClient,
  repository: string,
  image: LocalImageSource,
  tags: string[],
  options: PushOptions
): Promise<PushResult> {
  if (image.kind === 'docker-archive') return pushArchiveImage(registry, repository, image, tags, options)
  return pushLayoutImage(registry, repository, image, tags, options)
}

/** An OCI layout's image: every digest known before anything is sent. */
async function pushLayoutImage(
  registry: RegistryClient,
  repository: string,
  image: LayoutImageSource,
  tags: string[],
  options: PushOptions
): Promise<PushResult> {
  const { top } = image
  // Every tag is read first (one GET each), as go-containerregistry's remote.Write checks before it
  // uploads: an immutable tag elsewhere fails before anything is sent, and a re-push of what the tags
  // already hold costs one request per tag instead of a HEAD per blob, the PUTs and the read-back.
  const held = options.held ?? (await readTags(registry, repository, tags, 'digest'))
  const ours = { digest: top.digest, isOurs: () => false, describe: top.digest }
  const writes = planTagWrites(held, ours, options.isImmutable, options.repositoryUri ?? repository)
  const { toWrite } = writes

  const platforms = image.children.flatMap(child =>
    child.platform ? [{ platform: child.platform, digest: child.digest }] : []
  )
  const result = {
    digest: top.digest,
    mediaType: top.mediaType,
    tags: tagOutcomes(tags, writes),
    platforms
  }
  if (toWrite.length === 0) return { ...result, blobs: [] }

  const blobs = await sendAll(
    image.blobs,
    (blob, signal) => registry.pushBlob(repository, blob, { mountFrom: options.mountFrom, signal }),
    options.limit ?? pLimit(Math.max(1, options.concurrency))
  )
  // Children before the index (in walk order, so a nested index follows its own children): a registry
  // may refuse an index whose children it does not have.
  for (const child of image.children) {
    await registry.putManifest(repository, child.digest, child.bytes, child.mediaType)
  }
  await putTags(registry, repository, toWrite, top)
  await verifyTags(registry, repository, tags, top.digest)
  return { ...result, blobs }
}
