import { AsyncLocalStorage } from 'node:async_hooks'
import { backoffDelay, sleep as realSleep } from '../common/retry.js'
import { RegistryError, RequestError, isRetryableRegistryFailure } from './errors.js'

/** How the one retry layer behaves; every field has a default. */
export interface RetryPolicy {
  /** Attempts per operation, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is cut to it (and the log says so). */
  maxRetryAfterMs: number
  /** Which failures are worth another attempt. */
  retryable: (error: unknown) => boolean
  /** No attempt starts whose wait would end after this time (ms since the epoch), when set. */
  deadline?: number
  sleep: (ms: number) => Promise<void>
  now: () => number
  random: () => number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  retryable: isRetryableRegistryFailure,
  sleep: realSleep,
  now: Date.now,
  random: Math.random
}

export interface RetryEvent {
  what: string
  attempt: number
  delayMs: number
  error: unknown
  /** Set when the registry asked for a longer wait than the cap allows. */
  retryAfterCutFromMs?: number
}

const retryScope = new AsyncLocalStorage<true>()

/**
 * Runs an operation (one request, or the requests of a blob upload) with bounded retries, backoff and
 * full jitter; Retry-After is honoured up to a cap. This is the only retry layer: an operation started
 * inside another one runs once, and its failure is the outer operation's to retry. Once `signal` aborts,
 * no further attempt starts.
 */
export async function withRetries<T>(
  what: string,
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  options: { signal?: AbortSignal; blob?: string; onRetry?: (event: RetryEvent) => void } = {}
): Promise<T> {
  if (retryScope.getStore()) return operation(1)
  return retryScope.run(true, async () => {
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted()
      try {
        return await operation(attempt)
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason
        const backoff = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random)
        const asked = error instanceof RegistryError ? error.retryAfterMs : undefined
        const delayMs = Math.max(backoff, Math.min(asked ?? 0, policy.maxRetryAfterMs))
        const pastDeadline = policy.deadline !== undefined && policy.now() + delayMs > policy.deadline
        if (attempt >= policy.attempts || !policy.retryable(error) || pastDeadline) {
          if (error instanceof RequestError) throw error.gaveUp(attempt, options.blob)
          throw error
        }
        options.onRetry?.({
          what,
          attempt,
          delayMs,
          error,
          retryAfterCutFromMs: asked !== undefined && asked > policy.maxRetryAfterMs ? asked : undefined
        })
        await abortableSleep(policy.sleep, delayMs, options.signal)
      }
    }
  })
}

async function abortableSleep(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined
): Promise<void> {
  if (!signal) return sleep(ms)
  signal.throwIfAborted()
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([sleep(ms), aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}
