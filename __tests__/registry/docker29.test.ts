import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { RegistryClient } from '../../src/registry/client.js'
import { copyImage } from '../../src/registry/copy.js'
import { pushImage } from '../../src/registry/push.js'
import { listReferrers, tagSchemaTag } from '../../src/registry/referrers.js'
import { openImageSource } from '../../src/registry/sources/index.js'
import { selectPlatform } from '../../src/registry/sources/platform.js'
import type { LayoutImageSource, LocalImageSource } from '../../src/registry/sources/types.js'
import { tarDirectory } from '../../test/fixtures/images.js'
import {
  writeDocker29Save,
  writeLayoutWithSignature,
  type Docker29Archive,
  type Docker29Shape
} from '../../test/fixtures/docker29.js'
import { MemoryRegistry } from '../helpers/memory-registry.js'

/**
 * Docker 29 archives (containerd image store), BuildKit's OCI-artifact attestations and cosign 3's referrers:
 * delivered as saved (the digest docker shows locally), every platform and referrer, referrers after their
 * subject, through the referrers API or the tag schema; a classic archive takes manifest.json's path.
 */
const work = mkdtempSync(join(tmpdir(), 'docker29-'))
const archives = {} as Record<Docker29Shape, { path: string; made: Docker29Archive }>
const registry = new MemoryRegistry()
const other = new MemoryRegistry()
const options = { gzipLevel: 1 }
const client = (r: MemoryRegistry) =>
  new RegistryClient({ endpoint: r.endpoint, basicToken: 'QVdTOnB3', retry: { sleep: async () => {} } })
const push = (image: LocalImageSource, referrers: 'push' | 'skip' = 'push') =>
  pushImage(client(registry), 'team/app', image, ['v1'], {
    concurrency: 2,
    isImmutable: () => false,
    referrers
  })

beforeAll(async () => {
  await Promise.all([registry.start(), other.start()])
  for (const shape of ['single', 'multi-attested', 'partial', 'with-referrers', 'classic'] as const) {
    const path = join(work, `${shape}.tar`)
    archives[shape] = { path, made: await writeDocker29Save(path, shape, { seed: shape }) }
  }
})
afterAll(async () => {
  await Promise.all([registry.stop(), other.stop()])
  rmSync(work, { recursive: true, force: true })
})
beforeEach(() => {
  for (const r of [registry, other]) {
    for (const store of [r.blobs, r.manifests, r.tags]) store.clear()
    r.log.length = 0
    r.referrersApi = false
    r.refuseReferrers = false
  }
})

const open = (shape: Docker29Shape, platform?: { os: string; architecture: string }) =>
  openImageSource(archives[shape].path, { ...options, platform })

describe('reading docker save archives', () => {
  test('containerd store, one platform: the manifest index.json names, as saved', async () => {
    const image = (await open('single')) as LayoutImageSource
    expect(image.kind).toBe('oci-archive')
    expect(image.top.digest).toBe(archives.single.made.named)
    expect(image.notes.join('\n')).toMatch(/containerd image store: delivered as saved/)
  })

  test('containerd store, two platforms with attestations: the index whole, attestations as its children', async () => {
    const { made } = archives['multi-attested']
    const image = (await open('multi-attested')) as LayoutImageSource
    expect(image.top.digest).toBe(made.named)
    expect(image.children.filter(c => c.platform !== 'unknown/unknown').map(c => c.digest)).toEqual([
      made.platforms['linux/amd64'],
      made.platforms['linux/arm64']
    ])
    const attested = Object.fromEntries(image.children.filter(c => c.subject).map(c => [c.digest, c.subject]))
    expect(attested).toEqual(made.referrers)
  })

  test('a partial index (pulled on amd64): the platform that is whole, unchanged, its attestation and signature after it', async () => {
    const { made } = archives.partial
    const image = (await open('partial')) as LayoutImageSource
    expect(image.top.digest).toBe(made.delivered)
    expect(image.children).toEqual([])
    // Each referrer after its subject: the attestation (of amd64), then its signature.
    expect(image.referrers.map(r => [r.digest, r.subject])).toEqual(Object.entries(made.referrers))
    expect(image.notes.join('\n')).toMatch(/only linux\/amd64's blobs are all here/)
  })

  test('a partial index asked for a platform it lacks: the error names what is missing and what is whole', async () => {
    await expect(open('partial', { os: 'linux', architecture: 'arm64' })).rejects.toThrow(
      /the blobs of "linux\/arm64" are missing, and "linux\/amd64" is whole/
    )
  })

  test('referrers index.json lists (io.containerd.manifest.subject) are referrers, not images', async () => {
    const { made } = archives['with-referrers']
    const image = (await open('with-referrers')) as LayoutImageSource
    expect(image.top.digest).toBe(made.named)
    expect(image.referrers.map(r => [r.digest, r.subject])).toEqual(Object.entries(made.referrers))
    expect(image.referrerBlobs.length).toBe(2) // the empty config and the bundle
  })

  test('classic store (uncompressed layers): manifest.json, compressed, and the log says why the digest differs', async () => {
    const image = await open('classic')
    expect(image.kind).toBe('docker-archive')
    expect(image.notes.join('\n')).toMatch(
      /layers are uncompressed .* so the digest delivered is not the one docker shows locally/
    )
  })

  test('platform picks from a containerd archive as from a layout, keeping that platform attestation', async () => {
    const { made } = archives['multi-attested']
    const arm = { os: 'linux', architecture: 'arm64' }
    const image = (await selectPlatform(await open('multi-attested'), arm, 'x')) as LayoutImageSource
    expect(image.top.digest).toBe(made.platforms['linux/arm64'])
    expect(image.referrers.map(r => r.subject)).toEqual([made.platforms['linux/arm64']])
  })

  test('a hostile index.json (an entry naming a path) falls back to manifest.json, confined as before', async () => {
    const dir = join(work, 'hostile')
    mkdirSync(dir)
    execFileSync('tar', ['-xf', archives.single.path, '-C', dir])
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[]
    }
    ;(index.manifests[0] as { digest: string }).digest = 'sha256:../../../etc/passwd'
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
    await tarDirectory(dir, join(work, 'hostile.tar'))
    const image = await openImageSource(join(work, 'hostile.tar'), options)
    expect(image.kind).toBe('docker-archive')
    expect(image.notes[0]).toMatch(/index.json cannot be delivered as is \(.*unsupported digest/)
  })

  test('an OCI layout listing a cosign signature beside the image: the signature is its referrer', async () => {
    const dir = join(work, 'signed-layout')
    const { image, signature } = await writeLayoutWithSignature(dir)
    const read = (await openImageSource(dir, options)) as LayoutImageSource
    expect(read.top.digest).toBe(image)
    expect(read.referrers.map(r => [r.digest, r.subject])).toEqual([[signature, image]])
  })
})

describe('pushing referrers', () => {
  test('without a referrers API: after their subject, listed in the tag schema, read back; a re-run sends nothing', async () => {
    const { made } = archives.partial
    const result = await push(await open('partial'))
    expect(result.digest).toBe(made.delivered)
    expect(result.referrers.map(r => [r.digest, r.subject])).toEqual(Object.entries(made.referrers))
    // Subject first: the platform manifest is put before its attestation, the attestation before its signature.
    const puts = registry.log.filter(line => line.startsWith('PUT manifests/'))
    const at = (digest: string) => puts.findIndex(line => line.includes(digest))
    const [attestation, signature] = Object.keys(made.referrers) as [string, string]
    expect(at(made.delivered)).toBeLessThan(at(attestation))
    expect(at(attestation)).toBeLessThan(at(signature))
    expect(registry.tags.get(tagSchemaTag(made.delivered))).toBeDefined()
    expect(registry.tags.get(tagSchemaTag(attestation))).toBeDefined()
    expect(await listReferrers(client(registry), 'team/app', attestation)).toEqual([
      expect.objectContaining({
        digest: signature,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json'
      })
    ])

    registry.log.length = 0
    const again = await push(await open('partial'))
    expect(again.tags).toEqual([{ tag: 'v1', outcome: 'unchanged' }])
    expect(registry.log.filter(line => /^(PUT|POST|PATCH)/.test(line))).toEqual([])
  })

  test('with the referrers API (as ECR): OCI-Subject answered, no tag schema written', async () => {
    registry.referrersApi = true
    const { made } = archives['with-referrers']
    const result = await push(await open('with-referrers'))
    expect(result.referrers).toHaveLength(1)
    expect([...registry.tags.keys()]).toEqual(['v1'])
    expect(registry.log).toContain(`GET referrers/${made.named}`)
  })

  test('a referrer the registry refuses (405, as ECR has): fails naming it and the way out', async () => {
    registry.refuseReferrers = true
    const [signature] = Object.keys(archives['with-referrers'].made.referrers) as [string]
    await expect(push(await open('with-referrers'))).rejects.toThrow(
      new RegExp(`refused the referrer ${signature} .*referrers: skip`)
    )
  })

  test('referrers: skip delivers the image without them; a later push adds them without a tag write', async () => {
    const { made } = archives['with-referrers']
    const skipped = await push(await open('with-referrers'), 'skip')
    expect(skipped.referrers).toEqual([])
    expect(registry.manifests.has(Object.keys(made.referrers)[0] as string)).toBe(false)
    registry.log.length = 0
    const added = await push(await open('with-referrers'))
    expect(added.referrers).toHaveLength(1)
    expect(registry.log.filter(line => line === 'PUT manifests/v1')).toEqual([])
  })

  test('a copy carries the referrers along (oras copy -r), to a registry with the API', async () => {
    const { made } = archives.partial
    await push(await open('partial'))
    other.referrersApi = true
    const copied = await copyImage(
      { registry: client(registry), repository: 'team/app' },
      { registry: client(other), repository: 'team/app' },
      made.delivered,
      ['v1'],
      { limit: pLimit(2), isImmutable: () => false }
    )
    expect(copied.referrers.map(r => [r.digest, r.subject])).toEqual(Object.entries(made.referrers))
    for (const digest of Object.keys(made.referrers)) expect(other.manifests.has(digest)).toBe(true)
  })

  test('the index of two platforms with attestations: every child and attestation, the tag schema for each', async () => {
    const { made } = archives['multi-attested']
    const result = await push(await open('multi-attested'))
    expect(result.digest).toBe(made.named)
    for (const [attestation, subject] of Object.entries(made.referrers)) {
      expect(registry.manifests.has(attestation)).toBe(true)
      expect((await listReferrers(client(registry), 'team/app', subject)).map(r => r.digest)).toEqual([
        attestation
      ])
    }
  })
})
