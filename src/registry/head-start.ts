/**
 * A stream begun before anyone can take it: a layer compressed while the calls that must come before its
 * upload (ensure the repository, open the session) are still running. What it produces is held in memory
 * up to `limit` bytes, then it pauses until taken, so a head start costs bounded memory however large the
 * layer. The first `take` gets what was held and the rest of the same stream (the same bytes a fresh one
 * would give: compression here is deterministic); any later `take`, a retry's, starts a fresh stream.
 * `cancel` ends one never taken and drops what it held. The pieces must stay valid once produced (fresh
 * buffers, never one reused buffer).
 */
export class HeadStart {
  private readonly held: Buffer[] = []
  private heldBytes = 0
  private readonly iterator: AsyncIterator<Buffer>
  private failure: { error: unknown } | undefined
  private ended = false
  private stopped = false
  private taken = false
  private readonly pump: Promise<void>

  constructor(
    private readonly produce: () => AsyncIterable<Buffer>,
    private readonly limit: number
  ) {
    this.iterator = produce()[Symbol.asyncIterator]()
    this.pump = this.fill()
  }

  /** Bytes produced ahead and held. */
  get bytesHeld(): number {
    return this.heldBytes
  }

  /** Bytes it had produced when it was taken: its head start. */
  bytesAhead = 0

  private async fill(): Promise<void> {
    try {
      while (!this.stopped && this.heldBytes < this.limit) {
        const next = await this.iterator.next()
        if (next.done) {
          this.ended = true
          return
        }
        this.held.push(next.value)
        this.heldBytes += next.value.length
      }
    } catch (error) {
      // Thrown to whoever takes it, after what came before it: as the stream itself would.
      this.failure = { error }
    }
  }

  /** The stream: the first call gets the head start, any later one (a retry) a fresh stream. */
  take(): AsyncIterable<Buffer> {
    if (this.taken) return this.produce()
    this.taken = true
    return this.rest()
  }

  private async *rest(): AsyncGenerator<Buffer> {
    this.stopped = true
    await this.pump
    this.bytesAhead = this.heldBytes
    let finished = this.ended || this.failure !== undefined
    try {
      while (this.held.length > 0) {
        const piece = this.held.shift() as Buffer
        this.heldBytes -= piece.length
        yield piece
      }
      if (this.failure) throw this.failure.error
      while (true) {
        const next = await this.iterator.next()
        if (next.done) break
        yield next.value
      }
      finished = true
    } finally {
      // Taken and then left (the upload failed or was aborted): the stream is ended, its files closed.
      if (!finished) await this.iterator.return?.()
    }
  }

  /** Ends a head start nobody took; one taken belongs to its taker. */
  async cancel(): Promise<void> {
    if (this.taken) return
    this.taken = true
    this.stopped = true
    await this.pump
    this.held.length = 0
    this.heldBytes = 0
    if (!this.ended && !this.failure) await this.iterator.return?.()
  }
}
