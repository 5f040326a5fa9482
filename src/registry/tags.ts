import { ActionError, quote } from '../common/errors.js'
import type { RegistryClient } from './client.js'
import { RegistryError } from './errors.js'
import type { StoredManifest } from './manifests.js'

/**
 * Tags, the one way every push writes them (layouts, archives, registry-to-registry copies and the
 * docker path's manifest PUTs): read each tag once, refuse a move of an immutable one before anything is
 * written, split what already holds the image from what to write, put the manifest under each, read back.
 */

/** What a tag holds before anything is written (no digest: the tag does not exist). */
export interface HeldTag {
  tag: string
  digest?: string
  /** The manifest itself, when it was read whole (an image known by its config needs it). */
  stored?: StoredManifest
}

/** The image being delivered, as the tag checks see it. */
export interface OurImage {
  /** Its digest, once known (an archive's is known only after its layers are compressed). */
  digest?: string
  /**
   * Whether a manifest a tag holds (in the repository at this URI) is this image: same digest; or, before
   * the digest is known, same config or image ID.
   */
  isOurs: (stored: StoredManifest, repositoryUri: string) => boolean
  /** How the refusal names it: its digest, or `app:ci (sha256:…)`. */
  describe: string
}

/** What to do with each tag, once the image is known: nothing, or write it. */
export interface TagWrites {
  unchanged: string[]
  toWrite: string[]
}

/**
 * Reads what each tag holds, the only read before writing: one request per tag, all manifest types
 * accepted. A HEAD gives the digest, enough when the image's digest is known; a GET gives the manifest,
 * needed when the image is known by its config or image ID (a docker-save archive, the docker engine).
 */
export async function readTags(
  registry: RegistryClient,
  repository: string,
  tags: string[],
  read: 'digest' | 'manifest'
): Promise<HeldTag[]> {
  return Promise.all(
    tags.map(async (tag): Promise<HeldTag> => {
      if (read === 'digest') return { tag, digest: await registry.resolveManifestDigest(repository, tag) }
      const stored = await registry.getManifest(repository, tag)
      return { tag, digest: stored?.digest, stored }
    })
  )
}

/**
 * Pure: the immutable tags that hold another image. With the digest known, an immutable tag at another
 * digest is another image even when its config is the same (another tool's compression): it cannot move.
 */
function immutableConflicts(
  held: HeldTag[],
  image: OurImage,
  isImmutable: (tag: string) => boolean,
  repositoryUri = ''
): HeldTag[] {
  return held.filter(
    h =>
      h.digest !== undefined &&
      isImmutable(h.tag) &&
      (image.digest !== undefined
        ? h.digest !== image.digest
        : h.stored === undefined || !image.isOurs(h.stored, repositoryUri))
  )
}

/** One line of the refusal: which tag, where, what it holds, and what this image is. */
function conflictLine(repositoryUri: string, conflict: HeldTag, image: OurImage): string {
  return `tag ${quote(conflict.tag)} in ${repositoryUri} already points at ${conflict.digest}, this image is ${image.describe}`
}

/** The refusal of every conflict at once, before anything is written anywhere. */
function immutableTagsError(lines: string[]): ActionError {
  return new ActionError(
    `Immutable tag${lines.length > 1 ? 's' : ''} would change: ${lines.join('; ')}. Nothing was pushed: ` +
      'immutable tags cannot be moved to another image; push under a new tag.'
  )
}

/**
 * Pure: refuses, before the first write anywhere, an immutable tag that holds another image in any of the
 * registries (their tags read once each), naming every one.
 */
export function refuseImmutableMoves(
  registries: { repositoryUri: string; held: HeldTag[]; isImmutable: (tag: string) => boolean }[],
  image: OurImage
): void {
  const lines = registries.flatMap(r =>
    immutableConflicts(r.held, image, r.isImmutable, r.repositoryUri).map(c =>
      conflictLine(r.repositoryUri, c, image)
    )
  )
  if (lines.length > 0) throw immutableTagsError(lines)
}

/**
 * Pure: with the image's digest known, refuses a move of an immutable tag (throws, naming each) and
 * splits the tags that hold the image already from those to write.
 */
export function planTagWrites(
  held: HeldTag[],
  digest: string,
  isImmutable: (tag: string) => boolean,
  repositoryUri: string
): TagWrites {
  refuseImmutableMoves([{ repositoryUri, held, isImmutable }], {
    digest,
    isOurs: () => false,
    describe: digest
  })
  const unchanged = held.filter(h => h.digest === digest).map(h => h.tag)
  return { unchanged, toWrite: held.map(h => h.tag).filter(tag => !unchanged.includes(tag)) }
}

/** The per-tag outcome of a push: written, or left alone because it held the image already. */
export function tagOutcomes(
  tags: string[],
  writes: TagWrites
): { tag: string; outcome: 'pushed' | 'unchanged' }[] {
  return tags.map(tag => ({ tag, outcome: writes.unchanged.includes(tag) ? 'unchanged' : 'pushed' }))
}

/**
 * Puts the manifest under each tag, in the order given. A tag the registry refuses because it is immutable
 * and exists (another push wrote it since it was read) fails the step naming the tag and both digests;
 * the writes stop there.
 */
export async function putTags(
  registry: RegistryClient,
  repository: string,
  tags: string[],
  manifest: { digest: string; bytes: Buffer; mediaType: string },
  onWritten?: (tag: string) => void
): Promise<void> {
  for (const tag of tags) {
    try {
      await registry.putManifest(repository, tag, manifest.bytes, manifest.mediaType)
    } catch (error) {
      if (!(error instanceof RegistryError && error.status === 400 && error.code === 'TAG_INVALID'))
        throw error
      const holds = await registry.resolveManifestDigest(repository, tag)
      throw new ActionError(
        `Immutable tag ${quote(tag)} was written by another push meanwhile: it holds ${holds ?? 'another image'}, ` +
          `this image is ${manifest.digest}. The registry refused to move it (${error.message}).`,
        { cause: error }
      )
    }
    onWritten?.(tag)
  }
}

/**
 * Reads every tag back after writing: a tag that another push moved in the meantime fails the step,
 * naming the tag and both digests, instead of reporting a digest the tag no longer holds.
 */
export async function verifyTags(
  registry: RegistryClient,
  repository: string,
  tags: string[],
  expected: string
): Promise<void> {
  const resolved = await Promise.all(
    tags.map(async tag => ({ tag, digest: await registry.resolveManifestDigest(repository, tag) }))
  )
  const wrong = resolved.filter(r => r.digest !== expected)
  if (wrong.length > 0) {
    const detail = wrong
      .map(r => (r.digest ? `tag ${quote(r.tag)} holds ${r.digest}` : `tag ${quote(r.tag)} is missing`))
      .join('; ')
    throw new ActionError(
      `After the push, ${detail}, not this image ${expected}: another push wrote ` +
        `${wrong.length > 1 ? 'these tags' : 'this tag'} at the same time. Re-run to push again, or use ` +
        'IMMUTABLE tags so the registry refuses a second writer.'
    )
  }
}
