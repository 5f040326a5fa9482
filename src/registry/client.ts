import { ActionError } from '../common/errors.js'
import { Readable } from 'node:stream'
import { BlobUploader, type BlobResult, type BlobSource, type PushBlobOptions } from './blobs.js'
import { Manifests, type StoredManifest } from './manifests.js'
import type { Descriptor } from './media-types.js'
import { Transport, type RetryPolicy, type TransportOptions } from './transport.js'

/**
 * An OCI distribution client, in layers as go-containerregistry lays it out: the transport (credentials,
 * user agent, timeouts, the one retry layer), manifests, and blob uploads. ECR answers
 * `WWW-Authenticate: Basic` and takes its authorization token directly; other registries that challenge
 * with Bearer get the token exchange.
 */
export class RegistryClient {
  readonly transport: Transport
  private readonly manifests: Manifests
  private readonly blobs: BlobUploader

  constructor(options: TransportOptions) {
    this.transport = new Transport(options)
    this.manifests = new Manifests(this.transport)
    this.blobs = new BlobUploader(this.transport)
  }

  get endpoint(): string {
    return this.transport.endpoint
  }

  resolveManifestDigest(repository: string, reference: string): Promise<string | undefined> {
    return this.manifests.resolveDigest(repository, reference)
  }

  getManifest(repository: string, reference: string): Promise<StoredManifest | undefined> {
    return this.manifests.get(repository, reference)
  }

  requireManifest(repository: string, reference: string): Promise<StoredManifest> {
    return this.manifests.require(repository, reference)
  }

  putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    return this.manifests.put(repository, reference, bytes, mediaType)
  }

  /** Puts a manifest, and says what the registry answered of its subject (`OCI-Subject`). */
  putManifestSaying(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string
  ): Promise<{ digest: string; subject?: string }> {
    return this.manifests.putSaying(repository, reference, bytes, mediaType)
  }

  /** A subject's referrers by the referrers API; undefined where the registry has none. */
  referrersOf(repository: string, subject: string): Promise<Descriptor[] | undefined> {
    return this.manifests.referrers(repository, subject)
  }

  blobExists(repository: string, digest: string): Promise<boolean> {
    return this.blobs.exists(repository, digest)
  }

  pushBlob(repository: string, blob: BlobSource, options?: PushBlobOptions): Promise<BlobResult> {
    return this.blobs.push(repository, blob, options)
  }

  /** Uploads bytes whose digest is known only at their end (a layer compressed on the way). */
  pushStream(
    repository: string,
    what: string,
    produce: () => AsyncIterable<Buffer>,
    options?: PushBlobOptions
  ): Promise<BlobResult> {
    return this.blobs.pushStream(repository, what, produce, options)
  }

  /** A small blob read whole and checked against its digest; undefined when the registry has none. */
  readBlob(repository: string, digest: string, maxBytes: number): Promise<Buffer | undefined> {
    return this.blobs.read(repository, digest, maxBytes)
  }

  /** A small blob a manifest of the registry names, read whole and verified: absent is an error. */
  async requireBlob(repository: string, digest: string, maxBytes: number): Promise<Buffer> {
    const bytes = await this.blobs.read(repository, digest, maxBytes)
    if (!bytes)
      throw new ActionError(`${repository}: the blob ${digest} that its manifest names is not there`)
    return bytes
  }

  /**
   * A blob of this registry as the source of an upload to another (a registry-to-registry copy): read as
   * it is sent, hashed on the way by the uploader, so nothing is held in memory or on disk.
   */
  remoteBlob(repository: string, blob: { digest: string; size: number }): BlobSource {
    const chunks = (start?: number, end?: number) =>
      this.blobs.stream(
        repository,
        blob.digest,
        start === undefined ? undefined : { start, end: end ?? blob.size - 1 }
      )
    return {
      digest: blob.digest,
      size: blob.size,
      chunks,
      open: (start, end) => Readable.from(chunks(start, end))
    }
  }

  /** Runs `operation` as one operation of the retry layer (e.g. a poll whose every try is one request). */
  retrying<T>(
    what: string,
    operation: (attempt: number) => Promise<T>,
    options?: { signal?: AbortSignal; policy?: Partial<RetryPolicy> }
  ): Promise<T> {
    return this.transport.retrying(what, operation, options)
  }
}
