import { ActionError, quote } from '../common/errors.js'
import type { RegistryClient } from './client.js'
import { RegistryError } from './errors.js'

/**
 * Tags: the refusal to move immutable ones, putting a manifest under each, and reading them back. Shared
 * by every way an image is pushed (layouts, archives, and the docker path's manifest PUTs).
 */

/** The refusal to move immutable tags, one line per tag, before anything is written. */
export function immutableTagsError(lines: string[]): ActionError {
  return new ActionError(
    `Immutable tag${lines.length > 1 ? 's' : ''} would change: ${lines.join('; ')}. ` +
      'Immutable tags cannot be moved to another image: push under a new tag.'
  )
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
        `Immutable tag "${tag}" was written by another push meanwhile: it holds ${holds ?? 'another image'}, ` +
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
