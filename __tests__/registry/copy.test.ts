import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { RegistryClient } from '../../src/registry/client.js'
import { copyImage } from '../../src/registry/copy.js'
import { pushImage } from '../../src/registry/push.js'
import { openImageSource } from '../../src/registry/sources/index.js'
import { writeOciLayout, type OciLayoutResult } from '../../test/fixtures/images.js'
import { MemoryRegistry } from '../helpers/memory-registry.js'

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const work = mkdtempSync(join(tmpdir(), 'copy-'))
// Upload bodies in flight across both destinations: the shared limit must hold for all of them.
const gauge = { now: 0, max: 0 }
const main = new MemoryRegistry()
const destinations = [new MemoryRegistry(gauge), new MemoryRegistry(gauge)]

/** Stands in for S3 behind ECR's blob redirects: serves main's blobs, records each request's headers. */
const storage = { requests: [] as IncomingHttpHeaders[], corrupt: new Set<string>() }
let storageServer: Server
let layout: OciLayoutResult

const client = (registry: MemoryRegistry) =>
  new RegistryClient({
    endpoint: registry.endpoint,
    basicToken: 'QVdTOnB3',
    retry: { sleep: async () => {} }
  })

beforeAll(async () => {
  storageServer = createServer((req, res) => {
    storage.requests.push(req.headers)
    const digest = /\/(sha256:[a-f0-9]{64})/.exec(req.url ?? '')?.[1] ?? ''
    const bytes = Buffer.from(main.blobs.get(digest) ?? Buffer.alloc(0))
    if (storage.corrupt.has(digest)) bytes[0] = (bytes[0] ?? 0) ^ 0xff
    res.writeHead(200, { 'Content-Length': String(bytes.length) }).end(bytes)
  })
  await new Promise<void>(resolve => storageServer.listen(0, '127.0.0.1', resolve))
  await Promise.all([main, ...destinations].map(registry => registry.start()))
  main.blobRedirect = `http://127.0.0.1:${(storageServer.address() as AddressInfo).port}/bucket`
  const dir = join(work, 'layout')
  layout = await writeOciLayout(dir, {
    platforms: [
      {
        os: 'linux',
        architecture: 'amd64',
        layers: [{ size: 2_000_000 }, { size: 1_500_000 }, { size: 1000 }]
      },
      { os: 'linux', architecture: 'arm64', layers: [{ size: 2_000_000 }, { size: 1_200_000 }] }
    ],
    seed: 'copy'
  })
  const image = await openImageSource(dir, { gzipLevel: 1 })
  await pushImage(client(main), 'team/app', image, ['v1'], { concurrency: 4, isImmutable: () => false })
})

afterAll(async () => {
  storageServer.closeAllConnections()
  await new Promise<void>(resolve => storageServer.close(() => resolve()))
  await Promise.all([main, ...destinations].map(registry => registry.stop()))
  rmSync(work, { recursive: true, force: true })
})

beforeEach(() => {
  for (const registry of destinations) {
    for (const store of [registry.blobs, registry.manifests, registry.tags, registry.immutable]) store.clear()
    registry.log.length = 0
  }
  main.log.length = 0
  storage.requests.length = 0
  storage.corrupt.clear()
  gauge.max = 0
})

const copyTo = (destination: MemoryRegistry, limit = pLimit(2), immutable = false) =>
  copyImage(
    { registry: client(main), repository: 'team/app' },
    { registry: client(destination), repository: 'prod/app' },
    layout.top.digest,
    ['v1', 'latest'],
    { limit, isImmutable: () => immutable }
  )

describe('copying an image registry to registry', () => {
  test('to two registries at once: the same digest, every blob whole, the shared limit held', async () => {
    const limit = pLimit(2)
    const results = await Promise.all(destinations.map(destination => copyTo(destination, limit)))
    for (const [n, destination] of destinations.entries()) {
      expect(results[n]?.digest).toBe(layout.top.digest)
      expect(destination.tags.get('v1')).toBe(layout.top.digest)
      expect(destination.tags.get('latest')).toBe(layout.top.digest)
      // The index and both platform manifests, byte for byte.
      for (const digest of [layout.top.digest, ...layout.manifestDigests])
        expect(
          destination.manifests.get(digest)?.bytes.equals(main.manifests.get(digest)?.bytes as Buffer)
        ).toBe(true)
      for (const [digest, bytes] of destination.blobs) expect(sha256(bytes)).toBe(digest)
      expect(destination.blobs.size).toBe(main.blobs.size)
    }
    expect(results[0]?.platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(gauge.max).toBeLessThanOrEqual(2)
    expect(gauge.max).toBeGreaterThan(0)
  })

  test('a layout pushed from its files into two registries at once holds the one limit too', async () => {
    const limit = pLimit(2)
    const image = await openImageSource(join(work, 'layout'), { gzipLevel: 1 })
    const results = await Promise.all(
      destinations.map(destination =>
        pushImage(client(destination), 'prod/app', image, ['v1'], {
          concurrency: 5,
          limit,
          isImmutable: () => false
        })
      )
    )
    expect(results.map(r => r.digest)).toEqual([layout.top.digest, layout.top.digest])
    expect(gauge.max).toBeLessThanOrEqual(2)
    expect(gauge.max).toBeGreaterThan(0)
  })

  test('a byte range from a source that ignores Range: only the bytes asked for', async () => {
    const [digest, bytes] = [...main.blobs].find(([, b]) => b.length > 100_000) as [string, Buffer]
    const source = client(main).remoteBlob('team/app', { digest, size: bytes.length })
    const chunks: Buffer[] = []
    for await (const chunk of (source.chunks as NonNullable<typeof source.chunks>)(70_000, 90_009))
      chunks.push(chunk)
    expect(Buffer.concat(chunks).equals(bytes.subarray(70_000, 90_010))).toBe(true)
  })

  test('blob GETs follow the redirect, and no credentials go to the storage host', async () => {
    await copyTo(destinations[0] as MemoryRegistry)
    expect(storage.requests.length).toBe(main.blobs.size)
    expect(storage.requests.every(headers => headers.authorization === undefined)).toBe(true)
    // Each blob read once from the source for the one destination that lacked it.
    const gets = main.log.filter(line => line.startsWith('GET blobs/'))
    expect(new Set(gets).size).toBe(gets.length)
  })

  test('again, unchanged: one manifest HEAD per tag in the destination, nothing else', async () => {
    const destination = destinations[0] as MemoryRegistry
    await copyTo(destination)
    destination.log.length = 0
    const again = await copyTo(destination)
    expect(destination.log.sort()).toEqual(['HEAD manifests/latest', 'HEAD manifests/v1'])
    expect(again.tags.map(t => t.outcome)).toEqual(['unchanged', 'unchanged'])
  })

  test('blobs the destination has are not read from the source', async () => {
    const destination = destinations[0] as MemoryRegistry
    for (const [digest, bytes] of main.blobs) destination.blobs.set(digest, bytes)
    await copyTo(destination)
    expect(storage.requests).toEqual([])
  })

  test('an immutable tag holding another image: refused before anything is written', async () => {
    const destination = destinations[0] as MemoryRegistry
    destination.seed(
      'v1',
      [],
      Buffer.from('{"schemaVersion":2,"manifests":[]}'),
      'application/vnd.oci.image.index.v1+json'
    )
    await expect(copyTo(destination, pLimit(2), true)).rejects.toThrow(/Immutable tag would change: tag "v1"/)
    expect(destination.log.filter(line => !line.startsWith('HEAD manifests/'))).toEqual([])
  })

  test('a blob whose bytes change on the way is never committed, and no tag is written', async () => {
    const destination = destinations[0] as MemoryRegistry
    const layer = layout.layerDigests[0] as string
    storage.corrupt.add(layer)
    await expect(copyTo(destination)).rejects.toThrow(new RegExp(layer.slice(7, 19)))
    await destination.idle()
    expect(destination.blobs.has(layer)).toBe(false)
    expect(destination.tags.size).toBe(0)
  })
})
