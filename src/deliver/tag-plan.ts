import { ActionError, quote } from '../common/errors.js'
import type { LocalImage } from '../docker/cli.js'
import type { StoredManifest } from '../registry/manifests.js'
import { immutableTagsError } from '../registry/push.js'
import { isIndex } from '../registry/media-types.js'

/** What a tag holds in the registry before we write anything. */
export interface RemoteTag {
  tag: string
  /** The manifest digest the tag points at; undefined when the tag does not exist. */
  digest?: string
  /** Whether that manifest is the local image (same image ID, same config, or a known repo digest). */
  sameImage: boolean
}

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

/**
 * Pure: decides how to deliver the tags so that all of them end on one digest, a re-run of an
 * unchanged image writes nothing, and an immutable tag is never asked to move. Throws, before anything
 * is written, when an immutable tag holds another image.
 */
export function planTagWrites(
  remote: RemoteTag[],
  isImmutable: (tag: string) => boolean,
  describe: { image: string; imageId: string; repository: string }
): TagPlan {
  const conflicts = remote.filter(r => r.digest !== undefined && !r.sameImage && isImmutable(r.tag))
  if (conflicts.length > 0) {
    const lines = conflicts.map(
      r =>
        `tag ${quote(r.tag)} already points at ${r.digest} in ${describe.repository}, ` +
        `but the image ${describe.image} is ${describe.imageId}`
    )
    throw immutableTagsError(lines)
  }

  const same = remote.filter(r => r.sameImage && r.digest !== undefined)
  if (same.length === 0) return { kind: 'push', tags: remote.map(r => r.tag) }

  // Immutable tags cannot move, so when they hold this image their digest is the one to converge on.
  const pinned = [...new Set(same.filter(r => isImmutable(r.tag)).map(r => r.digest as string))]
  if (pinned.length > 1) {
    throw new ActionError(
      `Immutable tags hold this image under different digests (${pinned.join(', ')}): ` +
        'they cannot be brought to one digest. Push under a new tag.'
    )
  }
  const digest = pinned[0] ?? (same[0]?.digest as string)
  const unchanged = remote.filter(r => r.digest === digest).map(r => r.tag)
  const tags = remote.filter(r => r.digest !== digest).map(r => r.tag)
  return tags.length === 0
    ? { kind: 'unchanged', digest, unchanged }
    : { kind: 'retag', digest, tags, unchanged }
}
