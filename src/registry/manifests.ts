import { ActionError, quote } from '../common/errors.js'
import { parseJson } from '../common/json.js'
import { sha256Digest } from './digest.js'
import { RegistryError } from './errors.js'
import {
  ACCEPT_ALL_MANIFESTS,
  MediaType,
  isManifestMediaType,
  type Descriptor,
  type Manifest
} from './media-types.js'
import { manifestPath, referrersPath } from './paths.js'
import { isDigest } from './reference.js'
import type { Transport } from './transport.js'

/** A manifest as the registry stores it: the exact bytes, their digest and media type. */
export interface StoredManifest {
  digest: string
  mediaType: string
  bytes: Buffer
  manifest: Manifest
}

/** ECR's limit for a manifest; a registry sending more is not sending a manifest. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

/** `/v2/<repository>/manifests/<reference>`, after checking both against the reference grammar. */

/** Manifests: read by tag or digest (every manifest type accepted, so ECR converts nothing), and put. */
export class Manifests {
  constructor(private readonly transport: Transport) {}

  /** The digest a tag or digest resolves to, read from Docker-Content-Digest; undefined when absent. */
  async resolveDigest(repository: string, reference: string): Promise<string | undefined> {
    const path = manifestPath(repository, reference)
    const response = await this.transport.request(
      { method: 'HEAD', url: path, headers: { Accept: ACCEPT_ALL_MANIFESTS } },
      [200, 404]
    )
    response.discard()
    if (response.status === 404) return undefined
    const digest = response.headers.get('docker-content-digest')
    if (isDigest(digest)) return digest
    // A registry that leaves the header out: read the bytes and hash them.
    return (await this.get(repository, reference))?.digest
  }

  /** The manifest as stored, verified against its digest when fetched by digest; undefined when absent. */
  async get(repository: string, reference: string): Promise<StoredManifest | undefined> {
    try {
      return await this.require(repository, reference)
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return undefined
      throw error
    }
  }

  /** Like get, but a missing manifest is a RegistryError carrying the registry's own message. */
  async require(repository: string, reference: string): Promise<StoredManifest> {
    const path = manifestPath(repository, reference)
    return this.transport.retrying(`GET ${path}`, async () => {
      const response = await this.transport.send(
        { method: 'GET', url: path, headers: { Accept: ACCEPT_ALL_MANIFESTS } },
        [200]
      )
      const bytes = await response.bytes(MAX_MANIFEST_BYTES)
      const invalid = (detail: string, code = 'MANIFEST_INVALID') =>
        new RegistryError(200, code, detail, response.url, undefined, 'GET')
      const digest = sha256Digest(bytes)
      if (isDigest(reference) && digest !== reference) {
        throw invalid(`manifest bytes hash to ${digest}, not ${reference}`, 'DIGEST_INVALID')
      }
      let manifest: Manifest
      try {
        manifest = parseJson(bytes.toString('utf8')) as Manifest
      } catch (error) {
        throw invalid(`the manifest ${(error as Error).message}`)
      }
      if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
        throw invalid('the manifest is not a JSON object')
      }
      const mediaType = manifest.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim()
      if (!isManifestMediaType(mediaType)) {
        throw invalid(`unsupported manifest media type ${quote(mediaType, 120)}`)
      }
      return { digest, mediaType, bytes, manifest }
    })
  }

  /** Puts manifest bytes under a tag or digest; the registry's digest must equal the hash of the bytes sent. */
  async put(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    return (await this.putSaying(repository, reference, bytes, mediaType)).digest
  }

  /**
   * Like put, and what the registry said of the manifest's subject: the `OCI-Subject` header a registry
   * with the referrers API answers a manifest with a subject with (OCI distribution 1.1).
   */
  async putSaying(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string
  ): Promise<{ digest: string; subject?: string }> {
    if (!isManifestMediaType(mediaType))
      throw new ActionError(`not a manifest media type: ${quote(mediaType)}`)
    const path = manifestPath(repository, reference)
    const expected = sha256Digest(bytes)
    const response = await this.transport.request(
      { method: 'PUT', url: path, headers: { 'Content-Type': mediaType }, body: bytes },
      [201]
    )
    response.discard()
    const returned = response.headers.get('docker-content-digest')
    if (returned && returned !== expected) {
      throw new RegistryError(
        response.status,
        'DIGEST_INVALID',
        `registry stored the manifest as ${isDigest(returned) ? returned : quote(returned, 90)}, but the bytes sent hash to ${expected}`,
        response.url,
        undefined,
        'PUT'
      )
    }
    const subject = response.headers.get('oci-subject')
    return { digest: expected, ...(isDigest(subject) ? { subject } : {}) }
  }

  /**
   * The referrers API's list for a subject (an OCI index's descriptors); undefined where the registry has no
   * referrers API (404 as the spec says, 405 as some older registries answer an unknown route), which is
   * when clients keep the tag schema instead.
   */
  async referrers(repository: string, subject: string): Promise<Descriptor[] | undefined> {
    const path = referrersPath(repository, subject)
    return this.transport.retrying(`GET ${path}`, async () => {
      const response = await this.transport.send(
        { method: 'GET', url: path, headers: { Accept: MediaType.ociIndex } },
        [200, 404, 405]
      )
      if (response.status !== 200) {
        response.discard()
        return undefined
      }
      const index = parseJson((await response.bytes(MAX_MANIFEST_BYTES)).toString('utf8')) as {
        manifests?: unknown
      }
      return Array.isArray(index?.manifests) ? (index.manifests as Descriptor[]) : []
    })
  }
}
