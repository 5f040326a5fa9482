import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { EOL } from 'node:os'
import { Readable } from 'node:stream'
import type { BlobSource } from '../../src/registry/blobs.js'
import { RegistryClient } from '../../src/registry/client.js'
import { trustsRealm } from '../../src/registry/auth.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { NetworkError, RegistryError } from '../../src/registry/errors.js'
import { pushImage } from '../../src/registry/push.js'
import type { RetryEvent } from '../../src/registry/transport.js'
import { ScriptedRegistry, answer, early, type Handler } from '../helpers/scripted-registry.js'
import { registryHooks } from '../../src/common/registry-hooks.js'

const registry = new ScriptedRegistry()
const tokenService = new ScriptedRegistry()
beforeAll(async () => {
  await registry.start()
  await tokenService.start()
})
afterAll(async () => {
  await registry.stop()
  await tokenService.stop()
})
beforeEach(() => {
  registry.reset()
  tokenService.reset()
})

const MiB = 1024 * 1024
const blobOf = (bytes: Buffer): BlobSource => ({
  digest: sha256Digest(bytes),
  size: bytes.length,
  open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)])
})
const small = blobOf(Buffer.from('layer bytes'))

function client(options: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  return new RegistryClient({
    endpoint: registry.endpoint,
    basicToken: 'QVdTOnB3',
    stallTimeoutMs: 300,
    // As the actions give it (common/registry-hooks.ts): registry credentials masked.
    onSecret: registryHooks.onSecret,
    ...options,
    retry: { sleep: async () => {}, ...options.retry }
  })
}
/** Takes the request and never answers. */
const stall: Handler = early(() => {})
const count = (method: string) => registry.lines().filter(line => line.startsWith(`${method} `)).length
const unavailable = () =>
  answer(503, {}, JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'busy' }] }))

describe('stall timeout', () => {
  test('a HEAD that gets no answer is aborted and retried; the next attempt succeeds', async () => {
    registry.reset(stall, answer(200))
    const started = Date.now()
    expect(await client().blobExists('team/app', small.digest)).toBe(true)
    expect(count('HEAD')).toBe(2)
    // A hang bound, generous: the stall timeout is 300 ms; without it the HEAD would wait forever.
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 20_000)

  test('a blob PUT the registry stops answering fails within the bound, naming request, blob and attempts', async () => {
    registry.reset(
      answer(404),
      ...Array.from({ length: 3 }, (_, i) => [
        answer(202, { Location: `/v2/team/app/blobs/uploads/u${i}` }),
        stall
      ]).flat()
    )
    const failure = client({ retry: { attempts: 3 } }).pushBlob('team/app', small)
    await expect(failure).rejects.toBeInstanceOf(NetworkError)
    await expect(failure).rejects.toThrow(
      new RegExp(
        `no byte moved for 300 ms: the request was aborted \\(PUT /v2/team/app/blobs/uploads/u2, ` +
          `uploading blob ${small.digest}, after 3 attempts\\)`
      )
    )
    expect(count('PUT')).toBe(3)
  })

  test('a stall in the middle of a request body is caught too', async () => {
    const big = blobOf(Buffer.alloc(4 * MiB, 1))
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      early(req => req.once('data', () => req.pause())),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2' }),
      answer(201)
    )
    const result = await client().pushBlob('team/app', big)
    expect(result.outcome).toBe('uploaded')
    expect(count('POST')).toBe(2)
  })
})

describe('one retry layer', () => {
  test('a blob upload whose POSTs all fail makes exactly `attempts` POSTs (no nested retries)', async () => {
    registry.reset(answer(404), ...Array.from({ length: 30 }, unavailable))
    await expect(client().pushBlob('team/app', small)).rejects.toThrow(
      `UNAVAILABLE: busy (HTTP 503 from POST ${registry.endpoint}/v2/team/app/blobs/uploads/, uploading blob ${small.digest}, after 5 attempts)`
    )
    expect(count('POST')).toBe(5)
    expect(registry.lines()).toHaveLength(6)
  })

  test('an outage across every request of an upload: at most 5 sessions, each POST then PUT once', async () => {
    registry.reset(
      answer(404),
      ...Array.from({ length: 5 }, (_, i) => [
        answer(202, { Location: `/v2/team/app/blobs/uploads/u${i}` }),
        unavailable()
      ]).flat()
    )
    await expect(client().pushBlob('team/app', small)).rejects.toThrow(/after 5 attempts/)
    expect([count('POST'), count('PUT')]).toEqual([5, 5])
  })

  test('a manifest GET inside an operation is not retried on its own', async () => {
    registry.reset(...Array.from({ length: 10 }, unavailable))
    const c = client()
    await expect(
      c.retrying('outer', () => c.requireManifest('team/app', 'v1'), { policy: { attempts: 2 } })
    ).rejects.toThrow(/HTTP 503/)
    expect(count('GET')).toBe(2)
  })

  test.each([
    [120_000, 60_000],
    [2_000, 2_000]
  ])(
    'with stall timeout %i, Retry-After: 86400 is cut to %i ms, and the cut is reported',
    async (stallTimeoutMs, cap) => {
      const delays: number[] = []
      const events: RetryEvent[] = []
      registry.reset(
        answer(429, { 'Retry-After': '86400' }),
        answer(200, { 'Docker-Content-Digest': small.digest })
      )
      const c = client({
        stallTimeoutMs,
        retry: { sleep: async ms => void delays.push(ms), baseDelayMs: 1, maxDelayMs: 1 },
        onRetry: event => events.push(event)
      })
      expect(await c.resolveManifestDigest('team/app', 'v1')).toBe(small.digest)
      expect(delays).toEqual([cap])
      expect(events).toMatchObject([{ attempt: 1, delayMs: cap, retryAfterCutFromMs: 86_400_000 }])
    }
  )

  test('a connection reset on every attempt names the request, the blob and the attempts', async () => {
    const big = blobOf(Buffer.alloc(2 * MiB, 7))
    const reset = early(req => req.once('data', () => req.socket.destroy()))
    registry.reset(
      answer(404),
      ...Array.from({ length: 5 }, (_, i) => [
        answer(202, { Location: `/v2/team/app/blobs/uploads/u${i}` }),
        reset
      ]).flat()
    )
    const failure = client().pushBlob('team/app', big)
    await expect(failure).rejects.toThrow(
      new RegExp(`\\(PUT /v2/team/app/blobs/uploads/u4, uploading blob ${big.digest}, after 5 attempts\\)`)
    )
    await expect(failure).rejects.toMatchObject({ attempts: 5, blob: big.digest })
  })
})

describe('the first fatal error stops the push', () => {
  test('uploads in flight are aborted and queued ones never start', async () => {
    const blobs = [0, 1, 2, 3].map(i => blobOf(Buffer.from(`blob ${i}`)))
    // Two at a time: blob 0's PUT is refused (final), blob 1's PUT hangs; blobs 2 and 3 must never start.
    const byPath: Record<string, Handler> = {}
    registry.reset(
      ...Array.from({ length: 20 }, (): Handler => (req, res, body) => {
        const url = req.url ?? ''
        if (req.method === 'HEAD') return res.writeHead(404).end()
        if (req.method === 'POST') {
          const n = Object.keys(byPath).length
          byPath[`/u${n}`] =
            n === 0
              ? answer(400, {}, JSON.stringify({ errors: [{ code: 'DENIED', message: 'no' }] }))
              : () => {}
          return res.writeHead(202, { Location: `/v2/team/app/blobs/uploads/u${n}` }).end()
        }
        const handler = byPath[new URL(url, 'http://x').pathname.replace('/v2/team/app/blobs/uploads', '')]
        handler?.(req, res, body)
      })
    )
    const image = {
      kind: 'oci-layout' as const,
      blobs,
      children: [],
      referrers: [],
      referrerBlobs: [],
      notes: [],
      named: '',
      top: {
        digest: sha256Digest(Buffer.from('{}')),
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        bytes: Buffer.from('{}')
      },
      dispose: async () => {}
    }
    const started = Date.now()
    await expect(
      pushImage(client({ stallTimeoutMs: 30_000 }), 'team/app', image, ['v1'], {
        concurrency: 2,
        isImmutable: () => false
      })
    ).rejects.toThrow(/DENIED: no \(HTTP 400 from PUT/)
    // A hang bound, generous yet under the 30 s stall timeout: the hanging PUT was aborted, not waited out.
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(count('POST')).toBe(2)
    expect(registry.lines().filter(line => line.startsWith('PUT /v2/team/app/manifests'))).toEqual([])
  }, 45_000)
})

describe('credentials go only where they belong', () => {
  test('a Bearer realm on a stranger host is asked without the registry credentials', async () => {
    const stranger = tokenService.endpoint.replace('127.0.0.1', 'localhost')
    registry.reset(
      answer(401, {
        'WWW-Authenticate': `Bearer realm="${stranger}/token",service="reg",scope="repository:team/app:pull"`
      }),
      answer(200)
    )
    tokenService.reset(answer(200, { 'Content-Type': 'application/json' }, JSON.stringify({ token: 'anon' })))
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    let written: string[]
    try {
      expect(await client().blobExists('team/app', small.digest)).toBe(true)
    } finally {
      written = stdout.mock.calls.map(([text]) => String(text))
      stdout.mockRestore()
    }
    expect(tokenService.seen).toHaveLength(1)
    expect(tokenService.seen[0]?.headers.authorization).toBeUndefined()
    expect(registry.seen[1]?.headers.authorization).toBe('Bearer anon')
    // The token is a credential: masked before any request carries it.
    expect(written).toContain(`::add-mask::anon${EOL}`)
  })

  test.each([
    ['https://r.example/v2', 'https://r.example/token', true],
    ['https://r.example', 'http://r.example/token', false],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/token', true],
    ['https://r.example', 'https://evil.example/token', false],
    ['https://r.example', 'https://r.example.evil.example/token', false],
    ['https://registry-1.docker.io', 'https://auth.docker.io/token', true],
    ['https://r.example', 'https://user:pw@r.example/token', false]
  ])('registry %s, realm %s: credentials %s', (endpoint, realm, trusted) => {
    expect(trustsRealm(endpoint, new URL(realm))).toBe(trusted)
  })

  test('an upload Location on another host is refused, not followed with credentials', async () => {
    registry.reset(answer(404), answer(202, { Location: 'https://elsewhere.example/upload/u1' }))
    await expect(client().pushBlob('team/app', small)).rejects.toThrow(
      /Location points to another host \(elsewhere.example\)/
    )
    expect(registry.lines()).toHaveLength(2)
  })
})

describe('what a registry sends back is checked', () => {
  test('a manifest larger than 4 MiB is refused', async () => {
    registry.reset(answer(200, {}, `{"a":"${'x'.repeat(4 * MiB)}"}`))
    await expect(client().getManifest('team/app', 'v1')).rejects.toThrow(
      /larger than the 4194304 bytes allowed/
    )
  })

  test('a manifest media type outside the known set is refused, quoted on one line', async () => {
    const hostile = 'application/vnd.oci.image.manifest.v1+json\n::stop-commands::pwn'
    registry.reset(answer(200, {}, JSON.stringify({ mediaType: hostile, config: {}, layers: [] })))
    const failure = client().getManifest('team/app', 'v1')
    await expect(failure).rejects.toBeInstanceOf(RegistryError)
    await expect(failure).rejects.toThrow(
      /unsupported manifest media type "application\/vnd.oci.image.manifest.v1\+json\\n::stop-commands::pwn"/
    )
  })

  test('a manifest nested absurdly deep fails cleanly', async () => {
    registry.reset(answer(200, {}, `${'['.repeat(5000)}${']'.repeat(5000)}`))
    await expect(client().getManifest('team/app', 'v1')).rejects.toThrow(/nests deeper than 64 levels/)
  })

  test('names outside the reference grammar never reach a URL', async () => {
    await expect(client().getManifest('quay/../../v2/other', 'a')).rejects.toThrow(/not a repository name/)
    await expect(client().getManifest('team/app', '../x')).rejects.toThrow(/not a tag or digest/)
    expect(registry.seen).toHaveLength(0)
  })
})
