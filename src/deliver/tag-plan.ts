import { ActionError } from '../common/errors.js'
import type { LocalImage } from '../docker/cli.js'
import type { StoredManifest } from '../registry/manifests.js'
import { isIndex } from '../registry/media-types.js'
import { refuseImmutableMoves, type HeldTag, type OurImage } from '../registry/tags.js'

export type TagPlan =
  /** Nothing in the registry holds this image yet: docker push every tag. */
  | { kind: 'push'; tags: string[] }
  /** The image is in the registry already under `digest`: put that manifest under the missing tags. */
  | { kind: 'retag'; digest: string; tags: string[]; unchanged: string[] }
  /** Every tag already points at this image: nothing to write. */
  | { kind: 'unchanged'; digest: string; unchanged: string[] }

/**
 * Whether a stored manifest is the local image. The image ID is the config digest in docker's
 * classic store and the manifest digest in the containerd store; RepoDigests records earlier pushes.
 */
export function isSameImage(local: LocalImage, repositoryUri: string, remote: StoredManifest): boolean {
  if (remote.digest === local.id) return true
  if (local.repoDigests.includes(`${repositoryUri}@${remote.digest}`)) return true
  return !isIndex(remote.manifest) && remote.manifest.config?.digest === local.id
}

/** The local image as the tag checks see it: its digest is known only once pushed. */
export function engineImage(local: LocalImage): OurImage {
  return {
    isOurs: (stored, repositoryUri) => isSameImage(local, repositoryUri, stored),
    describe: `${local.reference} (${local.id})`
  }
}

/**
 * Pure: decides how to deliver the engine's image under the tags so that all of them end on one digest, a
 * re-run of an unchanged image writes nothing, and an immutable tag is never asked to move (the shared
 * refusal, before anything is written). The digest docker push would give is not known in advance, so an
 * image already in the registry is reused: the other tags get its very manifest.
 */
export function planTagWrites(
  held: HeldTag[],
  image: OurImage,
  isImmutable: (tag: string) => boolean,
  repositoryUri: string
): TagPlan {
  refuseImmutableMoves([{ repositoryUri, held, isImmutable }], image)

  const same = held.filter(h => h.stored !== undefined && image.isOurs(h.stored, repositoryUri))
  if (same.length === 0) return { kind: 'push', tags: held.map(h => h.tag) }

  // Immutable tags cannot move, so when they hold this image their digest is the one to converge on.
  const pinned = [...new Set(same.filter(h => isImmutable(h.tag)).map(h => h.digest as string))]
  if (pinned.length > 1) {
    throw new ActionError(
      `Immutable tags hold this image under different digests (${pinned.join(', ')}): ` +
        'they cannot be brought to one digest. Push under a new tag.'
    )
  }
  const digest = pinned[0] ?? (same[0]?.digest as string)
  const unchanged = held.filter(h => h.digest === digest).map(h => h.tag)
  const tags = held.filter(h => h.digest !== digest).map(h => h.tag)
  return tags.length === 0
    ? { kind: 'unchanged', digest, unchanged }
    : { kind: 'retag', digest, tags, unchanged }
}
