import type { BlobSource } from '../blobs.js'

export type SourceKind = 'oci-layout' | 'oci-archive' | 'docker-archive'

/** A manifest ready to PUT: its exact bytes, digest and media type. */
export interface ManifestBlob {
  digest: string
  mediaType: string
  bytes: Buffer
  /** `os/arch[/variant]` for a platform image; undefined for an index or an unplatformed manifest. */
  platform?: string
}

/** An image read from disk and checked, ready to push: every blob it needs is there with its size. */
export interface LocalImageSource {
  kind: SourceKind
  /** Config and layer blobs, each once. */
  blobs: BlobSource[]
  /** Manifests that the top one refers to (an index's children), pushed by digest before it. */
  children: ManifestBlob[]
  /** What the tags will point at: an image manifest or an index. */
  top: ManifestBlob
  /** Removes temporary files (extracted archives, compressed layers). */
  dispose: () => Promise<void>
}

export function platformOf(platform?: {
  os?: string
  architecture?: string
  variant?: string
}): string | undefined {
  if (!platform?.os || !platform.architecture) return undefined
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}
