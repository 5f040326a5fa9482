/**
 * Broken docker-save archives through the bundled action: one cut short, and one whose layer's bytes do not
 * hash to the diff_id its config names (found only while the layer is compressed on its way up). Each
 * fails with one error saying what is wrong, and the front's request log shows that no manifest was ever
 * put: nothing half-pushed is tagged. (Archives that name files outside themselves: hostile.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDockerSaveArchive } from '../fixtures/images.js'
import {
  REGISTRY,
  ecrApi,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoDigest,
  uniqueRepository,
  type SeenRequest
} from './harness.js'

const deliver = (source: string, repository: string) =>
  runStep('action.yml', 'dist/deliver/index.js', {
    dockerConfig: newDockerConfig(),
    inputs: { source, repository, tags: 'v1' }
  })
const work = mkdtempSync(join(tmpdir(), 'archives-it-'))
const whole = join(work, 'whole.tar')
let diffIds: string[]

beforeAll(async () => {
  // Layers big enough that the good one's upload is under way when the corrupt one fails.
  ;({ diffIds } = await writeDockerSaveArchive(whole, {
    layers: [{ size: 3_000_000 }, { size: 2_000_000 }],
    seed: `archives-${Date.now()}`
  }))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const manifestPuts = (requests: SeenRequest[]) =>
  requests.filter(r => r.method === 'PUT' && r.kind === 'manifest')

/** A repository the push may go to: only the archive can make the step fail. */
async function newRepository(): Promise<string> {
  const repository = uniqueRepository('archive')
  await ecrApi('CreateRepository', { repositoryName: repository })
  return repository
}

describe('broken docker-save archives fail before any manifest PUT', () => {
  test('a truncated archive: one error saying so, nothing sent', async () => {
    const truncated = join(work, 'truncated.tar')
    copyFileSync(whole, truncated)
    truncateSync(truncated, Math.floor(statSync(whole).size / 2))
    const repository = await newRepository()
    const result = await deliver(truncated, repository)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/truncated\.tar is not a readable tar archive .*truncated or corrupt/)
    ])
    // Read whole before anything is sent: the registry saw no request at all.
    expect(await requestsOf(repository)).toEqual([])
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()
  })

  test('a layer whose bytes do not match its diff_id: the upload under way is never committed, no manifest is put', async () => {
    const dir = join(work, 'corrupt')
    mkdirSync(dir)
    execFileSync('tar', ['-xf', whole, '-C', dir])
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as [{ Layers: string[] }]
    const layer = join(dir, manifest[0].Layers[1] as string)
    const bytes = readFileSync(layer)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1) // same size, other bytes
    writeFileSync(layer, bytes)
    const corrupt = join(work, 'corrupt.tar')
    execFileSync('tar', ['-cf', corrupt, '-C', dir, '.'])
    const repository = await newRepository()
    const result = await deliver(corrupt, repository)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `1/layer\\.tar is corrupt: its bytes give sha256:[a-f0-9]{64}, the config says ${diffIds[1]}`
        )
      )
    ])
    const requests = await requestsOf(repository)
    // The push had started: the corrupt layer's upload session was opened and its bytes were streaming.
    expect(requests.filter(r => r.method === 'POST' && r.kind === 'upload').length).toBeGreaterThan(0)
    expect(requests.filter(r => r.method === 'PATCH').length).toBeGreaterThan(0)
    // At most the config and the good layer were committed, and no manifest was put.
    const committed = requests.filter(r => r.method === 'PUT' && r.kind === 'upload' && r.status === 201)
    expect(committed.length).toBeLessThanOrEqual(2)
    expect(manifestPuts(requests)).toEqual([])
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()
  })
})
