// Faults the tests inject into the front, per region and repository, and requests held until released.
//
// A rule without a kind is for the registry only (any of its requests for the repository), never for an API
// call; `api:<Operation>` is for that API call (repository '*': any, as for the ECS, Lambda and Batch calls,
// which name none). Actions: status (with Retry-After), reset (mid-body), stall (never answers), delay, and
// hold: the request waits until the test releases it (POST /_front/release), so a test orders events
// through the front instead of through time.

/** @type {{id: number, region: string, repository: string, method?: string, kind?: string, action: any, times: number}[]} */
let faults = []
let nextFault = 1
/** Held requests: id -> {rule id, region, repository, kind, release}. */
const held = new Map()
let nextHeld = 1
/** The longest a held request waits: a test that forgets to release must not hang the front. */
const MAX_HOLD_MS = 120_000

export function addFault(rule) {
  const fault = { id: nextFault++, times: Number.POSITIVE_INFINITY, ...rule }
  faults.push(fault)
  return fault.id
}

export function clearFaults(repository, region) {
  faults = faults.filter(f => (repository && f.repository !== repository) || (region && f.region !== region))
  return faults.length
}

export function takeFault(region, repository, method, kind) {
  const fault = faults.find(
    f =>
      f.region === region &&
      (f.repository === repository || f.repository === '*') &&
      f.times > 0 &&
      (!f.method || f.method === method) &&
      (f.kind ? f.kind === kind : !kind.startsWith('api:'))
  )
  if (!fault) return undefined
  fault.times--
  return fault
}

/** Waits until the test releases this request (or the bound passes). */
export function hold(fault, region, repository, kind) {
  return new Promise(resolve => {
    const id = nextHeld++
    const timer = setTimeout(() => release(id), MAX_HOLD_MS)
    held.set(id, {
      id,
      fault: fault.id,
      region,
      repository,
      kind,
      release: () => {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

/** Releases held requests: one by id, or every one a fault rule holds, or all. */
export function release(id, faultId) {
  let count = 0
  for (const [key, entry] of held) {
    if ((id === undefined || key === id) && (faultId === undefined || entry.fault === faultId)) {
      held.delete(key)
      entry.release()
      count++
    }
  }
  return count
}

export function heldRequests() {
  return [...held.values()].map(({ id, fault, region, repository, kind }) => ({
    id,
    fault,
    region,
    repository,
    kind
  }))
}
