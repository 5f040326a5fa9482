import { ActionError, quote } from '../../common/errors.js'
import { parseJson } from '../../common/json.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { MAX_MANIFEST_BYTES } from '../manifests.js'
import { isIndex, isManifestMediaType, isMediaType, type Descriptor, type Manifest } from '../media-types.js'
import { isDigest } from '../reference.js'
import type { ImageFiles } from './files.js'
import { platformOf, type ManifestBlob } from './types.js'

/** A descriptor with a well-formed media type, a sha256 digest and a whole, non-negative size. */
export function checkDescriptor(label: string, value: unknown, what: string): Descriptor {
  const d = value as Partial<Descriptor> | null
  if (!d || typeof d !== 'object') throw new ActionError(`${label}: a ${what} is not a descriptor`)
  if (!isDigest(d.digest)) {
    throw new ActionError(`${label}: a ${what} has an unsupported digest ${quote(d.digest ?? null, 100)}`)
  }
  if (!isMediaType(d.mediaType)) {
    throw new ActionError(
      `${label}: ${what} ${d.digest} has an invalid media type ${quote(d.mediaType ?? null, 120)}`
    )
  }
  if (!Number.isSafeInteger(d.size) || (d.size as number) < 0) {
    throw new ActionError(`${label}: ${what} ${d.digest} has an invalid size`)
  }
  return d as Descriptor
}

/** Where a layout keeps a blob: its name derives from a checked digest only, so it stays inside. */
export function blobName(digest: string): string {
  return `blobs/sha256/${digest.slice('sha256:'.length)}`
}

/** The config and layer digests of an image manifest; none for an index. */
export function blobDigestsOf(manifest: ManifestBlob): string[] {
  const parsed = parseJson(manifest.bytes.toString('utf8')) as Manifest
  return isIndex(parsed) ? [] : [parsed.config, ...parsed.layers].map(blob => blob.digest)
}

/** Indexes nest rarely and never deeply; a loop or a deep chain is not an image. */
const MAX_DEPTH = 4

/**
 * Reads the manifests and blobs of a layout by descriptor: every manifest read whole and its digest
 * checked, every config and layer present with its declared size (their bytes are hashed as they upload).
 */
export class LayoutReader {
  readonly blobs = new Map<string, BlobSource>()
  readonly children: ManifestBlob[] = []
  private readonly seen = new Set<string>()
  private readonly read = new Map<string, Promise<Buffer>>()

  constructor(private readonly files: ImageFiles) {}

  get label(): string {
    return this.files.label
  }

  /** Reads a manifest blob, checks its bytes against the descriptor and its media type against the known set. */
  async manifest(descriptor: Descriptor): Promise<ManifestBlob> {
    if (descriptor.size > MAX_MANIFEST_BYTES) {
      throw new ActionError(
        `${this.files.label}: manifest ${descriptor.digest} is larger than ${MAX_MANIFEST_BYTES} bytes`
      )
    }
    const bytes = await this.readBlob(descriptor)
    let parsed: Manifest & { mediaType?: unknown }
    try {
      parsed = parseJson(bytes.toString('utf8')) as typeof parsed
    } catch (error) {
      throw new ActionError(`${this.files.label}: manifest ${descriptor.digest} ${(error as Error).message}`)
    }
    const mediaType = parsed?.mediaType ?? descriptor.mediaType
    if (!isManifestMediaType(mediaType)) {
      throw new ActionError(
        `${this.files.label}: manifest ${descriptor.digest} has media type ${quote(mediaType, 120)}, ` +
          'which is not an image manifest or index'
      )
    }
    const subject = parsed.subject && isDigest(parsed.subject.digest) ? parsed.subject.digest : undefined
    return {
      digest: descriptor.digest,
      mediaType,
      bytes,
      platform: platformOf(descriptor.platform),
      ...(subject ? { subject } : {})
    }
  }

  /**
   * Whether a manifest and everything under it is in the layout, with the sizes declared: docker save
   * (containerd store) skips what was never pulled, so an index may name platforms it does not hold.
   */
  async isComplete(descriptor: Descriptor, depth = 0): Promise<boolean> {
    if (depth > MAX_DEPTH || (await this.files.size(blobName(descriptor.digest))) !== descriptor.size)
      return false
    const manifest = parseJson((await this.manifest(descriptor)).bytes.toString('utf8')) as Manifest
    const under = isIndex(manifest) ? manifest.manifests : [manifest.config, ...(manifest.layers ?? [])]
    for (const entry of under) {
      const checked = checkDescriptor(this.files.label, entry, `entry of ${descriptor.digest}`)
      if (isIndex(manifest) ? !(await this.isComplete(checked, depth + 1)) : !(await this.hasBlob(checked)))
        return false
    }
    return true
  }

  /**
   * Visits everything a manifest refers to: children of an index first (but those in `skip`), then
   * configs and layers.
   */
  async walk(node: ManifestBlob, skip: ReadonlySet<string> = new Set(), depth = 0): Promise<void> {
    if (this.seen.has(node.digest)) return
    if (depth > MAX_DEPTH) throw new ActionError(`${this.files.label}: indexes nest deeper than ${MAX_DEPTH}`)
    this.seen.add(node.digest)
    const manifest = parseJson(node.bytes.toString('utf8')) as Manifest
    if (isIndex(manifest)) {
      for (const entry of manifest.manifests) {
        const child = checkDescriptor(this.files.label, entry, `child of ${node.digest}`)
        if (skip.has(child.digest)) continue
        const childManifest = await this.manifest(child)
        await this.walk(childManifest, skip, depth + 1)
        if (!this.children.some(c => c.digest === child.digest)) this.children.push(childManifest)
      }
      return
    }
    if (!manifest.config || !Array.isArray(manifest.layers)) {
      throw new ActionError(
        `${this.files.label}: manifest ${node.digest} is neither an image manifest nor an index`
      )
    }
    for (const [i, entry] of [manifest.config, ...manifest.layers].entries()) {
      await this.addBlob(checkDescriptor(this.files.label, entry, i === 0 ? 'config' : 'layer'))
    }
  }

  private async hasBlob(descriptor: Descriptor): Promise<boolean> {
    return (await this.files.size(blobName(descriptor.digest))) === descriptor.size
  }

  private async addBlob(descriptor: Descriptor): Promise<void> {
    if (this.blobs.has(descriptor.digest)) return
    const name = blobName(descriptor.digest)
    const size = await this.sizeOf(descriptor)
    this.blobs.set(descriptor.digest, {
      digest: descriptor.digest,
      size,
      open: (start, end) => this.files.open(name, start, end),
      chunks: (start, end) => this.files.chunks(name, start, end)
    })
  }

  private async sizeOf(descriptor: Descriptor): Promise<number> {
    const size = await this.files.size(blobName(descriptor.digest))
    if (size === undefined) {
      throw new ActionError(`${this.files.label}: blob ${descriptor.digest} is missing (blobs/sha256/…)`)
    }
    if (size !== descriptor.size) {
      throw new ActionError(
        `${this.files.label}: blob ${descriptor.digest} has ${size} bytes, but its descriptor says ${descriptor.size}`
      )
    }
    return size
  }

  /**
   * A manifest's bytes, checked: read once per digest (the completeness check, the walk and the referrer
   * listing each ask for the same manifests), its size checked against every descriptor that names it.
   */
  private async readBlob(descriptor: Descriptor): Promise<Buffer> {
    await this.sizeOf(descriptor)
    let reading = this.read.get(descriptor.digest)
    if (!reading) {
      reading = this.readChecked(descriptor)
      this.read.set(descriptor.digest, reading)
    }
    return reading
  }

  private async readChecked(descriptor: Descriptor): Promise<Buffer> {
    const bytes = await this.files.read(blobName(descriptor.digest), descriptor.size)
    const actual = sha256Digest(bytes)
    if (actual !== descriptor.digest) {
      throw new ActionError(
        `${this.files.label}: blob ${descriptor.digest} is corrupt: its bytes give ${actual}`
      )
    }
    return bytes
  }
}
