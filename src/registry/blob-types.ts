import { Readable } from 'node:stream'

/** A blob to upload: its digest and size, and a way to read it (again, on a retry) from a byte range. */
export interface BlobSource {
  digest: string
  size: number
  /** A fresh stream of bytes [start, end] inclusive; the whole blob without arguments. */
  open: (start?: number, end?: number) => Readable
  /**
   * For an upload, when the blob is a file: the same bytes through one reused buffer, each chunk valid
   * until the next is asked for (the transport hands each to the socket first).
   */
  chunks?: (start?: number, end?: number) => AsyncIterable<Buffer>
}

export type BlobOutcome = 'present' | 'mounted' | 'uploaded'

export interface BlobResult {
  digest: string
  size: number
  outcome: BlobOutcome
  /** Bytes sent over the wire for this blob, retries included. */
  bytesSent: number
}

export interface PushBlobOptions {
  /** A repository of the same registry to mount the blob from instead of uploading it. */
  mountFrom?: string
  /** Aborts the upload in flight and stops any further attempt. */
  signal?: AbortSignal
}

/** A small blob held in memory (a config, a signature payload) as a source to upload. */
export function bufferBlob(digest: string, bytes: Buffer): BlobSource {
  return {
    digest,
    size: bytes.length,
    open: (start, end) => Readable.from([bytes.subarray(start ?? 0, end === undefined ? undefined : end + 1)])
  }
}
