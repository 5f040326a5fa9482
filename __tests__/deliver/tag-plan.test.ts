import { describe, expect, test } from '@jest/globals'
import { ActionError } from '../../src/common/errors.js'
import type { LocalImage } from '../../src/docker/cli.js'
import type { StoredManifest } from '../../src/registry/manifests.js'
import { MediaType } from '../../src/registry/media-types.js'
import { isSameImage, planTagWrites as plan } from '../../src/deliver/tag-plan.js'
import type { HeldTag } from '../../src/registry/tags.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`
const describeLocal = { image: 'app:ci', imageId: `sha256:${'1'.repeat(64)}`, repository: 'reg/team/app' }
/** The manifests a tag holds that are the local image (same image ID, config or recorded digest). */
const ours = new WeakSet<StoredManifest>()
const stored = (digest: string): StoredManifest => ({
  digest,
  mediaType: MediaType.ociManifest,
  bytes: Buffer.from(''),
  manifest: { config: { mediaType: 'c', digest: C, size: 1 }, layers: [] }
})
const absent = (tag: string): HeldTag => ({ tag })
const same = (tag: string, digest: string): HeldTag => {
  const manifest = stored(digest)
  ours.add(manifest)
  return { tag, digest, stored: manifest }
}
const other = (tag: string, digest: string): HeldTag => ({ tag, digest, stored: stored(digest) })
const image = {
  isOurs: (manifest: StoredManifest) => ours.has(manifest),
  describe: `${describeLocal.image} (${describeLocal.imageId})`
}
const planTagWrites = (held: HeldTag[], isImmutable: (tag: string) => boolean, local: typeof describeLocal) =>
  plan(held, image, isImmutable, local.repository)
const all = () => true
const none = () => false

describe('planTagWrites', () => {
  test.each([
    [
      'fresh tags are pushed',
      [absent('sha'), absent('latest')],
      none,
      { kind: 'push', tags: ['sha', 'latest'] }
    ],
    ['fresh tags, immutable repo', [absent('sha')], all, { kind: 'push', tags: ['sha'] }],
    [
      'mutable tag holding another image is overwritten by the push',
      [absent('sha'), other('latest', B)],
      none,
      { kind: 'push', tags: ['sha', 'latest'] }
    ],
    [
      're-run of an unchanged image: nothing to write',
      [same('sha', A), same('latest', A)],
      all,
      { kind: 'unchanged', digest: A, unchanged: ['sha', 'latest'] }
    ],
    [
      'image already there under one tag: the others get the same manifest',
      [same('v1', A), absent('sha')],
      all,
      { kind: 'retag', digest: A, tags: ['sha'], unchanged: ['v1'] }
    ],
    [
      'mutable tag elsewhere moves to the existing digest',
      [same('v1', A), other('latest', B)],
      (tag: string) => tag !== 'latest',
      { kind: 'retag', digest: A, tags: ['latest'], unchanged: ['v1'] }
    ],
    [
      'an immutable tag pins the digest over a mutable one holding the same image',
      [same('latest', B), same('v1', A)],
      (tag: string) => tag === 'v1',
      { kind: 'retag', digest: A, tags: ['latest'], unchanged: ['v1'] }
    ]
  ])('%s', (_case, remote, isImmutable, expected) => {
    expect(planTagWrites(remote, isImmutable, describeLocal)).toEqual(expected)
  })

  test('an immutable tag holding another image fails naming the tag and both digests', () => {
    expect(() => planTagWrites([absent('sha'), other('v1', B)], all, describeLocal)).toThrow(
      new ActionError(
        `Immutable tag would change: tag "v1" in reg/team/app already points at ${B}, this image is app:ci ` +
          `(${describeLocal.imageId}). Nothing was pushed: immutable tags cannot be moved to another image; push under a new tag.`
      )
    )
  })

  test('every conflict is named, not just the first', () => {
    expect(() => planTagWrites([other('v1', B), other('v2', C)], all, describeLocal)).toThrow(/"v1".*"v2"/)
  })

  test('immutable tags holding the image under two digests cannot converge', () => {
    expect(() => planTagWrites([same('v1', A), same('v2', B), absent('sha')], all, describeLocal)).toThrow(
      /different digests/
    )
  })
})

describe('isSameImage', () => {
  const local: LocalImage = {
    reference: 'app:ci',
    id: `sha256:${'1'.repeat(64)}`,
    repoTags: ['app:ci'],
    repoDigests: [`reg/team/app@${C}`]
  }
  const manifest = (digest: string, configDigest: string): StoredManifest => ({
    digest,
    mediaType: MediaType.dockerManifest,
    bytes: Buffer.from(''),
    manifest: { config: { mediaType: 'c', digest: configDigest, size: 1 }, layers: [] }
  })
  const index = (digest: string): StoredManifest => ({
    digest,
    mediaType: MediaType.ociIndex,
    bytes: Buffer.from(''),
    manifest: { manifests: [] }
  })

  test.each([
    ['config digest is the image ID (classic store)', manifest(A, local.id), true],
    ['manifest digest is the image ID (containerd store)', manifest(local.id, B), true],
    ['index digest is the image ID', index(local.id), true],
    ['a repo digest recorded by an earlier push', manifest(C, B), true],
    ['another image', manifest(A, B), false],
    ['another index', index(A), false]
  ])('%s', (_case, remote, expected) => {
    expect(isSameImage(local, 'reg/team/app', remote)).toBe(expected)
  })
})
