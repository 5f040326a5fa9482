import type { BlobSource } from '../blobs.js'

export type SourceKind = 'oci-layout' | 'oci-archive' | 'docker-archive'

/** A manifest ready to PUT: its exact bytes, digest and media type. */
export interface ManifestBlob {
  digest: string
  mediaType: string
  bytes: Buffer
  /** `os/arch[/variant]` for a platform image; undefined for an index or an unplatformed manifest. */
  platform?: string
  /** The digest of its `subject`, when it is a referrer (an attestation, a signature). */
  subject?: string
}

/** An OCI layout (a directory, or a tar of one): every blob and manifest ready, digests known. */
export interface LayoutImageSource {
  kind: 'oci-layout' | 'oci-archive'
  /** Config and layer blobs, each once. */
  blobs: BlobSource[]
  /** Manifests that the top one refers to (an index's children), pushed by digest before it. */
  children: ManifestBlob[]
  /** What the tags will point at: an image manifest or an index. */
  top: ManifestBlob
  /**
   * What index.json names: the top's digest, unless one platform was taken from it. With docker's
   * containerd image store this is the image ID.
   */
  named: string
  /**
   * Referrers outside the image's own graph (index.json's `io.containerd.manifest.subject` entries, the
   * attestation of a platform picked from an index), each after its subject: pushed after the top.
   */
  referrers: ManifestBlob[]
  /** Blobs only the referrers need. */
  referrerBlobs: BlobSource[]
  /** What reading decided that the log should say (a platform delivered from a partial index…). */
  notes: string[]
  /** Releases what reading it holds. */
  dispose: () => Promise<void>
}

/** What reading a layout gives, before it is named and given its dispose. */
export type LayoutParts = Omit<LayoutImageSource, 'kind' | 'dispose'>

/** A layer descriptor of an image manifest. */
export interface LayerDescriptor {
  mediaType: string
  size: number
  digest: string
}

/**
 * A layer compressed while it uploads: its compressed digest and size exist only once it has passed
 * through. Compression is deterministic, so every pass gives the same bytes (a retry sends them again).
 */
export interface LayerToCompress {
  kind: 'compress'
  /** The archive member, for messages. */
  label: string
  /** The uncompressed layer's digest: the config's diff_id, checked as the bytes pass. */
  diffId: string
  /** Uncompressed bytes. */
  size: number
  mediaType: string
  /**
   * Fresh gzip bytes. When the uncompressed bytes do not hash to `diffId` the stream ends with an error
   * instead of its last bytes, so an upload of it is never completed.
   */
  compress(): AsyncIterable<Buffer>
}

/** A layer the archive already holds compressed: an ordinary blob. */
export interface ReadyLayer {
  kind: 'ready'
  blob: BlobSource
  /** The uncompressed digest (the config's diff_id), unchecked: checking it would mean inflating. */
  diffId: string
  mediaType: string
}

/** A `docker save` archive: the config, and layers to compress on the way; the manifest comes last. */
export interface ArchiveImageSource {
  kind: 'docker-archive'
  config: BlobSource
  layers: (LayerToCompress | ReadyLayer)[]
  /** `os/arch[/variant]` from the config. */
  platform?: string
  /** The image manifest for the layers' final descriptors, in order: the same bytes for the same input. */
  manifest(layers: LayerDescriptor[]): ManifestBlob
  /** What reading decided that the log should say (why the digest is not the local one). */
  notes: string[]
  dispose: () => Promise<void>
}

/** An image read from disk and checked, ready to push. */
export type LocalImageSource = LayoutImageSource | ArchiveImageSource

export function platformOf(platform?: {
  os?: string
  architecture?: string
  variant?: string
}): string | undefined {
  if (!platform?.os || !platform.architecture) return undefined
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}
