import { parseJson } from '../../common/json.js'
import type { Manifest } from '../media-types.js'
import { blobDigestsOf } from './layout-reader.js'
import type { LayoutParts, ManifestBlob } from './types.js'

/** What BuildKit writes on an attestation's index entry: which platform manifest it is about. */
const ATTESTATION_FOR = 'vnd.docker.reference.digest'

/**
 * Pure: `referrers` ordered so that each comes after its subject, keeping those whose subject (or its
 * subject, and so on) is in `have`; the rest are left out (their subject is not delivered).
 */
export function referrersOf(have: ReadonlySet<string>, pool: ManifestBlob[]): ManifestBlob[] {
  const known = new Set(have)
  const ordered: ManifestBlob[] = []
  for (let grew = true; grew;) {
    grew = false
    for (const candidate of pool) {
      if (candidate.subject && known.has(candidate.subject) && !known.has(candidate.digest)) {
        ordered.push(candidate)
        known.add(candidate.digest)
        grew = true
      }
    }
  }
  return ordered
}

/**
 * The image narrowed to one of its index's children (a platform picked by `platform`, or the one platform
 * a partial index holds), unchanged: that manifest becomes the top, with only its blobs, and what refers
 * to it (its attestation, their signatures) becomes its referrers. An attestation without a `subject`
 * (BuildKit's older form) belongs to the index alone and cannot follow: the notes say so.
 */
export function narrowTo<T extends LayoutParts>(image: T, chosen: ManifestBlob): T {
  const pool = [...image.children.filter(child => child.subject), ...image.referrers]
  const referrers = referrersOf(new Set([chosen.digest]), pool)
  const own = new Set(blobDigestsOf(chosen))
  const theirs = new Set(referrers.flatMap(blobDigestsOf))
  const every = [...image.blobs, ...image.referrerBlobs]
  const blobs = every.filter(blob => own.has(blob.digest))
  const referrerBlobs = every.filter(
    (blob, i) =>
      theirs.has(blob.digest) && !own.has(blob.digest) && every.findIndex(b => b.digest === blob.digest) === i
  )
  return {
    ...image,
    top: chosen,
    children: [],
    blobs,
    referrers,
    referrerBlobs,
    notes: [...image.notes, ...leftBehind(image, chosen)]
  }
}

/** Attestations of `chosen` listed in the index without a subject: they cannot be delivered without it. */
function leftBehind(image: LayoutParts, chosen: ManifestBlob): string[] {
  const index = parseJson(image.top.bytes.toString('utf8')) as Manifest
  if (!('manifests' in index)) return []
  return index.manifests
    .filter(entry => entry.annotations?.[ATTESTATION_FOR] === chosen.digest)
    .filter(entry => !image.children.find(child => child.digest === entry.digest)?.subject)
    .map(
      entry =>
        `the attestation ${entry.digest} of ${chosen.digest} has no subject (as BuildKit wrote it before ` +
        'v0.32): it exists only inside the index, and is not delivered with one platform'
    )
}
