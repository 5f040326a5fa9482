import { ActionError, quote } from '../common/errors.js'
import { createHash } from 'node:crypto'
import { sha256Digest } from './digest.js'
import { release } from './handed-over.js'
import { BlobVerificationError, RegistryError } from './errors.js'
import { blobPath, locationOf, repositoryPath, withQuery } from './paths.js'
import { isRepositoryPath } from './reference.js'
import type { Transport } from './transport.js'
import { verifiedStream } from './verified-stream.js'
import type { BlobResult, BlobSource, PushBlobOptions } from './blob-types.js'

export type { BlobOutcome, BlobResult, BlobSource, PushBlobOptions } from './blob-types.js'

/** What POST /blobs/uploads/ gave: a mounted blob, or an upload session to send the bytes to. */
type UploadStart = { mounted: true } | { mounted: false; location: string }

/** Bytes per PATCH for a registry that refuses monolithic uploads; ECR rejects parts under 5 MiB but the last. */
export const CHUNK_SIZE = 16 * 1024 * 1024

/** Monolithic uploads refused with these statuses are retried in chunks. */
const MONOLITHIC_REFUSED = new Set([405, 413, 501])

/**
 * Blob uploads, the way the distribution spec lays them out: HEAD (present: nothing sent), then a
 * cross-repository mount when asked, else a session (POST) and one streamed monolithic PUT; a registry
 * that refuses that gets the blob in chunks. A failed attempt restarts with a new session: the whole
 * upload is one operation of the transport's retry layer.
 */
export class BlobUploader {
  constructor(private readonly transport: Transport) {}

  async exists(repository: string, digest: string, signal?: AbortSignal): Promise<boolean> {
    const response = await this.transport.request(
      { method: 'HEAD', url: blobPath(repository, digest), signal },
      [200, 404]
    )
    response.discard()
    return response.status === 200
  }

  /** A small blob (a config) read whole, its bytes checked against the digest; undefined when absent. */
  async read(
    repository: string,
    digest: string,
    maxBytes: number,
    signal?: AbortSignal
  ): Promise<Buffer | undefined> {
    const path = blobPath(repository, digest)
    return this.transport.retrying(
      `GET ${path}`,
      async () => {
        const response = await this.transport.sendFollowingRedirects(
          { method: 'GET', url: path, signal },
          [200, 404]
        )
        if (response.status === 404) {
          response.discard()
          return undefined
        }
        const bytes = await response.bytes(maxBytes)
        const actual = sha256Digest(bytes)
        if (actual !== digest) throw new BlobVerificationError(digest, actual, bytes.length)
        return bytes
      },
      { signal }
    )
  }

  /**
   * A blob's bytes [start, end] (inclusive; all without a range) as they arrive, for a copy into another
   * registry: redirects followed, no retry of its own (the upload it feeds is the operation retried), the
   * length checked by whoever hashes them (verifiedStream).
   */
  async *stream(
    repository: string,
    digest: string,
    range?: { start: number; end: number },
    signal?: AbortSignal
  ): AsyncGenerator<Buffer> {
    const headers: Record<string, string> = range ? { Range: `bytes=${range.start}-${range.end}` } : {}
    const response = await this.transport.sendFollowingRedirects(
      { method: 'GET', url: blobPath(repository, digest), headers, signal },
      range ? [200, 206] : [200]
    )
    if (!range || response.status === 206) {
      yield* response.chunks()
      return
    }
    // A source that ignores Range sends the whole blob: pass on only the bytes asked for.
    let offset = 0
    for await (const chunk of response.chunks()) {
      const from = Math.max(range.start - offset, 0)
      const to = Math.min(range.end + 1 - offset, chunk.length)
      if (from < to) yield chunk.subarray(from, to)
      offset += chunk.length
      if (offset > range.end) break
    }
  }

  /**
   * Uploads bytes whose digest is known only once they have all passed (a layer compressed on the way):
   * one session, one streamed PATCH, then `PUT ?digest=` with the digest they hashed to. A stream that
   * fails (its source proved corrupt) never gets the PUT, so the registry never commits it. A failed
   * attempt starts again from fresh bytes, in a new session.
   */
  async pushStream(
    repository: string,
    what: string,
    produce: () => AsyncIterable<Buffer>,
    options: PushBlobOptions = {}
  ): Promise<BlobResult> {
    // Counted over every attempt, as for any upload.
    const sent = { bytes: 0 }
    const upload = async (): Promise<{ digest: string; size: number }> => {
      const started = await this.startUpload(repository, undefined, options)
      if (started.mounted) throw new ActionError('an upload session was answered as a mount')
      const hash = createHash('sha256')
      let size = 0
      const body = (async function* () {
        for await (const chunk of produce()) {
          hash.update(chunk)
          size += chunk.length
          sent.bytes += chunk.length
          yield chunk
          // Asked for the next one: the socket has this one (http.ts, writeBody). Its memory goes now.
          release(chunk)
        }
      })()
      const patched = await this.transport.send(
        {
          method: 'PATCH',
          url: started.location,
          headers: { 'Content-Type': 'application/octet-stream' },
          body,
          signal: options.signal
        },
        [201, 202, 204]
      )
      patched.discard()
      const digest = `sha256:${hash.digest('hex')}`
      const committed = await this.transport.send(
        {
          method: 'PUT',
          url: withQuery(locationOf(patched), { digest }),
          headers: { 'Content-Length': '0' },
          signal: options.signal
        },
        [201]
      )
      committed.discard()
      return { digest, size }
    }
    const { digest, size } = await this.transport.retrying(`upload of ${what}`, upload, {
      signal: options.signal
    })
    return { digest, size, outcome: 'uploaded', bytesSent: sent.bytes }
  }

  /** Makes sure the registry has the blob; bytes that do not hash to the digest fail without retry. */
  async push(repository: string, blob: BlobSource, options: PushBlobOptions = {}): Promise<BlobResult> {
    const result: BlobResult = { digest: blob.digest, size: blob.size, outcome: 'uploaded', bytesSent: 0 }
    if (await this.exists(repository, blob.digest, options.signal)) return { ...result, outcome: 'present' }
    const upload = async (): Promise<BlobResult> => {
      const started = await this.startUpload(repository, options.mountFrom && blob.digest, options)
      if (started.mounted) return { ...result, outcome: 'mounted' }
      try {
        await this.uploadMonolithic(started.location, blob, result, options.signal)
      } catch (error) {
        if (!(error instanceof RegistryError && MONOLITHIC_REFUSED.has(error.status))) throw error
        const session = await this.startUpload(repository, undefined, options)
        if (session.mounted) return { ...result, outcome: 'mounted' }
        await this.uploadChunked(session.location, blob, result, options.signal)
      }
      return result
    }
    return this.transport.retrying(`upload of blob ${blob.digest}`, upload, {
      signal: options.signal,
      blob: blob.digest
    })
  }

  /** POST an upload session, or a mount (`mount` is the digest to mount from `options.mountFrom`). */
  private async startUpload(
    repository: string,
    mount: string | undefined,
    options: PushBlobOptions
  ): Promise<UploadStart> {
    const from = mount && options.mountFrom
    if (from && !isRepositoryPath(from)) throw new ActionError(`not a repository name: ${quote(from)}`)
    const query = from ? `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(from)}` : ''
    const response = await this.transport.send(
      {
        method: 'POST',
        url: `${repositoryPath(repository)}/blobs/uploads/${query}`,
        headers: { 'Content-Length': '0' },
        signal: options.signal
      },
      [201, 202]
    )
    response.discard()
    if (response.status === 201 && from) return { mounted: true }
    return { mounted: false, location: locationOf(response) }
  }

  private async uploadMonolithic(
    location: string,
    blob: BlobSource,
    result: BlobResult,
    signal?: AbortSignal
  ): Promise<void> {
    const response = await this.transport.send(
      {
        method: 'PUT',
        url: withQuery(location, { digest: blob.digest }),
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) },
        body: verifiedStream(blob, result),
        signal
      },
      [201]
    )
    response.discard()
  }

  /**
   * PATCH in chunks of CHUNK_SIZE, tracking the offset ourselves (ECR's Range header stops advancing)
   * and taking 201 as well as 202 (ECR answers 201), then PUT ?digest= to close the session.
   */
  private async uploadChunked(
    location: string,
    blob: BlobSource,
    result: BlobResult,
    signal?: AbortSignal
  ): Promise<void> {
    const hash = createHash('sha256')
    let url = location
    for (let offset = 0; offset < blob.size; offset += CHUNK_SIZE) {
      const end = Math.min(blob.size, offset + CHUNK_SIZE) - 1
      const response = await this.transport.send(
        {
          method: 'PATCH',
          url,
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(end - offset + 1),
            'Content-Range': `${offset}-${end}`
          },
          body: verifiedStream(blob, result, { start: offset, end, hash }),
          signal
        },
        [201, 202]
      )
      response.discard()
      url = locationOf(response)
    }
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== blob.digest) throw new BlobVerificationError(blob.digest, actual, blob.size)
    const response = await this.transport.send(
      {
        method: 'PUT',
        url: withQuery(url, { digest: blob.digest }),
        headers: { 'Content-Length': '0' },
        signal
      },
      [201]
    )
    response.discard()
  }
}
