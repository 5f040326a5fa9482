import { ActionError, quote } from '../../common/errors.js'
import { parseJson } from '../../common/json.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { MAX_MANIFEST_BYTES } from '../manifests.js'
import { MediaType, isIndex, type Descriptor, type ImageIndex, type Manifest } from '../media-types.js'
import type { ImageFiles } from './files.js'
import { LayoutReader, checkDescriptor } from './layout-reader.js'
import { narrowTo, referrersOf } from './narrow.js'
import { platformMatches, type Platform } from './platform.js'
import { platformOf, type LayoutParts, type ManifestBlob } from './types.js'

/** Small files of a layout read whole. */
const MAX_MARKER_BYTES = 64 * 1024

/** How docker save (containerd store, 29.1+) marks an index.json entry that is a referrer, not an image. */
const REFERRER_OF = 'io.containerd.manifest.subject'

export interface ReadLayoutOptions {
  /**
   * Whether an index may lack some platforms' blobs (docker save leaves out what was never pulled): the one
   * platform that is whole is delivered. Anywhere else a missing blob is an error.
   */
  partial?: boolean
  /** The platform asked for: what to keep of a partial index. */
  platform?: Platform
}

/**
 * Reads an OCI image layout (oci-layout, index.json, blobs/sha256/…). Every manifest is read and its
 * digest checked now; every config and layer must exist with its declared size. Layer bytes are hashed
 * while they are uploaded (a mismatch fails the push before any manifest is put). Media types, digests
 * and sizes are checked before they are used or printed. index.json entries that docker marks as
 * referrers are read as referrers of what they name; with `partial`, an index whose blobs are only partly
 * here (docker save of a pulled image) gives the one platform that is whole, unchanged.
 */
export async function readOciLayout(
  files: ImageFiles,
  options: ReadLayoutOptions = {}
): Promise<LayoutParts> {
  const label = files.label
  await checkLayoutMarker(files)
  const index = await readJson<{ manifests?: unknown }>(files, 'index.json', MAX_MANIFEST_BYTES)
  const entries = Array.isArray(index?.manifests) ? (index.manifests as unknown[]) : []
  const descriptors = entries.map(entry => checkDescriptor(label, entry, 'index.json entry'))
  const reader = new LayoutReader(files)
  // docker writes one entry per name: two tags of one image are one image. A manifest with a subject is a
  // referrer of what it names (docker 29.1 marks it so; other tools just list it).
  const unique = descriptors.filter((entry, i) => descriptors.findIndex(o => o.digest === entry.digest) === i)
  const listed: Descriptor[] = []
  const images: Descriptor[] = []
  for (const entry of unique) {
    const marked = entry.annotations?.[REFERRER_OF] !== undefined
    const isReferrer = marked || ((await reader.isComplete(entry)) && (await reader.manifest(entry)).subject)
    ;(isReferrer ? listed : images).push(entry)
  }
  if (images.length === 0) throw new ActionError(`${label}: index.json lists no image`)

  const top = await topOf(label, reader, images)
  const absent = options.partial ? await absentChildren(reader, top) : []
  await reader.walk(top, new Set(absent.map(entry => entry.digest)))
  const found = await listedReferrers(files, listed)
  const inImage = new Set([top.digest, ...reader.children.map(child => child.digest)])
  const referrers = referrersOf(inImage, found.referrers)
  const image: LayoutParts = {
    blobs: [...reader.blobs.values()],
    children: reader.children,
    top,
    named: top.digest,
    referrers,
    referrerBlobs: found.blobs.filter(blob => !reader.blobs.has(blob.digest)),
    notes: [
      ...found.notes,
      ...found.referrers
        .filter(referrer => !referrers.includes(referrer))
        .map(
          r =>
            `the referrer ${r.digest} names ${r.subject ?? 'no subject'}, which is not in the image: left out`
        )
    ]
  }
  if (absent.length === 0) return image
  const chosen = presentPlatform(label, image, absent, options.platform)
  const whole = parseJson(top.bytes.toString('utf8')) as ImageIndex
  return narrowTo(
    {
      ...image,
      notes: [
        ...image.notes,
        `index.json names the index ${top.digest} of ${whole.manifests.length} manifests, but only ` +
          `${chosen.platform}'s blobs are all here (docker save leaves out what was never pulled): ` +
          `delivering that platform's manifest ${chosen.digest} as it is`
      ]
    },
    chosen
  )
}

/** The image index.json names: its one image, or an index made of several platform images (ko). */
async function topOf(label: string, reader: LayoutReader, images: Descriptor[]): Promise<ManifestBlob> {
  if (images.length === 1) return reader.manifest(images[0] as Descriptor)
  if (images.every(entry => platformOf(entry.platform))) {
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: images }, null, 2)
    )
    return { digest: sha256Digest(bytes), mediaType: MediaType.ociIndex, bytes }
  }
  const names = images.map(e => e.annotations?.['org.opencontainers.image.ref.name'] ?? e.digest)
  throw new ActionError(
    `${label}: index.json lists ${images.length} images (${names.map(n => quote(n, 80)).join(', ')}); keep one`
  )
}

/** The children of an index whose manifest or blobs are not here. */
async function absentChildren(reader: LayoutReader, top: ManifestBlob): Promise<Descriptor[]> {
  const manifest = parseJson(top.bytes.toString('utf8')) as Manifest
  if (!isIndex(manifest)) return []
  const absent: Descriptor[] = []
  for (const entry of manifest.manifests) {
    const child = checkDescriptor(reader.label, entry, `child of ${top.digest}`)
    if (!(await reader.isComplete(child))) absent.push(child)
  }
  return absent
}

/** The one platform of a partial index that is whole (or the one asked for); anything else says what is. */
function presentPlatform(
  label: string,
  image: Pick<LayoutParts, 'children' | 'top'>,
  absent: Descriptor[],
  wanted: Platform | undefined
): ManifestBlob {
  const whole = image.children.filter(child => child.platform && child.platform !== 'unknown/unknown')
  const candidates = wanted ? whole.filter(child => platformMatches(wanted, child.platform)) : whole
  if (candidates.length === 1) return candidates[0] as ManifestBlob
  const missing = absent
    .map(entry => platformOf(entry.platform) ?? entry.digest)
    .filter(name => name !== 'unknown/unknown')
  const here = whole.map(child => quote(child.platform))
  throw new AbsentPlatformError(
    `${label}: the index ${image.top.digest} is not all here: the blobs of ${missing.map(m => quote(m)).join(', ')} ` +
      `are missing, and ${here.length === 0 ? 'no platform is whole' : `${here.join(', ')} ${here.length === 1 ? 'is' : 'are'} whole`}` +
      (here.length > 1 && !wanted ? ': name one with the platform input' : '')
  )
}

/** A partial index without the platform asked for (or with several whole and none asked for). */
export class AbsentPlatformError extends ActionError {}

/** The referrers index.json lists: those whole and with a subject; the rest named in notes. */
async function listedReferrers(
  files: ImageFiles,
  listed: Descriptor[]
): Promise<{ referrers: ManifestBlob[]; blobs: BlobSource[]; notes: string[] }> {
  const reader = new LayoutReader(files)
  const referrers: ManifestBlob[] = []
  const notes: string[] = []
  for (const entry of listed) {
    const manifest = (await reader.isComplete(entry)) ? await reader.manifest(entry) : undefined
    if (!manifest || !manifest.subject || isIndex(parseJson(manifest.bytes.toString('utf8')) as Manifest)) {
      notes.push(
        `the referrer ${entry.digest} listed in index.json is not whole here, or not a manifest with a subject: left out`
      )
      continue
    }
    await reader.walk(manifest)
    referrers.push(manifest)
  }
  return { referrers, blobs: [...reader.blobs.values()], notes }
}

async function checkLayoutMarker(files: ImageFiles): Promise<void> {
  let marker: { imageLayoutVersion?: unknown }
  try {
    marker = parseJson((await files.read('oci-layout', MAX_MARKER_BYTES)).toString('utf8')) as typeof marker
  } catch {
    throw new ActionError(`${files.label} is not an OCI image layout: it has no readable oci-layout file`)
  }
  const version = marker?.imageLayoutVersion
  if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version)) {
    throw new ActionError(`${files.label}: unsupported OCI layout version ${quote(version ?? null, 40)}`)
  }
}

/** A JSON file of the image, read whole with a cap; errors name the file, never its content. */
export async function readJson<T>(files: ImageFiles, name: string, maxBytes: number): Promise<T> {
  const bytes = await files.read(name, maxBytes)
  try {
    return parseJson(bytes.toString('utf8')) as T
  } catch (error) {
    throw new ActionError(`${files.label}: ${name} ${(error as Error).message}`)
  }
}
