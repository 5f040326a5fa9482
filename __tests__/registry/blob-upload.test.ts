import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { Readable } from 'node:stream'
import { CHUNK_SIZE, type BlobSource } from '../../src/registry/blobs.js'
import { RegistryClient } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { BlobVerificationError } from '../../src/registry/errors.js'
import { ScriptedRegistry, answer, early } from '../helpers/scripted-registry.js'

const registry = new ScriptedRegistry()
beforeAll(() => registry.start())
afterAll(() => registry.stop())

const MiB = 1024 * 1024

function blobOf(bytes: Buffer, digest = sha256Digest(bytes)): BlobSource {
  return {
    digest,
    size: bytes.length,
    open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)])
  }
}

function client(options: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  return new RegistryClient({
    endpoint: registry.endpoint,
    basicToken: 'QVdTOnB3',
    retry: { sleep: async () => {}, ...options.retry },
    ...options
  })
}

const small = blobOf(Buffer.from('layer bytes'))
const query = (digest: string) => `digest=${encodeURIComponent(digest)}`

describe('pushBlob', () => {
  test('present: one HEAD, nothing sent', async () => {
    registry.reset(answer(200))
    const result = await client().pushBlob('team/app', small)
    expect(result).toEqual({ digest: small.digest, size: small.size, outcome: 'present', bytesSent: 0 })
    expect(registry.lines()).toEqual([`HEAD /v2/team/app/blobs/${small.digest}`])
  })

  test('monolithic: POST, then one PUT to the relative Location with its query kept and the digest added', async () => {
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1?_state=abc' }),
      answer(201, { 'Docker-Content-Digest': small.digest })
    )
    const result = await client().pushBlob('team/app', small)
    expect(result).toMatchObject({ outcome: 'uploaded', bytesSent: small.size })
    expect(registry.lines()).toEqual([
      `HEAD /v2/team/app/blobs/${small.digest}`,
      'POST /v2/team/app/blobs/uploads/',
      `PUT /v2/team/app/blobs/uploads/u1?_state=abc&${query(small.digest)}`
    ])
    const put = registry.seen[2]
    expect(put?.headers['content-length']).toBe(String(small.size))
    expect(put?.headers.authorization).toBe('Basic QVdTOnB3')
    expect(put?.body.toString()).toBe('layer bytes')
  })

  test('an absolute Location is used as given', async () => {
    registry.reset(
      answer(404),
      answer(202, { Location: `${registry.endpoint}/elsewhere/u2?sig=x` }),
      answer(201)
    )
    await client().pushBlob('team/app', small)
    expect(registry.lines()[2]).toBe(`PUT /elsewhere/u2?sig=x&${query(small.digest)}`)
  })

  test('a 500 on the PUT restarts the upload with a new session', async () => {
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      answer(500),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2' }),
      answer(201)
    )
    const result = await client().pushBlob('team/app', small)
    expect(result.bytesSent).toBe(2 * small.size)
    expect(registry.lines().slice(1)).toEqual([
      'POST /v2/team/app/blobs/uploads/',
      `PUT /v2/team/app/blobs/uploads/u1?${query(small.digest)}`,
      'POST /v2/team/app/blobs/uploads/',
      `PUT /v2/team/app/blobs/uploads/u2?${query(small.digest)}`
    ])
  })

  test('429 with Retry-After on the POST waits as asked', async () => {
    const delays: number[] = []
    registry.reset(
      answer(404),
      answer(429, { 'Retry-After': '3' }),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      answer(201)
    )
    await client({
      retry: { sleep: async ms => void delays.push(ms), baseDelayMs: 1, maxDelayMs: 1 }
    }).pushBlob('team/app', small)
    expect(delays).toEqual([3000])
  })

  test('a connection reset mid-body is retried with a new session', async () => {
    const big = blobOf(Buffer.alloc(2 * MiB, 7))
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      early(req => {
        // Read a little of the body, then cut the connection.
        req.once('data', () => req.socket.destroy())
      }),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2' }),
      answer(201)
    )
    const result = await client().pushBlob('team/app', big)
    expect(result.outcome).toBe('uploaded')
    expect(registry.lines().filter(line => line.startsWith('POST'))).toHaveLength(2)
    expect(registry.seen.at(-1)?.body.length).toBe(2 * MiB)
  })

  test('retries are bounded: the upload gives up with the registry error', async () => {
    registry.reset(
      answer(404),
      ...Array.from({ length: 3 }, (_, i) => [
        answer(202, { Location: `/v2/team/app/blobs/uploads/u${i}` }),
        answer(503, {}, JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'busy' }] }))
      ]).flat()
    )
    await expect(client({ retry: { attempts: 3 } }).pushBlob('team/app', small)).rejects.toThrow(
      'UNAVAILABLE: busy (HTTP 503'
    )
    expect(registry.lines().filter(line => line.startsWith('PUT'))).toHaveLength(3)
  })

  test('local bytes that do not match the digest fail without retry, naming the blob', async () => {
    const corrupt = blobOf(Buffer.from('tampered'), small.digest)
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      answer(
        400,
        {},
        JSON.stringify({ errors: [{ code: 'DIGEST_INVALID', message: 'digest did not match' }] })
      )
    )
    const failure = client().pushBlob('team/app', { ...corrupt, size: 8 })
    await expect(failure).rejects.toBeInstanceOf(BlobVerificationError)
    await expect(failure).rejects.toThrow(`blob ${small.digest} (8 bytes) is corrupt`)
    await registry.arrived(3)
    expect(registry.lines().filter(line => line.startsWith('POST'))).toHaveLength(1)
  })

  test('refused whole (413), a blob goes up in CHUNK_SIZE parts: 201 on PATCH accepted, the offset tracked locally', async () => {
    // Two full parts and a short last one, reached as production reaches them: the monolithic PUT refused.
    const size = 2 * CHUNK_SIZE + 2 * MiB
    const bytes = Buffer.alloc(size)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251
    const blob = blobOf(bytes)
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      answer(413),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2?_state=s0' }),
      // ECR answers 201 and a Range that does not advance.
      answer(201, { Location: '/v2/team/app/blobs/uploads/u2?_state=s1', Range: '0-0' }),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2?_state=s2', Range: '0-0' }),
      answer(201, { Location: '/v2/team/app/blobs/uploads/u2?_state=s3', Range: '0-0' }),
      answer(201, { 'Docker-Content-Digest': blob.digest })
    )
    const result = await client().pushBlob('team/app', blob)
    // The refused whole and then the parts: every byte went twice.
    expect(result).toMatchObject({ outcome: 'uploaded', bytesSent: 2 * size })
    expect(registry.lines().slice(0, 4)).toEqual([
      `HEAD /v2/team/app/blobs/${blob.digest}`,
      'POST /v2/team/app/blobs/uploads/',
      `PUT /v2/team/app/blobs/uploads/u1?${query(blob.digest)}`,
      'POST /v2/team/app/blobs/uploads/'
    ])
    const patches = registry.seen.filter(r => r.method === 'PATCH')
    expect(patches.map(p => p.headers['content-range'])).toEqual([
      `0-${CHUNK_SIZE - 1}`,
      `${CHUNK_SIZE}-${2 * CHUNK_SIZE - 1}`,
      `${2 * CHUNK_SIZE}-${size - 1}`
    ])
    expect(patches.map(p => p.url)).toEqual([
      '/v2/team/app/blobs/uploads/u2?_state=s0',
      '/v2/team/app/blobs/uploads/u2?_state=s1',
      '/v2/team/app/blobs/uploads/u2?_state=s2'
    ])
    expect(Buffer.concat(patches.map(p => p.body)).equals(bytes)).toBe(true)
    expect(registry.lines().at(-1)).toBe(`PUT /v2/team/app/blobs/uploads/u2?_state=s3&${query(blob.digest)}`)
  })

  test('a registry that refuses the monolithic PUT (413) gets the blob in chunks', async () => {
    registry.reset(
      answer(404),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u1' }),
      answer(413),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2' }),
      answer(202, { Location: '/v2/team/app/blobs/uploads/u2' }),
      answer(201)
    )
    const result = await client().pushBlob('team/app', small)
    expect(result.outcome).toBe('uploaded')
    expect(registry.lines().slice(3)).toEqual([
      'POST /v2/team/app/blobs/uploads/',
      'PATCH /v2/team/app/blobs/uploads/u2',
      `PUT /v2/team/app/blobs/uploads/u2?${query(small.digest)}`
    ])
  })

  test('mount: 201 means mounted, nothing sent', async () => {
    registry.reset(answer(404), answer(201, { Location: `/v2/team/app/blobs/${small.digest}` }))
    const result = await client().pushBlob('team/app', small, { mountFrom: 'team/base' })
    expect(result).toMatchObject({ outcome: 'mounted', bytesSent: 0 })
    expect(registry.lines()[1]).toBe(
      `POST /v2/team/app/blobs/uploads/?mount=${encodeURIComponent(small.digest)}&from=team%2Fbase`
    )
  })

  test('mount refused with 202: the session it opened is used for the upload', async () => {
    registry.reset(answer(404), answer(202, { Location: '/v2/team/app/blobs/uploads/m1' }), answer(201))
    const result = await client().pushBlob('team/app', small, { mountFrom: 'team/base' })
    expect(result.outcome).toBe('uploaded')
    expect(registry.lines()).toHaveLength(3)
    expect(registry.lines()[2]).toBe(`PUT /v2/team/app/blobs/uploads/m1?${query(small.digest)}`)
  })
})

describe('authentication', () => {
  test('a Bearer challenge is answered with a token fetched with the same credentials', async () => {
    registry.reset(
      answer(401, {
        'WWW-Authenticate': `Bearer realm="${registry.endpoint}/token",service="reg",scope="repository:team/app:pull"`
      }),
      answer(200, { 'Content-Type': 'application/json' }, JSON.stringify({ token: 'tok' })),
      answer(200)
    )
    expect(await client().blobExists('team/app', small.digest)).toBe(true)
    expect(registry.lines()[1]).toBe('GET /token?service=reg&scope=repository%3Ateam%2Fapp%3Apull')
    expect(registry.seen[1]?.headers.authorization).toBe('Basic QVdTOnB3')
    expect(registry.seen[2]?.headers.authorization).toBe('Bearer tok')
  })
})
