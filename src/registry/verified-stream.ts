import { createHash, type Hash } from 'node:crypto'
import { BlobVerificationError } from './errors.js'
import type { BlobSource } from './blobs.js'

/**
 * A blob's bytes for an upload body, hashed and counted on the way. A whole-blob stream that does not
 * hash to its digest, or a range that is short, ends with a BlobVerificationError instead of its last
 * chunk, so the registry never completes the upload. For a chunked upload, `range.hash` carries on
 * across the chunks and the caller checks the digest at the end.
 */
export async function* verifiedStream(
  blob: BlobSource,
  counter: { bytesSent: number },
  range?: { start: number; end: number; hash: Hash }
): AsyncGenerator<Uint8Array> {
  const hash = range?.hash ?? createHash('sha256')
  let seen = 0
  const read = blob.chunks ?? blob.open
  for await (const chunk of range ? read(range.start, range.end) : read()) {
    const data = chunk as Buffer
    hash.update(data)
    seen += data.length
    counter.bytesSent += data.length
    yield data
  }
  const expectedLength = range ? range.end - range.start + 1 : blob.size
  if (seen !== expectedLength) throw new BlobVerificationError(blob.digest, `${seen} bytes`, blob.size)
  if (!range) {
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== blob.digest) throw new BlobVerificationError(blob.digest, actual, blob.size)
  }
}
