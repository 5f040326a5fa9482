/** Exponential backoff with full jitter, bounded in attempts. The sleep is swappable for tests. */
export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Whether this failure is worth another attempt. */
  retryable: (error: unknown) => boolean
  /** A delay the failure itself asks for (Retry-After), in ms; overrides the backoff when larger. */
  requestedDelayMs?: (error: unknown) => number | undefined
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1))
  return Math.round(random() * ceiling)
}

export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const wait = options.sleep ?? sleep
  const random = options.random ?? Math.random
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error
      const backoff = backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs, random)
      const delay = Math.max(backoff, options.requestedDelayMs?.(error) ?? 0)
      options.onRetry?.(error, attempt, delay)
      await wait(delay)
    }
  }
}
