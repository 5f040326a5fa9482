import { ActionError, quote } from '../../common/errors.js'
import { parseJson } from '../../common/json.js'
import type { BlobSource } from '../blobs.js'
import { isIndex, type Manifest } from '../media-types.js'
import { narrowTo } from './narrow.js'
import { platformOf, type LocalImageSource, type ManifestBlob } from './types.js'

/** `os/architecture[/variant]`, as docker and the OCI index write it. */
export interface Platform {
  os: string
  architecture: string
  variant?: string
}

const PART = /^[a-z0-9][a-z0-9._-]{0,31}$/

/** Parses `linux/amd64` or `linux/arm64/v8`; a string saying what is wrong otherwise. */
export function parsePlatform(value: string): Platform | string {
  const parts = value.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || !parts.every(part => PART.test(part)))
    return 'must be os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7'
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return { os, architecture, ...(variant ? { variant } : {}) }
}

/**
 * Whether an image of platform `have` (`os/arch[/variant]`) is the one asked for. Without a variant in
 * the question any variant matches (`linux/arm64` is `linux/arm64/v8`), as docker pull --platform has it.
 */
export function platformMatches(wanted: Platform, have: string | undefined): boolean {
  if (!have) return false
  const [os, architecture, variant] = have.split('/')
  return (
    os === wanted.os &&
    architecture === wanted.architecture &&
    (wanted.variant === undefined || variant === wanted.variant)
  )
}

/**
 * The image narrowed to one platform, in the shape a runtime that refuses indexes takes (Lambda): from an
 * index, that platform's manifest and only its blobs, its attestation kept as its referrer (attestation
 * manifests, `unknown/unknown`, never match); a single image is kept when it is that platform. Anything
 * else names the platforms it has.
 */
export async function selectPlatform(
  image: LocalImageSource,
  wanted: Platform,
  label: string
): Promise<LocalImageSource> {
  const asked = [wanted.os, wanted.architecture, wanted.variant].filter(Boolean).join('/')
  const refuse = (has: string[]) =>
    new ActionError(
      `${quote(label)} has no ${asked} image: it has ${has.length > 0 ? has.map(p => quote(p)).join(', ') : 'no platform recorded'}`
    )
  if (image.kind === 'docker-archive') {
    if (platformMatches(wanted, image.platform)) return image
    throw refuse(image.platform ? [image.platform] : [])
  }
  const top = parseJson(image.top.bytes.toString('utf8')) as Manifest
  if (!isIndex(top)) {
    const platform = image.top.platform ?? (await configPlatform(image.blobs, top.config.digest))
    if (platformMatches(wanted, platform)) return image
    throw refuse(platform ? [platform] : [])
  }
  const listed = top.manifests.map(descriptor => ({ descriptor, platform: platformOf(descriptor.platform) }))
  const matches = listed.filter(entry => platformMatches(wanted, entry.platform))
  if (matches.length !== 1) {
    const has = listed.flatMap(entry =>
      entry.platform && entry.platform !== 'unknown/unknown' ? [entry.platform] : []
    )
    if (matches.length === 0) throw refuse(has)
    throw new ActionError(
      `${quote(label)} has ${matches.length} images for ${asked} (${has.join(', ')}): name the variant`
    )
  }
  const chosen = image.children.find(child => child.digest === matches[0]?.descriptor.digest) as ManifestBlob
  const manifest = parseJson(chosen.bytes.toString('utf8')) as Manifest
  if (isIndex(manifest)) throw new ActionError(`${quote(label)}: the ${asked} entry is itself an index`)
  return narrowTo(image, chosen)
}

/** The platform a single image's config records (configs are small: read whole, at most 1 MiB). */
async function configPlatform(blobs: BlobSource[], digest: string): Promise<string | undefined> {
  const config = blobs.find(blob => blob.digest === digest)
  if (!config || config.size > 1024 * 1024) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of config.open()) chunks.push(chunk as Buffer)
  try {
    return platformOf(parseJson(Buffer.concat(chunks).toString('utf8')) as Parameters<typeof platformOf>[0])
  } catch {
    return undefined
  }
}
