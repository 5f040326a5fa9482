/**
 * The bundled action against a registry that misbehaves: the front (scripts/registry-front.mjs) resets
 * connections mid-body, answers 5xx and 429 with Retry-After, stalls, and delays manifest PUTs, per
 * repository. Each fault must end in success or a clear failure within a bound, and afterwards the
 * repository must be whole (every tag's manifest and every blob it references resolve), checked with
 * skopeo and blob HEADs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  REGISTRY,
  addFault,
  expectWholeRepository,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoTags,
  uniqueRepository,
  type FaultRule,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const work = mkdtempSync(join(tmpdir(), 'faults-it-'))
const layout = join(work, 'layout')
let image: Awaited<ReturnType<typeof writeOciLayout>>
const BLOBS = 4 // a config and three layers

beforeAll(async () => {
  image = await writeOciLayout(layout, {
    platforms: [
      {
        os: 'linux',
        architecture: 'amd64',
        layers: [{ size: 400_000 }, { size: 300_000 }, { size: 200_000 }]
      }
    ],
    seed: `faults-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A source push of the layout under two tags, with the front misbehaving as the rules say. */
async function pushWithFaults(rules: Omit<FaultRule, 'repository'>[], inputs: Record<string, string> = {}) {
  const repository = uniqueRepository('fault')
  for (const rule of rules) await addFault({ ...rule, repository })
  const started = Date.now()
  const result = await deliver({
    dockerConfig: newDockerConfig(),
    inputs: { source: layout, repository, tags: 'v1\nlatest', 'stall-timeout': '2s', ...inputs }
  })
  return { repository, uri: `${REGISTRY}/${repository}`, result, seconds: (Date.now() - started) / 1000 }
}

/**
 * The bound on a run's wall-clock time: a hang catcher, not a speed target. No run here needs more than
 * about 20 s (five 2 s stalls and their backoff); a hang would take undici's 300 s, or forever.
 */
const HANG_BOUND_S = 90

const count = (requests: { method: string; kind: string }[], method: string, kind: string) =>
  requests.filter(r => r.method === method && r.kind === kind).length

describe('each fault ends in success, the repository whole', () => {
  test.each<
    [string, Omit<FaultRule, 'repository'>[], (requests: Awaited<ReturnType<typeof requestsOf>>) => void]
  >([
    [
      'connections reset once the body has started, on two blob uploads',
      [{ kind: 'upload', method: 'PUT', action: { type: 'reset', afterBytes: 1 }, times: 2 }],
      requests => expect(count(requests, 'PUT', 'upload')).toBe(BLOBS + 2)
    ],
    [
      '503 on three upload sessions',
      [{ kind: 'upload', method: 'POST', action: { type: 'status', status: 503 }, times: 3 }],
      requests => expect(count(requests, 'POST', 'upload')).toBe(BLOBS + 3)
    ],
    [
      '429 with Retry-After on a manifest PUT',
      [{ kind: 'manifest', method: 'PUT', action: { type: 'status', status: 429, retryAfter: 1 }, times: 1 }],
      requests => expect(count(requests, 'PUT', 'manifest')).toBe(2 + 1)
    ],
    [
      'a blob upload that the registry stops answering',
      [{ kind: 'upload', method: 'PUT', action: { type: 'stall' }, times: 1 }],
      requests => expect(count(requests, 'PUT', 'upload')).toBe(BLOBS + 1)
    ],
    [
      'a blob HEAD that gets no answer',
      [{ kind: 'blob', method: 'HEAD', action: { type: 'stall' }, times: 1 }],
      requests => expect(count(requests, 'HEAD', 'blob')).toBe(BLOBS + 1)
    ],
    [
      'manifest PUTs delayed by 1.5 s',
      [{ kind: 'manifest', method: 'PUT', action: { type: 'delay', ms: 1500 } }],
      requests => expect(count(requests, 'PUT', 'manifest')).toBe(2)
    ]
  ])('%s', async (_case, rules, checkRequests) => {
    const { repository, uri, result, seconds } = await pushWithFaults(rules)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(seconds).toBeLessThan(HANG_BOUND_S)
    expect(result.outputs['image-digest']).toBe(image.top.digest)
    // The action's own requests, before the checks below add theirs.
    checkRequests(await requestsOf(repository))
    const digests = await expectWholeRepository(uri, ['v1', 'latest'])
    expect(digests).toEqual({ v1: image.top.digest, latest: image.top.digest })
  })

  test('Retry-After: 86400 is cut to the stall timeout, and the log says so', async () => {
    const { uri, result, seconds } = await pushWithFaults([
      { kind: 'blob', method: 'HEAD', action: { type: 'status', status: 429, retryAfter: 86_400 }, times: 1 }
    ])
    expect(result.exitCode).toBe(0)
    // Cut to the 2 s stall timeout; the 60 s default cap, or the 86400 s asked, would break this bound.
    expect(seconds).toBeLessThan(30)
    expect(result.stdout).toMatch(/the registry asked for 86400 s; waits are capped/)
    await expectWholeRepository(uri, ['v1', 'latest'])
  })
})

describe('a fault that does not pass fails clearly, within the bound, with nothing tagged', () => {
  test('every upload session refused: at most 5 attempts per blob, the error names request, blob and attempts', async () => {
    const { repository, uri, result, seconds } = await pushWithFaults([
      {
        kind: 'upload',
        method: 'POST',
        action: { type: 'status', status: 503, message: 'down for maintenance' }
      }
    ])
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(
        `down for maintenance \\(HTTP 503 from POST https://${REGISTRY}/v2/${repository}/blobs/uploads/, ` +
          'uploading blob sha256:[a-f0-9]{64}, after 5 attempts\\)'
      )
    )
    expect(seconds).toBeLessThan(HANG_BOUND_S)
    const requests = await requestsOf(repository)
    // One retry layer: 5 sessions per blob at most (25 before), and the first failure stops the rest.
    expect(count(requests, 'POST', 'upload')).toBeLessThanOrEqual(5 * BLOBS)
    expect(count(requests, 'PUT', 'manifest')).toBe(0)
    // The repository has no tag at all (the registry knows no manifest of it).
    await expect(skopeoTags(uri)).rejects.toThrow(/404 \(Not Found\)/)
  })

  test('a registry that stalls every blob upload: the stall timeout ends each attempt, the step fails in bound', async () => {
    const { repository, result, seconds } = await pushWithFaults(
      [{ kind: 'upload', method: 'PUT', action: { type: 'stall' } }],
      { 'max-concurrency': '1' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /no byte moved for 2 s: the request was aborted \(PUT \/v2\/.*after 5 attempts\)/
    )
    // 5 attempts × 2 s stall + backoff (at most 7.5 s), not undici's 300 s nor forever.
    expect(seconds).toBeLessThan(HANG_BOUND_S)
    const requests = await requestsOf(repository)
    expect(count(requests, 'PUT', 'upload')).toBe(5)
    expect(count(requests, 'PUT', 'manifest')).toBe(0)
  })
})
