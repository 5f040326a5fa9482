import { backoffDelay, sleep as realSleep } from './retry.js'

export interface PollOptions {
  /** No wait starts that would end after this time (ms since the epoch). */
  deadline: number
  /** The first wait; each next one doubles, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/**
 * Waits for a state: calls `check` until it gives a value, waiting longer each time (no jitter: one
 * caller, one resource), and gives up with undefined when the next wait would pass the deadline. For
 * waits on a resource changing (a scan finishing, a preview completing); failures to retry are the
 * retry layer's.
 */
export async function pollUntil<T>(
  check: (attempt: number) => Promise<T | undefined>,
  options: PollOptions
): Promise<T | undefined> {
  const wait = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  for (let attempt = 1; ; attempt++) {
    const value = await check(attempt)
    if (value !== undefined) return value
    const delay = backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs, () => 1)
    if (now() + delay > options.deadline) return undefined
    await wait(delay)
  }
}
