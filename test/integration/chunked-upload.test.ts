/**
 * Chunked blob uploads, reached the way production reaches them: the registry refuses the monolithic PUT
 * (413, injected by the front: distribution itself takes any size), and the action sends the blob again
 * in 16 MiB PATCHes on a new session. Checked with the front's request log and, independently, skopeo
 * and blob HEADs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  REGISTRY,
  addFault,
  ecrApi,
  expectWholeRepository,
  newDockerConfig,
  requestsOf,
  runStep,
  uniqueRepository
} from './harness.js'
import { uploadBlob } from './registry-seed.js'

const MiB = 1024 * 1024
const work = mkdtempSync(join(tmpdir(), 'chunked-it-'))
const dir = join(work, 'layout')
let layout: Awaited<ReturnType<typeof writeOciLayout>>

beforeAll(async () => {
  // One uncompressed layer of 20 MiB and a bit: one full 16 MiB part and a short last one.
  layout = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 20 * MiB }] }],
    compression: 'none',
    seed: `chunked-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const blobFile = (digest: string) => join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length))

describe('a registry that refuses a blob whole (413)', () => {
  test('gets it again in 16 MiB PATCHes on a new session, and the image is whole', async () => {
    const repository = uniqueRepository('chunked')
    await ecrApi('CreateRepository', { repositoryName: repository })
    // The config is there already: the layer is the one blob the step uploads, so it meets the refusal.
    const config = layout.configDigests[0] as string
    expect(await uploadBlob(REGISTRY, repository, readFileSync(blobFile(config)))).toBe(config)
    const layer = layout.layerDigests[0] as string
    const size = statSync(blobFile(layer)).size
    const before = (await requestsOf(repository)).length
    await addFault({
      repository,
      kind: 'upload',
      method: 'PUT',
      action: { type: 'status', status: 413, code: 'SIZE_INVALID', message: 'too large for one request' },
      times: 1
    })

    const result = await runStep('action.yml', 'dist/deliver/index.js', {
      dockerConfig: newDockerConfig(),
      inputs: { source: dir, repository, tags: 'v1' }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['image-digest']).toBe(layout.top.digest)

    const uploads = (await requestsOf(repository))
      .slice(before)
      .filter(r => r.kind === 'upload')
      .map(r => `${r.method} ${r.status}`)
    const parts = Math.ceil(size / (16 * MiB))
    expect(parts).toBe(2)
    expect(uploads).toEqual([
      'POST 202',
      'PUT 413',
      'POST 202',
      ...Array.from({ length: parts }, () => 'PATCH 202'),
      'PUT 201'
    ])
    expect(await expectWholeRepository(`${REGISTRY}/${repository}`, ['v1'])).toEqual({
      v1: layout.top.digest
    })
  })
})
