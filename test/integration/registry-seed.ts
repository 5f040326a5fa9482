/**
 * Seeds images the way a client pushes them: blobs uploaded, then the manifest PUT, through the registry
 * front with plain HTTP (fetch), so the registry, the bridge and the ECR API all see a real push. Each
 * image is tiny and distinct.
 */
import { createHash, randomBytes } from 'node:crypto'
import { PASSWORD, PUBLIC_PASSWORD, PUBLIC_REGISTRY, REGISTRY } from './harness.js'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const basic = (password: string) => `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`
/** The credentials for a host: ECR Public's token there, the private registries' elsewhere. */
const authFor = (url: string) => basic(new URL(url).host === PUBLIC_REGISTRY ? PUBLIC_PASSWORD : PASSWORD)
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, headers: { Authorization: authFor(url), ...init.headers } })
  if (response.status >= 400)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return response
}

/** Uploads one blob (POST, then a monolithic PUT); returns its digest. */
export async function uploadBlob(host: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes)
  const start = await call(`https://${host}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  const location = new URL(start.headers.get('location') ?? '', `https://${host}`)
  location.searchParams.set('digest', digest)
  await call(location.href, {
    method: 'PUT',
    body: bytes,
    headers: { 'Content-Type': 'application/octet-stream' }
  })
  return digest
}

/** A distinct image's manifest bytes (its blobs uploaded), not yet put under any reference. */
export async function uploadImage(repository: string, host = REGISTRY): Promise<Buffer> {
  const layer = randomBytes(64)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
      config: {}
    })
  )
  const [configDigest, layerDigest] = [
    await uploadBlob(host, repository, config),
    await uploadBlob(host, repository, layer)
  ]
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length
      },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }
      ]
    })
  )
}

/** Puts manifest bytes (an image or an index, by its mediaType) under a tag or digest; returns the digest. */
export async function putManifest(
  repository: string,
  reference: string,
  manifest: Buffer,
  host = REGISTRY
): Promise<string> {
  const mediaType = (JSON.parse(manifest.toString()) as { mediaType?: string }).mediaType ?? OCI_MANIFEST
  await call(`https://${host}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'Content-Type': mediaType }
  })
  return sha256(manifest)
}

/** Pushes a distinct image by digest only (untagged); returns its digest. */
export async function pushUntagged(repository: string, host = REGISTRY): Promise<string> {
  const manifest = await uploadImage(repository, host)
  return putManifest(repository, sha256(manifest), manifest, host)
}

/** Pushes an index of the given images (already in the repository) under a tag; returns its digest. */
export async function pushIndex(
  repository: string,
  tag: string,
  children: string[],
  host = REGISTRY
): Promise<string> {
  const architectures = ['amd64', 'arm64', 's390x', 'ppc64le']
  const manifests = await Promise.all(
    children.map(async (digest, i) => ({
      mediaType: OCI_MANIFEST,
      digest,
      size: (await getManifest(repository, digest, host)).length,
      platform: { os: 'linux', architecture: architectures[i % architectures.length] }
    }))
  )
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests })
  )
  return putManifest(repository, tag, index, host)
}

/** Pushes a distinct image under a tag; returns its digest. */
export async function pushImage(repository: string, tag: string, host = REGISTRY): Promise<string> {
  return putManifest(repository, tag, await uploadImage(repository, host), host)
}

/**
 * `count` distinct images' manifests, ordered by digest from the largest to the smallest: pushed in this
 * order, equal push times (the stand-in stamps to the second) still rank the last pushed as the newest,
 * since ties are broken by the smaller digest.
 */
export async function uploadImagesNewestLast(
  repository: string,
  count: number,
  host = REGISTRY
): Promise<Buffer[]> {
  const manifests: Buffer[] = []
  for (let i = 0; i < count; i++) manifests.push(await uploadImage(repository, host))
  return manifests.sort((a, b) => sha256(b).localeCompare(sha256(a)))
}

/** The manifest bytes a reference holds (all four manifest types accepted). */
export async function getManifest(repository: string, reference: string, host = REGISTRY): Promise<Buffer> {
  const response = await call(`https://${host}/v2/${repository}/manifests/${reference}`, {
    headers: {
      Accept: [
        OCI_MANIFEST,
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ].join(', ')
    }
  })
  return Buffer.from(await response.arrayBuffer())
}
