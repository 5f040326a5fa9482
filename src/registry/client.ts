import { createHash } from 'node:crypto'
import { retry, type RetryOptions } from '../common/retry.js'
import { RegistryError, isRetryableRegistryFailure, registryErrorFrom } from './errors.js'
import { ACCEPT_ALL_MANIFESTS, type Manifest } from './media-types.js'

/** A manifest as the registry stores it: the exact bytes, their digest and media type. */
export interface StoredManifest {
  digest: string
  mediaType: string
  bytes: Buffer
  manifest: Manifest
}

export interface RegistryClientOptions {
  /** `https://<host>`. */
  endpoint: string
  /** base64(`user:password`) for `Authorization: Basic`: ECR's token is used as is. */
  basicToken: string
  fetch?: typeof fetch
  retry?: Partial<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'>>
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * An OCI distribution client for what the actions need. ECR answers `WWW-Authenticate: Basic`
 * and takes its authorization token directly, so there is no bearer exchange.
 */
export class RegistryClient {
  private readonly endpoint: string
  private readonly fetch: typeof fetch
  private readonly retryOptions: RetryOptions

  constructor(private readonly options: RegistryClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '')
    this.fetch = options.fetch ?? globalThis.fetch
    this.retryOptions = {
      attempts: 5,
      baseDelayMs: 500,
      maxDelayMs: 10000,
      ...options.retry,
      retryable: isRetryableRegistryFailure,
      requestedDelayMs: error => (error instanceof RegistryError ? error.retryAfterMs : undefined)
    }
  }

  /** The digest a tag or digest resolves to, read from Docker-Content-Digest; undefined when absent. */
  async resolveManifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const url = this.manifestUrl(repository, reference)
    const response = await this.request(
      url,
      { method: 'HEAD', headers: { Accept: ACCEPT_ALL_MANIFESTS } },
      [200, 404]
    )
    if (response.status === 404) return undefined
    const digest = response.headers.get('docker-content-digest')
    if (digest) return digest
    // A registry that leaves the header out: read the bytes and hash them.
    return (await this.getManifest(repository, reference))?.digest
  }

  /** The manifest as stored, verified against its digest when fetched by digest; undefined when absent. */
  async getManifest(repository: string, reference: string): Promise<StoredManifest | undefined> {
    const url = this.manifestUrl(repository, reference)
    const response = await this.request(
      url,
      { method: 'GET', headers: { Accept: ACCEPT_ALL_MANIFESTS } },
      [200, 404]
    )
    if (response.status === 404) {
      await response.body?.cancel()
      return undefined
    }
    const bytes = Buffer.from(await response.arrayBuffer())
    const digest = sha256Digest(bytes)
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(
        200,
        'DIGEST_INVALID',
        `manifest bytes hash to ${digest}, not ${reference}`,
        url
      )
    }
    const manifest = JSON.parse(bytes.toString('utf8')) as Manifest
    const mediaType =
      manifest.mediaType ??
      response.headers.get('content-type')?.split(';')[0]?.trim() ??
      'application/octet-stream'
    return { digest, mediaType, bytes, manifest }
  }

  /** Puts manifest bytes under a tag or digest; the registry's digest must equal the hash of the bytes sent. */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string
  ): Promise<string> {
    const url = this.manifestUrl(repository, reference)
    const expected = sha256Digest(bytes)
    const response = await this.request(
      url,
      { method: 'PUT', headers: { 'Content-Type': mediaType }, body: bytes },
      [201]
    )
    await response.body?.cancel()
    const returned = response.headers.get('docker-content-digest')
    if (returned && returned !== expected) {
      throw new RegistryError(
        response.status,
        'DIGEST_INVALID',
        `registry stored the manifest as ${returned}, but the bytes sent hash to ${expected}`,
        url
      )
    }
    return expected
  }

  private manifestUrl(repository: string, reference: string): string {
    return `${this.endpoint}/v2/${repository}/manifests/${reference}`
  }

  /** One request with auth and bounded retries; any status outside `expected` becomes a RegistryError. */
  private async request(url: string, init: RequestInit, expected: number[]): Promise<Response> {
    return retry(async () => {
      const headers = new Headers(init.headers)
      headers.set('Authorization', `Basic ${this.options.basicToken}`)
      headers.set('User-Agent', 'ecr-deliver')
      const response = await this.fetch(url, { ...init, headers, redirect: 'follow' })
      if (expected.includes(response.status)) return response
      throw await registryErrorFrom(response, url)
    }, this.retryOptions)
  }
}
