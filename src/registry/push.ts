import pLimit, { type LimitFunction } from 'p-limit'
import type { BlobResult, BlobSource } from './blobs.js'
import type { RegistryClient } from './client.js'
import { pushArchiveImage, type ArchiveStart } from './push-archive.js'
import { sendAll } from './send-all.js'
import { missingReferrers, putReferrer, referrerOf, verifyReferrers, type Referrer } from './referrers.js'
import type { LayoutImageSource, LocalImageSource, ManifestBlob } from './sources/types.js'
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
  /** `skip`: the referrers outside the image (signatures, a platform's attestation) stay behind. */
  referrers?: 'push' | 'skip'
  /** An archive's push begun before (startArchivePush): its known layers, and the first ones compressing. */
  archiveStart?: ArchiveStart
}

export type TagOutcome = 'pushed' | 'unchanged'

export interface PushResult {
  digest: string
  mediaType: string
  blobs: BlobResult[]
  tags: { tag: string; outcome: TagOutcome }[]
  /** `os/arch[/variant]` → digest, for each platform child of an index. */
  platforms: { platform: string; digest: string }[]
  /** The referrers the registry lists for what was pushed (attestations, signatures), each read back. */
  referrers: Referrer[]
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
  return pushGraph(registry, repository, image, tags, options)
}

/** An image whose every manifest and blob is known: a layout's, or one read from another registry. */
export type ImageGraph = Pick<LayoutImageSource, 'blobs' | 'children' | 'top' | 'referrers' | 'referrerBlobs'>

/**
 * An image graph (a layout's, a copy's): every digest known before anything is sent. A manifest with a subject goes after
 * its subject (the spec lets a registry take either order, but gitlab.com refused a referrer first): blobs,
 * the children without one, the children with one (an index's attestations), the top by digest when
 * something refers to it, the other referrers, then the tags; the tags and the referrers read back.
 */
export async function pushGraph(
  registry: RegistryClient,
  repository: string,
  image: ImageGraph,
  tags: string[],
  options: PushOptions
): Promise<PushResult> {
  const { top } = image
  // Every tag is read first (one GET each), as go-containerregistry's remote.Write checks before it
  // uploads: an immutable tag elsewhere fails before anything is sent, and a re-push of what the tags
  // already hold costs one request per tag instead of a HEAD per blob, the PUTs and the read-back.
  const held = options.held ?? (await readTags(registry, repository, tags, 'digest'))
  const writes = planTagWrites(held, top.digest, options.isImmutable, options.repositoryUri ?? repository)
  const { toWrite } = writes

  const withReferrers = options.referrers !== 'skip'
  const attached = image.children.filter(hasSubject)
  const extra = withReferrers ? image.referrers.filter(hasSubject) : []
  const referrers = withReferrers ? [...attached, ...extra] : []
  const result = {
    digest: top.digest,
    mediaType: top.mediaType,
    tags: tagOutcomes(tags, writes),
    platforms: image.children.flatMap(child =>
      child.platform ? [{ platform: child.platform, digest: child.digest }] : []
    ),
    referrers: referrers.map(referrerOf)
  }
  const limit = options.limit ?? pLimit(Math.max(1, options.concurrency))
  const send = (blobs: BlobSource[]) =>
    sendAll(
      blobs,
      (blob, signal) => registry.pushBlob(repository, blob, { mountFrom: options.mountFrom, signal }),
      limit
    )
  if (toWrite.length === 0) {
    // The image is there: only referrers it lacks (a first run with referrers: skip, another tool) go.
    const missing = await missingReferrers(registry, repository, referrers)
    if (missing.length === 0) return { ...result, blobs: [] }
    const blobs = await send(image.referrerBlobs)
    for (const referrer of missing) await putReferrer(registry, repository, referrer, referrer.subject)
    await verifyReferrers(registry, repository, result.referrers)
    return { ...result, blobs }
  }

  const blobs = await send(withReferrers ? [...image.blobs, ...image.referrerBlobs] : image.blobs)
  // Children before the index (in walk order, so a nested index follows its own children): a registry
  // may refuse an index whose children it does not have.
  for (const child of image.children.filter(child => !hasSubject(child))) {
    await registry.putManifest(repository, child.digest, child.bytes, child.mediaType)
  }
  for (const child of attached) {
    if (withReferrers) await putReferrer(registry, repository, child, child.subject)
    else await registry.putManifest(repository, child.digest, child.bytes, child.mediaType)
  }
  if (extra.length > 0) await registry.putManifest(repository, top.digest, top.bytes, top.mediaType)
  for (const referrer of extra) await putReferrer(registry, repository, referrer, referrer.subject)
  await putTags(registry, repository, toWrite, top)
  await verifyTags(registry, repository, tags, top.digest)
  await verifyReferrers(registry, repository, result.referrers)
  return { ...result, blobs }
}

function hasSubject(manifest: ManifestBlob): manifest is ManifestBlob & { subject: string } {
  return manifest.subject !== undefined
}
