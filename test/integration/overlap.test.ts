/**
 * What the deliver step does at once (issue 26), ordered through the front's held requests, never by
 * time: the push's tag reads while the repository is being created (nothing written before it exists),
 * docker login beside the push (done before the step ends, logged out by the post step), and an unchanged
 * re-run reading one manifest per tag and compressing nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDockerSaveArchive } from '../fixtures/images.js'
import {
  REGISTRY,
  clearFaults,
  holdNext,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoDigest,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const post = (options: StepOptions) => runStep('action.yml', 'dist/deliver/post.js', options)
const work = mkdtempSync(join(tmpdir(), 'overlap-it-'))
const archive = join(work, 'save.tar')

beforeAll(async () => {
  await writeDockerSaveArchive(archive, {
    layers: [{ size: 2_000_000, compressible: true }, { size: 1_000_000 }],
    seed: `overlap-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const loggedInTo = (dockerConfig: string) => {
  const file = join(dockerConfig, 'config.json')
  if (!existsSync(file)) return []
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { auths?: object }).auths ?? {})
}

describe('the deliver step overlaps what needs no registry write', () => {
  test('the tags are read while the repository is created; nothing is written to it before it exists', async () => {
    const repository = uniqueRepository('overlap')
    const creating = await holdNext({ repository, kind: 'api:CreateRepository' })
    const running = deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: archive, repository, tags: 'v1' }
    })
    try {
      await creating.reached()
      // CreateRepository is held: the tag has been read already (404: no repository yet), nothing more.
      const meanwhile = await requestsOf(repository)
      expect(meanwhile.map(r => `${r.method} ${r.kind}`)).toEqual(['GET manifest'])
    } finally {
      await creating.release()
    }
    const result = await running
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(result.outputs['image-digest'])
    await clearFaults(repository)
  })

  test('docker login runs beside the push, is done when the step ends, and the post step logs out', async () => {
    const repository = uniqueRepository('overlap')
    const dockerConfig = newDockerConfig()
    // The push's last write is held: by then docker login has run beside the uploads.
    const tagging = await holdNext({ repository, kind: 'manifest', method: 'PUT' })
    const running = deliver({ dockerConfig, inputs: { source: archive, repository, tags: 'v1' } })
    try {
      await tagging.reached()
      expect(loggedInTo(dockerConfig)).toEqual([REGISTRY])
    } finally {
      await tagging.release()
    }
    const result = await running
    expect(result.exitCode).toBe(0)
    // Its lines come last, in a group of their own: they never land inside the push's group.
    const groups = result.stdout.split('\n').filter(line => line.startsWith('::group::'))
    expect(groups.at(-1)).toBe(`::group::docker login ${REGISTRY}`)
    expect(result.stdout).toMatch(/::group::docker login [^\n]+\n\[command\]docker login[^\n]+\n/)
    expect(JSON.parse(result.state.registries ?? '[]')).toEqual([REGISTRY])
    const logout = await post({ dockerConfig, state: result.state })
    expect(logout.exitCode).toBe(0)
    expect(loggedInTo(dockerConfig)).toEqual([])
    await clearFaults(repository)
  })

  test('an unchanged re-run: one manifest read per tag, nothing compressed, nothing uploaded', async () => {
    const repository = uniqueRepository('overlap')
    const first = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: archive, repository, tags: 'v1,v2' }
    })
    expect(first.exitCode).toBe(0)
    const before = (await requestsOf(repository)).length
    const again = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: archive, repository, tags: 'v1,v2' }
    })
    expect(again.exitCode).toBe(0)
    const requests = (await requestsOf(repository)).slice(before)
    expect(requests.filter(r => r.kind === 'manifest').map(r => r.method)).toEqual(['GET', 'GET'])
    expect(requests.filter(r => r.kind !== 'manifest').map(r => `${r.method} ${r.kind}`)).toEqual([
      'HEAD blob',
      'HEAD blob',
      'HEAD blob'
    ])
    expect(again.stdout).toContain('2 layers: 0 compressed and uploaded, 2 the registry has')
  })
})
