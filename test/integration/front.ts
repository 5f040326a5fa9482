/**
 * The registry front's control paths (scripts/front/control.mjs): faults injected per repository, requests
 * held until the test releases them, each repository's request log, the image state the ECR stand-in
 * records.
 */
import { testEnv } from './env.js'

const FRONT = testEnv.ECR_TEST_FRONT_URL as string

export interface FaultRule {
  repository: string
  /** The region whose registry misbehaves (scripts/test-env.sh runs three); the main one by default. */
  region?: string
  method?: string
  /** manifest | blob | upload | tags, or api:<Operation> for an ECR API call (delay or status only) */
  kind?: string
  action:
    | { type: 'status'; status: number; retryAfter?: number; code?: string; message?: string }
    | { type: 'reset'; afterBytes?: number }
    | { type: 'stall' }
    | { type: 'delay'; ms: number }
    | { type: 'hold' }
  /** How many matching requests get the fault (default: every one). */
  times?: number
}

export interface SeenRequest {
  method: string
  kind: string
  path: string
  status?: number
  fault?: string
}

/** Makes the front misbehave for one repository's requests, as the rule says; the rule's id. */
export async function addFault(rule: FaultRule): Promise<number> {
  const response = await fetch(`${FRONT}/_front/faults`, { method: 'POST', body: JSON.stringify(rule) })
  if (!response.ok) throw new Error(`adding a fault: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { id: number }).id
}

/**
 * Holds the next matching request in the front until `release` is called: how a test orders events
 * (something changes while the action waits on that request) without timing them.
 */
export async function holdNext(rule: Omit<FaultRule, 'action'>): Promise<{
  /** Resolves once `count` of the action's requests are being held (polled, bounded). */
  reached: (count?: number) => Promise<void>
  release: () => Promise<void>
}> {
  const id = await addFault({ times: 1, ...rule, action: { type: 'hold' } })
  return {
    reached: (count = 1) =>
      pollUntil(`${count} request(s) held by fault ${id}`, async () => {
        const held = (await (await fetch(`${FRONT}/_front/held`)).json()) as { fault: number }[]
        return held.filter(h => h.fault === id).length >= count
      }),
    release: async () => {
      await fetch(`${FRONT}/_front/release?fault=${id}`, { method: 'POST' })
    }
  }
}

/** Polls a condition every 50 ms until it holds, failing after `boundMs`. */
export async function pollUntil(
  what: string,
  condition: () => Promise<boolean>,
  boundMs = 60_000
): Promise<void> {
  const deadline = Date.now() + boundMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${boundMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Sets what the ECR stand-in records of an image (lastArchivedAt, lastRecordedPullTime: epoch seconds). */
export async function setImageState(
  repository: string,
  digest: string,
  state: { lastArchivedAt?: number; lastPulledAt?: number },
  region?: string
): Promise<void> {
  const response = await fetch(`${FRONT}/_front/image-state`, {
    method: 'POST',
    body: JSON.stringify({ repository, digest, region, ...state })
  })
  if (!response.ok) throw new Error(`setting image state: ${response.status} ${await response.text()}`)
}

/** Clears a repository's faults: in one region's registry, or in every region's. */
export async function clearFaults(repository: string, region?: string): Promise<void> {
  const query = `repository=${encodeURIComponent(repository)}${region ? `&region=${encodeURIComponent(region)}` : ''}`
  await fetch(`${FRONT}/_front/faults?${query}`, { method: 'DELETE' })
}

/** Every request a region's registry (the main one by default) received for a repository, in order. */
export async function requestsOf(repository: string, region?: string): Promise<SeenRequest[]> {
  const query = `repository=${encodeURIComponent(repository)}${region ? `&region=${encodeURIComponent(region)}` : ''}`
  const response = await fetch(`${FRONT}/_front/requests?${query}`)
  return (await response.json()) as SeenRequest[]
}
