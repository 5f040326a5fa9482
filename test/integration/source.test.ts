import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tarDirectory, writeOciLayout } from '../fixtures/images.js'
import {
  REGISTRY,
  buildImage,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoDigest,
  skopeoRaw,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const work = mkdtempSync(join(tmpdir(), 'source-it-'))
const single = join(work, 'single')
const multi = join(work, 'multi')
const other = join(work, 'other')
const dockerSave = join(work, 'save.tar')
let singleLayout: Awaited<ReturnType<typeof writeOciLayout>>
let multiLayout: Awaited<ReturnType<typeof writeOciLayout>>
let otherLayout: Awaited<ReturnType<typeof writeOciLayout>>
let savedImageId: string

beforeAll(async () => {
  singleLayout = await writeOciLayout(single, {
    platforms: [
      {
        os: 'linux',
        architecture: 'amd64',
        layers: [{ size: 300_000 }, { size: 200_000, compressible: true }]
      }
    ],
    seed: `single-${Date.now()}`
  })
  multiLayout = await writeOciLayout(multi, {
    platforms: [
      { os: 'linux', architecture: 'amd64', layers: [{ size: 100_000 }] },
      { os: 'linux', architecture: 'arm64', variant: 'v8', layers: [{ size: 100_000 }] }
    ],
    seed: `multi-${Date.now()}`
  })
  otherLayout = await writeOciLayout(other, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1000 }] }],
    seed: `other-${Date.now()}`
  })
  savedImageId = await buildImage('it-save:one', `saved ${Date.now()}`)
  await run('docker', ['save', '-o', dockerSave, 'it-save:one'])
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Pulls the pushed image back into the docker engine: the proof that what landed is a usable image. */
async function pullImageId(reference: string, dockerConfig: string): Promise<string> {
  await run('docker', ['pull', '-q', reference], { DOCKER_CONFIG: dockerConfig })
  const { stdout } = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', reference])
  return stdout.trim()
}

describe('deliver from files (no docker involved in the push)', () => {
  test('OCI layout, single platform: every tag at the layout digest, pulled back into docker', async () => {
    const repository = uniqueRepository('src')
    const dockerConfig = newDockerConfig()
    const result = await deliver({ dockerConfig, inputs: { source: single, repository, tags: 'v1\nlatest' } })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const uri = `${REGISTRY}/${repository}`
    expect(result.outputs['image-digest']).toBe(singleLayout.top.digest)
    expect(result.outputs['image-uri']).toBe(`${uri}@${singleLayout.top.digest}`)
    expect(result.stdout).not.toContain('docker push')
    for (const tag of ['v1', 'latest'])
      expect(await skopeoDigest(`${uri}:${tag}`)).toBe(singleLayout.top.digest)
    // The registry holds the layout's manifest byte for byte.
    const manifest = readFileSync(join(single, 'blobs', 'sha256', singleLayout.top.digest.slice(7)))
    expect((await skopeoRaw(`${uri}:v1`)).equals(manifest)).toBe(true)
    expect(await pullImageId(`${uri}:v1`, dockerConfig)).toBe(singleLayout.configDigests[0])
    expect(result.summary).toMatch(/Blobs: 3, .* sent/)
    expect(result.summary).toContain('<td>uploaded</td>')
  })

  test('OCI layout tar, multi-platform index: children by digest, the index under the tag, platform digests out', async () => {
    const repository = uniqueRepository('src')
    const archive = join(work, 'multi.tar')
    await tarDirectory(multi, archive)
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: archive, repository, tags: 'v2' }
    })
    expect(result.errors).toEqual([])
    const uri = `${REGISTRY}/${repository}`
    expect(result.outputs['image-digest']).toBe(multiLayout.indexDigest)
    expect(result.outputs['platform-digests']).toBe(
      `linux/amd64=${multiLayout.manifestDigests[0]}\nlinux/arm64/v8=${multiLayout.manifestDigests[1]}`
    )
    const index = JSON.parse((await skopeoRaw(`${uri}:v2`)).toString()) as {
      mediaType: string
      manifests: unknown[]
    }
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    expect(index.manifests).toHaveLength(2)
    for (const child of multiLayout.manifestDigests) expect(await skopeoDigest(`${uri}@${child}`)).toBe(child)
    expect(result.summary).toContain('linux/arm64/v8')
  })

  test('docker save archive: layers gzipped, pulled back as the very same image ID', async () => {
    const repository = uniqueRepository('src')
    const dockerConfig = newDockerConfig()
    const result = await deliver({ dockerConfig, inputs: { source: dockerSave, repository, tags: 'saved' } })
    expect(result.errors).toEqual([])
    const uri = `${REGISTRY}/${repository}`
    const digest = result.outputs['image-digest'] as string
    expect(await skopeoDigest(`${uri}:saved`)).toBe(digest)
    const manifest = JSON.parse((await skopeoRaw(`${uri}:saved`)).toString()) as {
      mediaType: string
      layers: { mediaType: string }[]
    }
    expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json')
    expect(manifest.layers.map(l => l.mediaType)).toEqual([
      'application/vnd.docker.image.rootfs.diff.tar.gzip'
    ])
    // Config unchanged and diff_ids untouched: docker sees the image it saved.
    await run('docker', ['rmi', 'it-save:one'])
    expect(await pullImageId(`${uri}:saved`, dockerConfig)).toBe(savedImageId)
  })

  test('re-push: every blob already there, nothing uploaded, same digest', async () => {
    const repository = uniqueRepository('src')
    const first = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: single, repository, tags: 'a' }
    })
    const again = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: single, repository, tags: 'b' }
    })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['image-digest']).toBe(first.outputs['image-digest'])
    expect(again.stdout).toContain('3 blobs: 0 uploaded, 3 present, 0 mounted; 0 B sent')
    expect(await skopeoDigest(`${REGISTRY}/${repository}:b`)).toBe(singleLayout.top.digest)
  })

  test('immutable: a re-run is green and writes nothing; another image under the tag fails and writes nothing', async () => {
    const repository = uniqueRepository('src')
    const inputs = { source: single, repository, tags: 'v1', 'image-tag-mutability': 'IMMUTABLE' }
    const first = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(first.exitCode).toBe(0)
    const again = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(again.exitCode).toBe(0)
    expect(again.summary).toContain('unchanged')
    expect(again.stdout).toContain('nothing to push')
    expect(again.stdout).not.toMatch(/\d+ blobs:/)

    const conflict = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { ...inputs, source: other, tags: 'new\nv1' }
    })
    expect(conflict.exitCode).toBe(1)
    expect(conflict.errors).toHaveLength(1)
    expect(conflict.errors[0]).toContain(
      `tag "v1" in ${REGISTRY}/${repository} already points at ${singleLayout.top.digest}, this image is ${otherLayout.top.digest}`
    )
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(singleLayout.top.digest)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:new`)).toBeUndefined()
  })

  test('a layer whose bytes do not match its digest fails before any manifest is put: no tag points at it', async () => {
    const broken = join(work, 'broken')
    const layout = await writeOciLayout(broken, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 50_000 }] }],
      seed: `broken-${Date.now()}`
    })
    const layer = join(broken, 'blobs', 'sha256', (layout.layerDigests[0] as string).slice(7))
    const bytes = readFileSync(layer)
    bytes.writeUInt8(bytes.readUInt8(100) ^ 0xff, 100) // same size, other bytes
    writeFileSync(layer, bytes)
    const repository = uniqueRepository('src')
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: broken, repository, tags: 'v1' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`blob ${layout.layerDigests[0]} (${bytes.length} bytes) is corrupt`)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()
  })

  test.each([
    [
      'image and source together',
      { image: 'it-app:one', source: 'x' },
      /^Input "source": and image are mutually exclusive/
    ],
    ['tags with neither', { tags: 'v1' }, /^Input "tags": need image or source/],
    [
      'a missing path',
      { source: '/nonexistent/layout' },
      /^Input "source": \/nonexistent\/layout does not exist/
    ],
    ['a directory that is no OCI layout', { source: '/tmp' }, /^\/tmp is not an OCI image layout/]
  ])('bad input: %s', async (_case, inputs, error) => {
    const repository = uniqueRepository('bad')
    const result = await deliver({ dockerConfig: newDockerConfig(), inputs: { repository, ...inputs } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(error)
    expect(result.stdout).not.toContain('Log in to Amazon ECR')
  })
})

describe('platform: the shape a runtime that refuses indexes takes', () => {
  test('linux/arm64 from an index: that manifest alone under the tag', async () => {
    const repository = uniqueRepository('platform')
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: multi, repository, tags: 'v1', platform: 'linux/arm64' }
    })
    expect(result.errors).toEqual([])
    const armDigest = multiLayout.manifestDigests[1] as string
    expect(result.outputs['image-digest']).toBe(armDigest)
    const manifest = JSON.parse((await skopeoRaw(`${REGISTRY}/${repository}:v1`)).toString()) as Record<
      string,
      unknown
    >
    expect(manifest.manifests).toBeUndefined()
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(armDigest)
    // The amd64 image's blobs were not sent.
    const puts = (await requestsOf(repository)).filter(r => r.method === 'PUT' && r.kind === 'upload')
    expect(puts.length).toBe(2) // arm64's config and its one layer
  })

  test('a platform the source lacks: one error naming the input and the platforms it has', async () => {
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: {
        source: multi,
        repository: uniqueRepository('platform-bad'),
        tags: 'v1',
        platform: 'linux/s390x'
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input "platform": .* has no linux\/s390x image: it has "linux\/amd64", "linux\/arm64\/v8"/
      )
    ])
  })
})
