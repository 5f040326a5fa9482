export const MediaType = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json'
} as const

/** Blob media types the suite writes or recognises: image configs and docker's gzipped layer. */
export const BlobMediaType = {
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerGzipLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
} as const

/** A config of one of these types makes a manifest a container image, not an artifact (signature, SBOM…). */
export const IMAGE_CONFIG_TYPES: ReadonlySet<string> = new Set([
  BlobMediaType.ociConfig,
  BlobMediaType.dockerConfig
])

/**
 * Every manifest type, for Accept. ECR converts a manifest to the one type a client accepts,
 * and the converted manifest has another digest: asking for all four reads what was pushed.
 */
export const ACCEPT_ALL_MANIFESTS = [
  MediaType.ociIndex,
  MediaType.dockerManifestList,
  MediaType.ociManifest,
  MediaType.dockerManifest
].join(', ')

/** The manifest types the suite pushes and reads; anything else in a manifest's place is refused. */
export const MANIFEST_MEDIA_TYPES: ReadonlySet<string> = new Set(Object.values(MediaType))

export const isManifestMediaType = (value: unknown): value is string =>
  typeof value === 'string' && MANIFEST_MEDIA_TYPES.has(value)

// RFC 6838 type/subtype names, as OCI descriptors must carry them (no parameters, no whitespace).
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/

/** Whether a descriptor's media type is well formed (configs and layers may carry any such type). */
export const isMediaType = (value: unknown): value is string =>
  typeof value === 'string' && MEDIA_TYPE.test(value)

export const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
  MediaType.ociIndex,
  MediaType.dockerManifestList
])

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os?: string; architecture?: string; variant?: string }
  annotations?: Record<string, string>
  artifactType?: string
}

export interface ImageManifest {
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export interface ImageIndex {
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export type Manifest = ImageManifest | ImageIndex

export function isIndex(manifest: Manifest): manifest is ImageIndex {
  return Array.isArray((manifest as ImageIndex).manifests)
}

/** The compressed bytes an image manifest refers to (config and layers), as a registry stores them. */
export function imageManifestSize(manifest: ImageManifest): number {
  return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
}
