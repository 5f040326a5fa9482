import pLimit from 'p-limit'
import { ActionError } from '../common/errors.js'
import type { BlobResult, RegistryClient } from './client.js'
import type { LocalImageSource } from './sources/types.js'

export interface PushOptions {
  /** Blobs uploaded at once. */
  concurrency: number
  /** A repository of the same registry to mount blobs from instead of uploading them. */
  mountFrom?: string
  /** Whether a tag may not be moved to another digest. */
  isImmutable: (tag: string) => boolean
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
 * index's children by digest, then the top manifest under each tag. Immutable tags are checked first, so
 * a conflict fails before anything is written; a tag already at this digest is left alone.
 */
export async function pushImage(
  registry: RegistryClient,
  repository: string,
  image: LocalImageSource,
  tags: string[],
  options: PushOptions
): Promise<PushResult> {
  const { top } = image
  const current = await Promise.all(
    tags.map(async tag => ({
      tag,
      // Only immutable tags need reading first; a mutable tag is simply written.
      digest: options.isImmutable(tag) ? await registry.resolveManifestDigest(repository, tag) : undefined
    }))
  )
  const conflicts = current.filter(c => c.digest !== undefined && c.digest !== top.digest)
  if (conflicts.length > 0) {
    throw new ActionError(
      `Immutable tag${conflicts.length > 1 ? 's' : ''} would change: ` +
        conflicts
          .map(c => `tag "${c.tag}" already points at ${c.digest}, the image is ${top.digest}`)
          .join('; ') +
        '. Immutable tags cannot be moved to another image: push under a new tag.'
    )
  }
  const unchanged = new Set(current.filter(c => c.digest === top.digest).map(c => c.tag))
  const toWrite = tags.filter(tag => !unchanged.has(tag))

  const platforms = image.children.flatMap(child =>
    child.platform ? [{ platform: child.platform, digest: child.digest }] : []
  )
  if (toWrite.length === 0) {
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      blobs: [],
      tags: tagResults(tags, unchanged),
      platforms
    }
  }

  const limit = pLimit(Math.max(1, options.concurrency))
  const blobs = await Promise.all(
    image.blobs.map(blob => limit(() => registry.pushBlob(repository, blob, options.mountFrom)))
  )
  // Children before the index (in walk order, so a nested index follows its own children): a registry
  // may refuse an index whose children it does not have.
  for (const child of image.children) {
    await registry.putManifest(repository, child.digest, child.bytes, child.mediaType)
  }
  for (const tag of toWrite) await registry.putManifest(repository, tag, top.bytes, top.mediaType)
  return { digest: top.digest, mediaType: top.mediaType, blobs, tags: tagResults(tags, unchanged), platforms }
}

function tagResults(tags: string[], unchanged: Set<string>): PushResult['tags'] {
  return tags.map(tag => ({ tag, outcome: unchanged.has(tag) ? 'unchanged' : 'pushed' }))
}
