import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { BlobSource } from '../../src/registry/blobs.js'
import { parsePlatform, platformMatches, selectPlatform } from '../../src/registry/sources/platform.js'
import type { LayoutImageSource, ManifestBlob } from '../../src/registry/sources/types.js'

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const blob = (text: string): BlobSource => {
  const bytes = Buffer.from(text)
  return { digest: sha256(bytes), size: bytes.length, open: () => Readable.from([bytes]) }
}
const manifestOf = (config: BlobSource, layers: BlobSource[], platform?: string): ManifestBlob => {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: config.digest,
        size: config.size
      },
      layers: layers.map(l => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size
      }))
    })
  )
  return { digest: sha256(bytes), mediaType: 'application/vnd.oci.image.manifest.v1+json', bytes, platform }
}

// An index as buildx writes it: two platforms sharing a layer, and an attestation manifest.
const shared = blob('shared layer')
const amd = { config: blob('{"os":"linux","architecture":"amd64"}'), layer: blob('amd64 layer') }
const arm = {
  config: blob('{"os":"linux","architecture":"arm64","variant":"v8"}'),
  layer: blob('arm64 layer')
}
const attestation = { config: blob('{}'), layer: blob('in-toto') }
const amdManifest = manifestOf(amd.config, [shared, amd.layer], 'linux/amd64')
const armManifest = manifestOf(arm.config, [shared, arm.layer], 'linux/arm64/v8')
const attestationManifest = manifestOf(attestation.config, [attestation.layer])
const indexBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { ...descriptor(amdManifest), platform: { os: 'linux', architecture: 'amd64' } },
      { ...descriptor(armManifest), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { ...descriptor(attestationManifest), platform: { os: 'unknown', architecture: 'unknown' } }
    ]
  })
)
function descriptor(manifest: ManifestBlob) {
  return { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length }
}
const index: LayoutImageSource = {
  kind: 'oci-layout',
  blobs: [shared, amd.config, amd.layer, arm.config, arm.layer, attestation.config, attestation.layer],
  children: [amdManifest, armManifest, attestationManifest],
  referrers: [],
  referrerBlobs: [],
  notes: [],
  named: '',
  top: {
    digest: sha256(indexBytes),
    mediaType: 'application/vnd.oci.image.index.v1+json',
    bytes: indexBytes
  },
  dispose: async () => {}
}
const single = (platform?: string): LayoutImageSource => ({
  ...index,
  blobs: [shared, amd.config, amd.layer],
  children: [],
  top: { ...amdManifest, platform }
})
const wanted = (text: string) => {
  const platform = parsePlatform(text)
  if (typeof platform === 'string') throw new Error(platform)
  return platform
}

describe('parsePlatform', () => {
  test.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    [' windows/amd64 ', { os: 'windows', architecture: 'amd64' }]
  ])('%s', (text, expected) => expect(parsePlatform(text)).toEqual(expected))

  test.each([['linux'], ['linux/'], ['linux/amd64/v8/x'], ['Linux/AMD64'], ['linux/amd64\n::x']])(
    '%s is refused',
    text => expect(typeof parsePlatform(text)).toBe('string')
  )
})

describe('platformMatches', () => {
  test.each([
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64/v8', 'linux/arm64/v8', true],
    ['linux/arm/v7', 'linux/arm/v6', false],
    ['linux/arm64/v8', 'linux/arm64', false],
    ['linux/amd64', 'windows/amd64', false],
    ['linux/amd64', undefined, false]
  ])('%s against %s: %s', (asked, have, expected) =>
    expect(platformMatches(wanted(asked), have)).toBe(expected)
  )
})

describe('selectPlatform', () => {
  test('from an index: that manifest under the tags, only its blobs, no children', async () => {
    const chosen = (await selectPlatform(index, wanted('linux/arm64'), 'out')) as LayoutImageSource
    expect(chosen.top.digest).toBe(armManifest.digest)
    expect(chosen.children).toEqual([])
    expect(chosen.blobs.map(b => b.digest).sort()).toEqual(
      [shared, arm.config, arm.layer].map(b => b.digest).sort()
    )
  })

  test('a platform the index lacks: named, with the platforms it has (attestations left out)', async () => {
    await expect(selectPlatform(index, wanted('linux/s390x'), 'out')).rejects.toThrow(
      '"out" has no linux/s390x image: it has "linux/amd64", "linux/arm64/v8"'
    )
  })

  test('a single image of that platform is kept as it is; its platform read from the config when unrecorded', async () => {
    expect(await selectPlatform(single('linux/amd64'), wanted('linux/amd64'), 'out')).toEqual(
      single('linux/amd64')
    )
    expect((await selectPlatform(single(), wanted('linux/amd64'), 'out')).kind).toBe('oci-layout')
    await expect(selectPlatform(single(), wanted('linux/arm64'), 'out')).rejects.toThrow(
      'has no linux/arm64 image: it has "linux/amd64"'
    )
  })
})
