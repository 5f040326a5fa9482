import { ActionError, quote } from '../../common/errors.js'
import { parseJson } from '../../common/json.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { MAX_MANIFEST_BYTES } from '../manifests.js'
import {
  MediaType,
  isIndex,
  isManifestMediaType,
  isMediaType,
  type Descriptor,
  type Manifest
} from '../media-types.js'
import { isDigest } from '../reference.js'
import type { ImageFiles } from './files.js'
import { platformOf, type LayoutImageSource, type ManifestBlob } from './types.js'

/** Small files of a layout read whole. */
const MAX_MARKER_BYTES = 64 * 1024

/**
 * Reads an OCI image layout (oci-layout, index.json, blobs/sha256/…). Every manifest is read and its
 * digest checked now; every config and layer must exist with its declared size. Layer bytes are hashed
 * while they are uploaded (a mismatch fails the push before any manifest is put). Media types, digests
 * and sizes are checked before they are used or printed.
 */
export async function readOciLayout(files: ImageFiles): Promise<Omit<LayoutImageSource, 'kind' | 'dispose'>> {
  const label = files.label
  await checkLayoutMarker(files)
  const index = await readJson<{ manifests?: unknown }>(files, 'index.json', MAX_MANIFEST_BYTES)
  const entries = Array.isArray(index?.manifests) ? (index.manifests as unknown[]) : []
  if (entries.length === 0) throw new ActionError(`${label}: index.json lists no image`)
  const descriptors = entries.map(entry => checkDescriptor(label, entry, 'index.json entry'))

  const reader = new LayoutReader(files)
  let top: ManifestBlob
  if (descriptors.length === 1) {
    top = await reader.manifest(descriptors[0] as Descriptor)
  } else if (descriptors.every(entry => platformOf(entry.platform))) {
    // Several platform images listed straight in index.json (as ko writes it): push an index of them.
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: descriptors }, null, 2)
    )
    top = { digest: sha256Digest(bytes), mediaType: MediaType.ociIndex, bytes }
  } else {
    const names = descriptors.map(e => e.annotations?.['org.opencontainers.image.ref.name'] ?? e.digest)
    throw new ActionError(
      `${label}: index.json lists ${descriptors.length} images (${names.map(n => quote(n, 80)).join(', ')}); keep one`
    )
  }
  await reader.walk(top)
  return { blobs: [...reader.blobs.values()], children: reader.children, top }
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

class LayoutReader {
  readonly blobs = new Map<string, BlobSource>()
  readonly children: ManifestBlob[] = []
  private readonly seen = new Set<string>()

  constructor(private readonly files: ImageFiles) {}

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
    return { digest: descriptor.digest, mediaType, bytes, platform: platformOf(descriptor.platform) }
  }

  /** Visits everything a manifest refers to: children of an index first, then configs and layers. */
  async walk(node: ManifestBlob): Promise<void> {
    if (this.seen.has(node.digest)) return
    this.seen.add(node.digest)
    const manifest = parseJson(node.bytes.toString('utf8')) as Manifest
    if (isIndex(manifest)) {
      for (const entry of manifest.manifests) {
        const child = checkDescriptor(this.files.label, entry, `child of ${node.digest}`)
        const childManifest = await this.manifest(child)
        await this.walk(childManifest)
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

  private async readBlob(descriptor: Descriptor): Promise<Buffer> {
    await this.sizeOf(descriptor)
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

function blobName(digest: string): string {
  return `blobs/sha256/${digest.slice('sha256:'.length)}`
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
