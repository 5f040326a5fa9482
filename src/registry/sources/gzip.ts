import { promisify } from 'node:util'
import { constants, crc32, deflateRaw as deflateRawCallback } from 'node:zlib'
import { handOver } from '../handed-over.js'

const deflateRaw = promisify(deflateRawCallback)

/**
 * gzip on every core, the way pigz does it: the input is cut into fixed blocks, each block is deflated on
 * its own (zlib's async API runs on libuv's thread pool) with the previous block's last 32 KiB as its
 * dictionary, and ends with a sync flush so the pieces join into one deflate stream. A final empty
 * block, the CRC-32 and the size close the member. For the same input, level and block size the output is
 * the same bytes every time (on one zlib: Node 24's differs from Node 20's), so a layer pushed again gets
 * the same digest.
 */
export interface GzipOptions {
  /** zlib level; 0 writes stored blocks (for data that does not compress). */
  level: number
  /** Bytes per block (the unit of parallel work). */
  blockSize?: number
  /** Blocks of this stream being deflated at once. */
  inFlight?: number
}

export const DEFAULT_BLOCK_SIZE = 1024 * 1024
const DEFAULT_IN_FLIGHT = 4
const WINDOW = 32 * 1024
/**
 * zlib's largest hash table (memLevel 9; its default is 8): at level 1 on real layers (gcc's and python's
 * libraries) it deflates ~13% faster for the same size (22.5 MB from 48 MiB either way), for ~200 KiB more
 * per block in flight. It changes which matches are found, so the bytes differ from memLevel 8's (a layer
 * pushed before is still found by its diff_id: push-archive.ts), but are the same every time.
 */
const MEM_LEVEL = 9

/** Magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same header for every layer. */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
/** A final, empty, fixed-Huffman block: ends the deflate stream after the last sync-flushed block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])

export async function* parallelGzip(
  input: AsyncIterable<Buffer>,
  options: GzipOptions
): AsyncGenerator<Buffer> {
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE
  const inFlight = Math.max(1, options.inFlight ?? DEFAULT_IN_FLIGHT)
  yield HEADER
  let crc = 0
  let length = 0
  let dictionary: Buffer | undefined
  const pending: Promise<Buffer>[] = []
  const pool = new BlockPool(blockSize)
  for await (const block of blocksOf(input, blockSize, pool)) {
    crc = crc32(block, crc)
    length += block.length
    // Every piece is its own memory, handed over: the upload frees it once sent (handed-over.ts).
    const job = (options.level === 0 ? stored(block) : deflated(block, options.level, dictionary))
      .then(handOver)
      // Its input is read once deflated: the block goes back to the pool (before the awaiting code runs).
      .finally(() => pool.give(block))
    // Observed at once: a rejection while earlier blocks are awaited is not unhandled.
    job.catch(() => {})
    pending.push(job)
    // A copy: the block's memory is not kept alive for the sake of its last 32 KiB.
    dictionary = Buffer.from(block.subarray(Math.max(0, block.length - WINDOW)))
    if (pending.length >= inFlight) yield await (pending.shift() as Promise<Buffer>)
  }
  while (pending.length > 0) yield await (pending.shift() as Promise<Buffer>)
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(length % 2 ** 32, 4)
  yield Buffer.concat([FINAL_BLOCK, trailer])
}

/** A block deflated on the thread pool, sync-flushed so the next block's output joins it. */
function deflated(block: Buffer, level: number, dictionary: Buffer | undefined): Promise<Buffer> {
  return deflateRaw(block, {
    level,
    memLevel: MEM_LEVEL,
    // Flushed with the data itself, not by an empty write after it (the same bytes), into room for deflate's
    // worst case: the output comes back as one piece of one buffer, no copy, freed whole once sent.
    flush: constants.Z_SYNC_FLUSH,
    finishFlush: constants.Z_SYNC_FLUSH,
    chunkSize: block.length + 64 * 1024,
    ...(dictionary ? { dictionary } : {})
  })
}

/** Deflate's largest stored block, and the 5 bytes before each: type (byte-aligned), LEN, NLEN. */
const MAX_STORED = 65535
const STORED_HEADER = 5

/**
 * Level 0 without zlib: the block framed as stored blocks, copied into a buffer of its own. Each block
 * here starts on a byte boundary (after the gzip header or a stored block), so the 3 header bits and
 * their padding are one zero byte. The same bytes for the same input on any Node.
 */
async function stored(block: Buffer): Promise<Buffer> {
  const count = Math.ceil(block.length / MAX_STORED)
  const out = Buffer.allocUnsafeSlow(block.length + STORED_HEADER * count)
  let at = 0
  for (let offset = 0; offset < block.length; offset += MAX_STORED) {
    const length = Math.min(MAX_STORED, block.length - offset)
    out[at] = 0
    out.writeUInt16LE(length, at + 1)
    out.writeUInt16LE(~length & 0xffff, at + 3)
    at += STORED_HEADER + block.copy(out, at + STORED_HEADER, offset, offset + length)
  }
  return out
}

/**
 * Block buffers used again once deflated. A block allocated per MiB would count towards V8's external
 * memory, and every 64 MB of that costs a full garbage collection on the main thread (one every ~70 ms
 * while two layers compress: a fifth of the main thread, measured with --trace-gc); a layer's input now
 * allocates `inFlight` + 1 blocks.
 */
export class BlockPool {
  private readonly free: Buffer[] = []
  constructor(readonly size: number) {}
  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.size)
  }
  /** A whole block back (a shorter last one is a view: it is left to the collector). */
  give(block: Buffer): void {
    if (block.length === this.size) this.free.push(block)
  }
}

/**
 * The input in blocks of exactly `size` bytes, the last one shorter (none for an empty input). With a
 * pool, every chunk is copied into the pool's blocks before the next one is asked for, so the input may
 * reuse one buffer for every chunk (files.ts: chunks), and a block stays the taker's until given back.
 */
export async function* blocksOf(
  input: AsyncIterable<Buffer>,
  size: number,
  pool?: BlockPool
): AsyncGenerator<Buffer> {
  if (pool) {
    yield* pooledBlocksOf(input, pool)
    return
  }
  let parts: Buffer[] = []
  let held = 0
  for await (const chunk of input) {
    let rest = chunk
    while (held + rest.length >= size) {
      const take = size - held
      parts.push(rest.subarray(0, take))
      yield parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size)
      parts = []
      held = 0
      rest = rest.subarray(take)
    }
    if (rest.length > 0) {
      parts.push(rest)
      held += rest.length
    }
  }
  if (held > 0) yield Buffer.concat(parts, held)
}

async function* pooledBlocksOf(input: AsyncIterable<Buffer>, pool: BlockPool): AsyncGenerator<Buffer> {
  let block = pool.take()
  let held = 0
  for await (const chunk of input) {
    let offset = 0
    while (offset < chunk.length) {
      const copied = chunk.copy(block, held, offset)
      held += copied
      offset += copied
      if (held === pool.size) {
        yield block
        block = pool.take()
        held = 0
      }
    }
  }
  if (held > 0) yield block.subarray(0, held)
  else pool.give(block)
}

/** Sampled bytes that deflate (level 1) to more than this share of their size are not worth deflating. */
const INCOMPRESSIBLE = 0.95

/**
 * Whether data like this sample gains anything from deflate. Random or already-compressed data (the
 * payload of many layers) does not, and stored blocks then cost a fraction of the CPU. Asynchronous: the
 * sample is deflated on the thread pool, not on the event loop.
 */
export async function worthCompressing(sample: Buffer): Promise<boolean> {
  if (sample.length === 0) return true
  const packed = await deflateRaw(sample, { level: 1 })
  return packed.length <= sample.length * INCOMPRESSIBLE
}
