import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { ScriptedRegistry, answer } from '../helpers/scripted-registry.js'
import { RegistryClient } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { RegistryError, isRetryableRegistryFailure, parseRetryAfter } from '../../src/registry/errors.js'
import { ACCEPT_ALL_MANIFESTS, MediaType } from '../../src/registry/media-types.js'

const registry = new ScriptedRegistry()
let endpoint: string
const seen = registry.seen

beforeAll(async () => {
  await registry.start()
  endpoint = registry.endpoint
})
afterAll(() => registry.stop())
beforeEach(() => registry.reset())

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'c'.repeat(64)}`,
      size: 10
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: `sha256:${'d'.repeat(64)}`,
        size: 90
      }
    ]
  })
)
const digest = sha256Digest(manifest)
const client = () =>
  new RegistryClient({ endpoint, basicToken: 'QVdTOnB3', retry: { sleep: async () => {} } })
const errorBody = (code: string, message: string) => JSON.stringify({ errors: [{ code, message }] })

describe('RegistryClient', () => {
  test('HEAD reads Docker-Content-Digest with Basic auth and every manifest type accepted', async () => {
    registry.reset((_req, res) => res.writeHead(200, { 'Docker-Content-Digest': digest }).end())
    expect(await client().resolveManifestDigest('team/app', 'v1')).toBe(digest)
    expect(seen[0]).toMatchObject({ method: 'HEAD', url: '/v2/team/app/manifests/v1' })
    expect(seen[0]?.headers.authorization).toBe('Basic QVdTOnB3')
    expect(seen[0]?.headers.accept).toBe(ACCEPT_ALL_MANIFESTS)
  })

  test('HEAD 404 is "absent", not an error', async () => {
    registry.reset((_req, res) => res.writeHead(404).end())
    expect(await client().resolveManifestDigest('team/app', 'nope')).toBeUndefined()
  })

  test('without Docker-Content-Digest the digest is computed from the bytes', async () => {
    registry.reset(
      (_req, res) => res.writeHead(200).end(),
      (_req, res) => res.writeHead(200, { 'Content-Type': MediaType.ociManifest }).end(manifest)
    )
    expect(await client().resolveManifestDigest('team/app', 'v1')).toBe(digest)
  })

  test('GET returns the exact bytes and their digest', async () => {
    registry.reset((_req, res) => res.writeHead(200, { 'Content-Type': MediaType.ociManifest }).end(manifest))
    const stored = await client().getManifest('team/app', 'v1')
    expect(stored?.digest).toBe(digest)
    expect(stored?.mediaType).toBe(MediaType.ociManifest)
    expect(stored?.bytes.equals(manifest)).toBe(true)
  })

  test('GET by digest refuses bytes that hash to something else', async () => {
    registry.reset((_req, res) => res.writeHead(200).end(manifest))
    await expect(client().getManifest('team/app', `sha256:${'0'.repeat(64)}`)).rejects.toThrow(
      /DIGEST_INVALID/
    )
  })

  test('PUT sends the media type and checks the digest the registry returns', async () => {
    registry.reset(
      (req, res, body) => {
        expect(req.headers['content-type']).toBe(MediaType.ociManifest)
        expect(body.equals(manifest)).toBe(true)
        res.writeHead(201, { 'Docker-Content-Digest': digest }).end()
      },
      (_req, res) => res.writeHead(201, { 'Docker-Content-Digest': `sha256:${'e'.repeat(64)}` }).end()
    )
    expect(await client().putManifest('team/app', 'v1', manifest, MediaType.ociManifest)).toBe(digest)
    await expect(client().putManifest('team/app', 'v2', manifest, MediaType.ociManifest)).rejects.toThrow(
      /stored the manifest as sha256:e+, but the bytes sent hash to/
    )
  })

  test('429 and 5xx are retried, honouring Retry-After; then the answer comes', async () => {
    const delays: number[] = []
    const retrying = new RegistryClient({
      endpoint,
      basicToken: 't',
      retry: { sleep: async ms => void delays.push(ms), baseDelayMs: 1, maxDelayMs: 1 }
    })
    registry.reset(
      (_req, res) =>
        res.writeHead(429, { 'Retry-After': '2' }).end(errorBody('TOOMANYREQUESTS', 'slow down')),
      (_req, res) => res.writeHead(503).end(),
      (_req, res) => res.writeHead(200, { 'Docker-Content-Digest': digest }).end()
    )
    expect(await retrying.resolveManifestDigest('team/app', 'v1')).toBe(digest)
    expect(delays[0]).toBe(2000)
    expect(seen).toHaveLength(3)
  })

  test('retries are bounded; the last error names the registry code', async () => {
    const bounded = new RegistryClient({
      endpoint,
      basicToken: 't',
      retry: { attempts: 3, sleep: async () => {} }
    })
    registry.reset(...Array.from({ length: 3 }, () => answer(503, {}, errorBody('UNAVAILABLE', 'try later'))))
    await expect(bounded.getManifest('team/app', 'v1')).rejects.toThrow('UNAVAILABLE: try later (HTTP 503')
    expect(seen).toHaveLength(3)
  })

  test('401 and other 4xx are final, with the registry message', async () => {
    registry.reset((_req, res) =>
      res.writeHead(401).end(errorBody('DENIED', 'Your authorization token has expired'))
    )
    await expect(client().getManifest('team/app', 'v1')).rejects.toThrow(
      'DENIED: Your authorization token has expired (HTTP 401'
    )
    expect(seen).toHaveLength(1)
  })
})

describe('registry errors', () => {
  test.each([
    [new RegistryError(429, undefined, '', 'u'), true],
    [new RegistryError(408, undefined, '', 'u'), true],
    [new RegistryError(502, undefined, '', 'u'), true],
    [new RegistryError(404, 'MANIFEST_UNKNOWN', '', 'u'), false],
    [new RegistryError(401, 'DENIED', '', 'u'), false],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), true],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), false],
    [new Error('other'), false]
  ])('retryable %#', (error, expected) => expect(isRetryableRegistryFailure(error)).toBe(expected))

  test.each([
    ['3', 3000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10000],
    ['soon', undefined],
    [null, undefined]
  ])('Retry-After %j', (value, expected) => {
    expect(parseRetryAfter(value, Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(expected)
  })

  test('upload URLs lose their query in messages (they can carry signatures)', () => {
    expect(
      new RegistryError(500, undefined, 'x', 'https://r/v2/a/blobs/uploads/u?_state=secret').message
    ).toBe('x (HTTP 500 from GET https://r/v2/a/blobs/uploads/u)')
  })
})
