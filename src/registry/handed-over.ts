/**
 * Buffers a producer hands over for good (a layer's gzip pieces), freed by the one consumer that touches
 * them last (the upload, once the socket has a piece) instead of waiting for a full garbage collection:
 * V8 runs one only every 64 MB of such memory, which held a 1 GiB layer's push ~80 MB above Node's own
 * baseline. Freeing detaches the memory (ArrayBuffer.prototype.transfer, Node 21+): any view left of it
 * reads as empty, so a piece freed too early makes the upload's digest check fail, never pass.
 */
const handedOver = new WeakSet<ArrayBufferLike>()

/** Node's shared allocation pool serves buffers under this size: never one to free. */
const POOLED_BELOW = 4096

/**
 * Marks a piece as freeable by its consumer. Only a piece that starts its own memory and is too large for
 * Node's shared pool qualifies (whatever else that memory holds is unused); any other piece is left to the
 * collector.
 */
export function handOver(piece: Buffer): Buffer {
  if (piece.byteOffset === 0 && piece.length >= POOLED_BELOW) handedOver.add(piece.buffer)
  return piece
}

type Transferable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer }

/** Frees a handed-over piece's memory now; any other piece is left as it is. */
export function release(piece: Uint8Array): void {
  const memory = piece.buffer as Transferable
  if (handedOver.delete(memory)) memory.transfer?.(0)
}
