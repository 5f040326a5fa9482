import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ActionError } from '../../common/errors.js'
import type { BlobSource } from '../blobs.js'
import { sha256Digest } from '../digest.js'
import { MediaType, isIndex, type Descriptor, type Manifest } from '../media-types.js'
import { platformOf, type LocalImageSource, type ManifestBlob } from './types.js'

const DIGEST = /^sha256:[a-f0-9]{64}$/

/**
 * Reads an OCI image layout directory (oci-layout, index.json, blobs/sha256/…). Every manifest is read
 * and its digest checked now; every config and layer must exist with its declared size. Layer bytes are
 * hashed while they are uploaded (a mismatch fails the push before any manifest is put).
 */
export async function readOciLayout(
  dir: string,
  label = dir
): Promise<Omit<LocalImageSource, 'kind' | 'dispose'>> {
  await checkLayoutMarker(dir, label)
  const index = await readJson<{ manifests?: Descriptor[] }>(join(dir, 'index.json'), `${label}: index.json`)
  const entries = index.manifests ?? []
  if (entries.length === 0) throw new ActionError(`${label}: index.json lists no image`)

  const reader = new LayoutReader(dir, label)
  let top: ManifestBlob
  if (entries.length === 1) {
    top = await reader.manifest(entries[0] as Descriptor)
  } else if (entries.every(entry => platformOf(entry.platform))) {
    // Several platform images listed straight in index.json (as ko writes it): push an index of them.
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: entries }, null, 2)
    )
    top = { digest: sha256Digest(bytes), mediaType: MediaType.ociIndex, bytes }
  } else {
    const names = entries.map(e => e.annotations?.['org.opencontainers.image.ref.name'] ?? e.digest)
    throw new ActionError(
      `${label}: index.json lists ${entries.length} images (${names.join(', ')}); keep one`
    )
  }
  await reader.walk(top)
  return { blobs: [...reader.blobs.values()], children: reader.children, top }
}

async function checkLayoutMarker(dir: string, label: string): Promise<void> {
  let marker: { imageLayoutVersion?: string }
  try {
    marker = JSON.parse(await readFile(join(dir, 'oci-layout'), 'utf8'))
  } catch {
    throw new ActionError(`${label} is not an OCI image layout: it has no readable oci-layout file`)
  }
  if (!marker.imageLayoutVersion?.startsWith('1.')) {
    throw new ActionError(`${label}: unsupported OCI layout version ${marker.imageLayoutVersion ?? '(none)'}`)
  }
}

class LayoutReader {
  readonly blobs = new Map<string, BlobSource>()
  readonly children: ManifestBlob[] = []
  private readonly seen = new Set<string>()

  constructor(
    private readonly dir: string,
    private readonly label: string
  ) {}

  /** Reads a manifest blob and checks its bytes against the descriptor. */
  async manifest(descriptor: Descriptor): Promise<ManifestBlob> {
    const bytes = await this.readBlob(descriptor)
    const parsed = JSON.parse(bytes.toString('utf8')) as Manifest & { mediaType?: string }
    return {
      digest: descriptor.digest,
      mediaType: parsed.mediaType ?? descriptor.mediaType,
      bytes,
      platform: platformOf(descriptor.platform)
    }
  }

  /** Visits everything a manifest refers to: children of an index first, then configs and layers. */
  async walk(node: ManifestBlob): Promise<void> {
    if (this.seen.has(node.digest)) return
    this.seen.add(node.digest)
    const manifest = JSON.parse(node.bytes.toString('utf8')) as Manifest
    if (isIndex(manifest)) {
      for (const child of manifest.manifests) {
        const childManifest = await this.manifest(child)
        await this.walk(childManifest)
        if (!this.children.some(c => c.digest === child.digest)) this.children.push(childManifest)
      }
      return
    }
    if (!manifest.config || !Array.isArray(manifest.layers)) {
      throw new ActionError(
        `${this.label}: manifest ${node.digest} is neither an image manifest nor an index`
      )
    }
    for (const descriptor of [manifest.config, ...manifest.layers]) await this.addBlob(descriptor)
  }

  private blobPath(digest: string): string {
    if (!DIGEST.test(digest)) throw new ActionError(`${this.label}: unsupported digest "${digest}"`)
    return join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length))
  }

  private async addBlob(descriptor: Descriptor): Promise<void> {
    if (this.blobs.has(descriptor.digest)) return
    const path = this.blobPath(descriptor.digest)
    const size = await this.sizeOf(path, descriptor)
    this.blobs.set(descriptor.digest, {
      digest: descriptor.digest,
      size,
      open: (start, end) => createReadStream(path, { start, end, highWaterMark: 1024 * 1024 })
    })
  }

  private async sizeOf(path: string, descriptor: Descriptor): Promise<number> {
    let size: number
    try {
      size = (await stat(path)).size
    } catch {
      throw new ActionError(`${this.label}: blob ${descriptor.digest} is missing (blobs/sha256/…)`)
    }
    if (size !== descriptor.size) {
      throw new ActionError(
        `${this.label}: blob ${descriptor.digest} has ${size} bytes, but its descriptor says ${descriptor.size}`
      )
    }
    return size
  }

  private async readBlob(descriptor: Descriptor): Promise<Buffer> {
    const path = this.blobPath(descriptor.digest)
    await this.sizeOf(path, descriptor)
    const bytes = await readFile(path)
    const actual = sha256Digest(bytes)
    if (actual !== descriptor.digest) {
      throw new ActionError(`${this.label}: blob ${descriptor.digest} is corrupt: its bytes give ${actual}`)
    }
    return bytes
  }
}

export async function readJson<T>(path: string, label: string): Promise<T> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new ActionError(`${label} is missing`)
  }
  try {
    return JSON.parse(text) as T
  } catch (error) {
    throw new ActionError(`${label} is not valid JSON: ${(error as Error).message}`)
  }
}
