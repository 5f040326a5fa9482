import { describe, expect, jest, test } from '@jest/globals'
import { backoffDelay } from '../../src/common/retry.js'
import { RegistryError } from '../../src/registry/errors.js'
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from '../../src/registry/retry-layer.js'

// The one retry layer (src/registry/retry-layer.ts): attempts counted, backoff, Retry-After.
describe('withRetries', () => {
  const base = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 }
  const retry = <T>(operation: () => Promise<T>, policy: Partial<RetryPolicy>) =>
    withRetries('test', operation, { ...DEFAULT_RETRY, ...policy })

  test('retries retryable failures, then succeeds', async () => {
    const sleep = jest.fn(async (_ms: number) => {})
    let calls = 0
    const result = await retry(
      async () => {
        if (++calls < 3) throw new Error('busy')
        return 'ok'
      },
      { ...base, attempts: 5, retryable: () => true, sleep }
    )
    expect(result).toBe('ok')
    expect(sleep.mock.calls.map(call => call[0])).toEqual([100, 200])
  })

  test('gives up after the bound with the last error', async () => {
    const sleep = jest.fn(async (_ms: number) => {})
    let calls = 0
    await expect(
      retry(
        async () => {
          throw new Error(`failure ${++calls}`)
        },
        { ...base, attempts: 3, retryable: () => true, sleep }
      )
    ).rejects.toThrow('failure 3')
    expect(sleep).toHaveBeenCalledTimes(2)
  })

  test('does not retry what is not retryable', async () => {
    let calls = 0
    await expect(
      retry(
        async () => {
          calls++
          throw new Error('bad request')
        },
        { ...base, attempts: 5, retryable: () => false, sleep: async () => {} }
      )
    ).rejects.toThrow('bad request')
    expect(calls).toBe(1)
  })

  test('a requested delay (Retry-After) wins over a shorter backoff', async () => {
    const sleep = jest.fn(async (_ms: number) => {})
    let calls = 0
    await retry(
      async () => {
        if (++calls === 1) throw new RegistryError(429, 'TOOMANYREQUESTS', 'slow down', 'https://r/v2/', 5000)
      },
      { ...base, attempts: 2, retryable: () => true, sleep }
    )
    expect(sleep).toHaveBeenCalledWith(5000)
  })
})

describe('backoffDelay', () => {
  test.each([
    [1, 1, 100],
    [2, 1, 200],
    [5, 1, 1000],
    [3, 0.5, 200],
    [3, 0, 0]
  ])('attempt %i with random %f → %i', (attempt, random, expected) => {
    expect(backoffDelay(attempt, 100, 1000, () => random)).toBe(expected)
  })
})
