import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { RegistryClient } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { warmImage } from '../../src/pull-through-cache/warm.js'
import { ScriptedRegistry, answer } from '../helpers/scripted-registry.js'

const registry = new ScriptedRegistry()
beforeAll(() => registry.start())
afterAll(() => registry.stop())
beforeEach(() => registry.reset())

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { digest: 'sha256:c', size: 1, mediaType: 'x' },
    layers: []
  })
)
const notYet = () =>
  answer(
    404,
    { 'Content-Type': 'application/json' },
    JSON.stringify({
      errors: [
        { code: 'NAME_UNKNOWN', message: 'The repository with name docker-hub/library/nginx does not exist' }
      ]
    })
  )
const target = {
  input: 'docker-hub/nginx:1.27',
  repository: 'docker-hub/library/nginx',
  reference: '1.27',
  rewritten: true
}
const client = () =>
  new RegistryClient({ endpoint: registry.endpoint, basicToken: 't', retry: { attempts: 1 } })

describe('warmImage', () => {
  test('retries with backoff while ECR says "not there yet", then returns the digest', async () => {
    registry.reset(
      notYet(),
      notYet(),
      notYet(),
      answer(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, manifest.toString())
    )
    const waits: number[] = []
    let clock = 0
    const result = await warmImage(client(), target, {
      deadline: 60_000,
      cachedBefore: false,
      sleep: async ms => {
        waits.push(ms)
        clock += ms
      },
      now: () => clock
    })
    expect(result).toMatchObject({ status: 'fetched', digest: sha256Digest(manifest), attempts: 4 })
    expect(waits).toEqual([1000, 2000, 4000])
    expect(registry.lines()).toEqual(Array(4).fill('GET /v2/docker-hub/library/nginx/manifests/1.27'))
  })

  test('gives up at the deadline with the registry message', async () => {
    registry.reset(...Array.from({ length: 10 }, notYet))
    let clock = 0
    const result = await warmImage(client(), target, {
      deadline: 5_000,
      cachedBefore: false,
      sleep: async ms => {
        clock += ms
      },
      now: () => clock
    })
    expect(result.status).toBe('failed')
    expect(result.message).toContain(
      'NAME_UNKNOWN: The repository with name docker-hub/library/nginx does not exist'
    )
    expect(result.attempts).toBe(3)
  })

  test('an answer that waiting cannot fix (denied) fails at once', async () => {
    registry.reset(
      answer(403, {}, JSON.stringify({ errors: [{ code: 'DENIED', message: 'not authorized' }] }))
    )
    const result = await warmImage(client(), target, {
      deadline: Date.now() + 60_000,
      cachedBefore: false,
      sleep: async () => {}
    })
    expect(result).toMatchObject({
      status: 'failed',
      attempts: 1,
      message: expect.stringContaining('DENIED: not authorized')
    })
  })

  test('an index warms its platform children too', async () => {
    const child = sha256Digest(manifest)
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ digest: child, size: manifest.length, mediaType: 'x' }]
    })
    registry.reset(answer(200, {}, index), answer(200, {}, manifest.toString()))
    const result = await warmImage(client(), target, { deadline: Date.now() + 1000, cachedBefore: true })
    expect(result).toMatchObject({ status: 'cached', children: [child] })
    expect(registry.lines()[1]).toBe(`GET /v2/docker-hub/library/nginx/manifests/${child}`)
  })
})
