import type { LimitFunction } from 'p-limit'

/**
 * Sends each item through `limit`. The first failure aborts the sends in flight (through the signal each
 * gets) and stops the queue: nothing more is sent for a push that has failed, and that first failure is
 * what the caller sees. Every blob upload of a push goes through here (layouts, archives, copies).
 */
export async function sendAll<T, R>(
  items: T[],
  send: (item: T, signal: AbortSignal) => Promise<R>,
  limit: LimitFunction
): Promise<R[]> {
  const abort = new AbortController()
  let firstFailure: { error: unknown } | undefined
  const settled = await Promise.allSettled(
    items.map(item =>
      limit(async () => {
        abort.signal.throwIfAborted()
        try {
          return await send(item, abort.signal)
        } catch (error) {
          if (!firstFailure) {
            firstFailure = { error }
            abort.abort(error)
          }
          throw error
        }
      })
    )
  )
  if (firstFailure) throw firstFailure.error
  return settled.map(outcome => (outcome as PromiseFulfilledResult<R>).value)
}
