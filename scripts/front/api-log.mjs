// A log of the API calls the front received, for tests that count them: GET /_front/api-calls?since=N.
const MAX = 20_000
let calls = []
let next = 0

export function recordCall(call) {
  calls.push({ seq: next++, ...call })
  if (calls.length > MAX) calls = calls.slice(-MAX)
}

/** The calls since a sequence number, and the number to ask from next time. */
export function callsSince(since) {
  return { next, calls: calls.filter(c => c.seq >= since) }
}
