import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { retry, type RetryOptions } from '../common/retry.js'
import { parseBearerChallenge, type BearerChallenge } from './auth.js'
import { sendStream } from './stream-upload.js'
import {
  BlobVerificationError,
  RegistryError,
  isRetryableRegistryFailure,
  registryErrorFrom
} from './errors.js'
import { ACCEPT_ALL_MANIFESTS, type Manifest } from './media-types.js'

/** A manifest as the registry stores it: the exact bytes, their digest and media type. */
export interface StoredManifest {
  digest: string
  mediaType: string
  bytes: Buffer
  manifest: Manifest
}

/** A blob to upload: its digest and size, and a way to read it (again, on a retry) from a byte range. */
export interface BlobSource {
  digest: string
  size: number
  /** A fresh stream of bytes [start, end] inclusive; the whole blob without arguments. */
  open: (start?: number, end?: number) => Readable
}

export type BlobOutcome = 'present' | 'mounted' | 'uploaded'

export interface BlobResult {
  digest: string
  size: number
  outcome: BlobOutcome
  /** Bytes sent over the wire for this blob, retries included. */
  bytesSent: number
}

export interface RegistryClientOptions {
  /** `https://<host>`. */
  endpoint: string
  /** base64(`user:password`) for `Authorization: Basic`: ECR's token is used as is. */
  basicToken: string
  fetch?: typeof fetch
  retry?: Partial<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'>>
  /** `monolithic` (one PUT; the fallback to chunks is automatic on 413/405) or `chunked`. */
  uploadMode?: 'monolithic' | 'chunked'
  /** Bytes per PATCH in chunked uploads; ECR rejects parts under 5 MiB but the last. */
  chunkSize?: number
  /** Counts every HTTP request made, by method (for benchmarks and the summary). */
  onRequest?: (method: string, url: string) => void
}

export const MIN_CHUNK_SIZE = 5 * 1024 * 1024
const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** Monolithic uploads refused with these statuses are retried in chunks. */
const MONOLITHIC_REFUSED = new Set([405, 413, 501])

/**
 * An OCI distribution client. ECR answers `WWW-Authenticate: Basic` and takes its authorization token
 * directly; other registries that challenge with Bearer get the token exchange, with the same credentials.
 */
export class RegistryClient {
  private readonly endpoint: string
  private readonly fetch: typeof fetch
  private readonly retryOptions: RetryOptions
  private readonly chunkSize: number
  /** Set after a Bearer challenge; then sent instead of Basic. */
  private bearer?: { token: string; challenge: BearerChallenge }

  constructor(private readonly options: RegistryClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '')
    this.fetch = options.fetch ?? globalThis.fetch
    this.chunkSize = Math.max(MIN_CHUNK_SIZE, options.chunkSize ?? DEFAULT_CHUNK_SIZE)
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
    try {
      return await this.requireManifest(repository, reference)
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return undefined
      throw error
    }
  }

  /** Like getManifest, but a missing manifest is a RegistryError carrying the registry's own message. */
  async requireManifest(repository: string, reference: string): Promise<StoredManifest> {
    const url = this.manifestUrl(repository, reference)
    const response = await this.request(
      url,
      { method: 'GET', headers: { Accept: ACCEPT_ALL_MANIFESTS } },
      [200]
    )
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

  async blobExists(repository: string, digest: string): Promise<boolean> {
    const response = await this.request(
      `${this.repositoryUrl(repository)}/blobs/${digest}`,
      { method: 'HEAD' },
      [200, 404]
    )
    return response.status === 200
  }

  /**
   * Makes sure the registry has the blob: HEAD (present: nothing sent), then a cross-repository mount
   * when `mountFrom` is given, else an upload streamed from `blob.open()`. A failed upload restarts with a
   * new session, within the retry bound; bytes that do not hash to the digest fail without retry.
   */
  async pushBlob(repository: string, blob: BlobSource, mountFrom?: string): Promise<BlobResult> {
    const result: BlobResult = { digest: blob.digest, size: blob.size, outcome: 'uploaded', bytesSent: 0 }
    if (await this.blobExists(repository, blob.digest)) return { ...result, outcome: 'present' }
    return retry(async () => {
      let location: string
      if (mountFrom) {
        const mount = await this.startUpload(repository, { mount: blob.digest, from: mountFrom })
        if (mount === 'mounted') return { ...result, outcome: 'mounted' as const }
        location = mount
      } else {
        location = (await this.startUpload(repository)) as string
      }
      if (this.options.uploadMode === 'chunked') {
        await this.uploadChunked(location, blob, result)
      } else {
        try {
          await this.uploadMonolithic(location, blob, result)
        } catch (error) {
          if (!(error instanceof RegistryError && MONOLITHIC_REFUSED.has(error.status))) throw error
          await this.uploadChunked((await this.startUpload(repository)) as string, blob, result)
        }
      }
      return result
    }, this.retryOptions)
  }

  /** Every tag of a repository, following the Link header page by page (ECR: at most 1000 a page). */
  async listTags(repository: string, pageSize = 1000): Promise<string[]> {
    const tags: string[] = []
    let url: string | undefined = `${this.repositoryUrl(repository)}/tags/list?n=${pageSize}`
    while (url) {
      const response = await this.request(url, { method: 'GET' }, [200])
      const body = (await response.json()) as { tags?: string[] | null }
      tags.push(...(body.tags ?? []))
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '')?.[1]
      url = next ? new URL(next, url).toString() : undefined
    }
    return tags
  }

  /** POST an upload session: the absolute Location, or 'mounted' when a mount succeeded (201). */
  private async startUpload(repository: string, mount?: { mount: string; from: string }): Promise<string> {
    const query = mount
      ? `?mount=${encodeURIComponent(mount.mount)}&from=${encodeURIComponent(mount.from)}`
      : ''
    const url = `${this.repositoryUrl(repository)}/blobs/uploads/${query}`
    const response = await this.request(
      url,
      { method: 'POST', headers: { 'Content-Length': '0' } },
      [201, 202]
    )
    await response.body?.cancel()
    if (response.status === 201 && mount) return 'mounted'
    return locationOf(response, url)
  }

  private async uploadMonolithic(location: string, blob: BlobSource, result: BlobResult): Promise<void> {
    const url = withQuery(location, { digest: blob.digest })
    const body = verifiedStream(blob, result)
    const response = await this.send(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) },
      body
    }).catch(error => body.fail(error))
    await expectStatus(response, url, [201])
  }

  /**
   * PATCH in chunks of at least 5 MiB, tracking the offset ourselves (ECR's Range header stops advancing)
   * and taking 201 as well as 202 (ECR answers 201), then PUT ?digest= to close the session.
   */
  private async uploadChunked(location: string, blob: BlobSource, result: BlobResult): Promise<void> {
    const hash = createHash('sha256')
    let url = location
    for (let offset = 0; offset < blob.size; offset += this.chunkSize) {
      const end = Math.min(blob.size, offset + this.chunkSize) - 1
      const body = verifiedStream(blob, result, { start: offset, end, hash })
      const response = await this.send(url, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(end - offset + 1),
          'Content-Range': `${offset}-${end}`
        },
        body
      }).catch(error => body.fail(error))
      await expectStatus(response, url, [201, 202])
      url = locationOf(response, url)
    }
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== blob.digest) throw new BlobVerificationError(blob.digest, actual, blob.size)
    const close = withQuery(url, { digest: blob.digest })
    const response = await this.send(close, { method: 'PUT', headers: { 'Content-Length': '0' } })
    await expectStatus(response, close, [201])
  }

  private repositoryUrl(repository: string): string {
    return `${this.endpoint}/v2/${repository}`
  }

  private manifestUrl(repository: string, reference: string): string {
    return `${this.repositoryUrl(repository)}/manifests/${reference}`
  }

  /** A request with a replayable body, with bounded retries; a status outside `expected` is a RegistryError. */
  private async request(url: string, init: RequestInit, expected: number[]): Promise<Response> {
    return retry(async () => {
      const response = await this.send(url, init)
      await expectStatus(response, url, expected)
      return response
    }, this.retryOptions)
  }

  /** One HTTP exchange with auth; a Bearer challenge is answered once and the request sent again. */
  private async send(url: string, init: RequestInit & { body?: unknown }): Promise<Response> {
    const attempt = async () => {
      const headers = new Headers(init.headers)
      headers.set(
        'Authorization',
        this.bearer ? `Bearer ${this.bearer.token}` : `Basic ${this.options.basicToken}`
      )
      headers.set('User-Agent', 'ecr-deliver')
      this.options.onRequest?.(init.method ?? 'GET', url)
      const streaming = init.body !== undefined && !(init.body instanceof Uint8Array)
      if (streaming)
        return sendStream(url, init.method ?? 'PUT', headers, init.body as AsyncIterable<Uint8Array>)
      return this.fetch(url, { ...(init as RequestInit), headers, redirect: 'follow' })
    }
    const response = await attempt()
    if (response.status !== 401) return response
    const challenge = parseBearerChallenge(response.headers.get('www-authenticate'))
    const replayable = init.body === undefined || init.body instanceof Uint8Array
    if (!challenge || !replayable || this.bearer?.challenge.scope === challenge.scope) return response
    await response.body?.cancel()
    this.bearer = { token: await this.fetchBearerToken(challenge), challenge }
    return attempt()
  }

  private async fetchBearerToken(challenge: BearerChallenge): Promise<string> {
    const url = new URL(challenge.realm)
    if (challenge.service) url.searchParams.set('service', challenge.service)
    if (challenge.scope) url.searchParams.set('scope', challenge.scope)
    const response = await this.fetch(url, { headers: { Authorization: `Basic ${this.options.basicToken}` } })
    await expectStatus(response, url.toString(), [200])
    const body = (await response.json()) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token)
      throw new RegistryError(200, 'UNAUTHORIZED', 'the token service returned no token', url.toString())
    return token
  }
}

async function expectStatus(response: Response, url: string, expected: number[]): Promise<void> {
  if (!expected.includes(response.status)) throw await registryErrorFrom(response, url)
}

/** Location, resolved against the request URL: it may be relative and may carry a query to keep. */
function locationOf(response: Response, requestUrl: string): string {
  const location = response.headers.get('location')
  if (!location)
    throw new RegistryError(response.status, undefined, 'upload answer has no Location', requestUrl)
  return new URL(location, requestUrl).toString()
}

function withQuery(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, value)
  return parsed.toString()
}

/**
 * The blob's bytes as an async iterable for fetch, hashed and counted on the way. A whole-blob stream
 * that does not hash to the digest ends with an error, so the registry never completes the upload.
 */
function verifiedStream(
  blob: BlobSource,
  result: BlobResult,
  range?: { start: number; end: number; hash: ReturnType<typeof createHash> }
): AsyncIterable<Uint8Array> & { fail: (error: unknown) => never } {
  const hash = range?.hash ?? createHash('sha256')
  let seen = 0
  let failure: Error | undefined
  // When the request fails because the local bytes were wrong, say that, not "fetch failed".
  const fail = (error: unknown): never => {
    throw failure ?? error
  }
  async function* bytes() {
    for await (const chunk of range ? blob.open(range.start, range.end) : blob.open()) {
      const data = chunk as Buffer
      hash.update(data)
      seen += data.length
      result.bytesSent += data.length
      yield data
    }
    const expectedLength = range ? range.end - range.start + 1 : blob.size
    if (seen !== expectedLength) {
      failure = new BlobVerificationError(blob.digest, `${seen} bytes`, blob.size)
      throw failure
    }
    if (!range) {
      const actual = `sha256:${hash.digest('hex')}`
      if (actual !== blob.digest) {
        failure = new BlobVerificationError(blob.digest, actual, blob.size)
        throw failure
      }
    }
  }
  const iterable = bytes()
  return Object.assign(iterable, { fail })
}
