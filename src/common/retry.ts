/** Backoff arithmetic and a sleep, for the registry's retry layer and the polls. */
export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Exponential backoff with full jitter: `random()` × min(max, base × 2^(attempt − 1)). */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1))
  return Math.round(random() * ceiling)
}
