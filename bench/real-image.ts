// Images of real files for the push benchmark: this machine's gcc and python libraries (compressible as real
// layers are, unlike the fixtures' random or word-salad bytes), as a `docker save` archive and as an OCI
// layout of the same layers, built with the test fixtures' tar writer (no container engine needed).
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { createGzip } from 'node:zlib'
import { tarDirectory } from '../test/fixtures/images.js'
import { BenchError } from './util.js'

/** The directories packed, one layer each: ~120 MiB and ~54 MiB of libraries on this machine. */
export const REAL_DIRS = ['/usr/lib/gcc', '/usr/lib/python3.11']

const CREATED = '2024-01-01T00:00:00Z'

interface Layer {
  file: string
  diffId: string
  size: number
}

export interface RealImage {
  /** The docker-save archive. */
  archive: string
  /** An OCI layout of the same layers, gzipped at zlib's default level as a build would push them. */
  layout: string
  /** Uncompressed layer bytes in all. */
  bytes: number
  /** The layout's manifest digest (what ours must report for it). */
  layoutDigest: string
  /** The layout's gzipped layers, in all. */
  layoutBytes: number
}

/** Builds both images under `work`. */
export async function writeRealImage(work: string): Promise<RealImage> {
  const missing = REAL_DIRS.filter(dir => !existsSync(dir))
  if (missing.length > 0) throw new BenchError(`real-files case: ${missing.join(', ')} not on this machine`)
  const staging = await mkdtemp(join(work, 'real-'))
  const layers: Layer[] = []
  for (const [n, dir] of REAL_DIRS.entries()) {
    const file = join(staging, `${n}.tar`)
    await tarDirectory(dir, file)
    layers.push({ file, diffId: await sha256File(file), size: (await stat(file)).size })
  }
  const config = Buffer.from(
    JSON.stringify({
      created: CREATED,
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map(l => l.diffId) },
      history: REAL_DIRS.map(dir => ({ created: CREATED, created_by: `COPY ${dir}` }))
    })
  )
  const configHex = createHash('sha256').update(config).digest('hex')

  // docker save (before Docker 25): <n>/layer.tar, <config>.json, manifest.json.
  const saveDir = join(staging, 'save')
  for (const [n, layer] of layers.entries()) {
    await mkdir(join(saveDir, String(n)), { recursive: true })
    await rename(layer.file, join(saveDir, String(n), 'layer.tar'))
    layer.file = join(saveDir, String(n), 'layer.tar')
  }
  await writeFile(join(saveDir, `${configHex}.json`), config)
  await writeFile(
    join(saveDir, 'manifest.json'),
    JSON.stringify([
      {
        Config: `${configHex}.json`,
        RepoTags: ['bench/real:v1'],
        Layers: layers.map((_, n) => `${n}/layer.tar`)
      }
    ])
  )
  const archive = join(work, 'real-save.tar')
  await tarDirectory(saveDir, archive)

  const layout = join(work, 'real-oci')
  const blobs = join(layout, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  const descriptors = []
  for (const layer of layers) {
    const temporary = join(blobs, '.tmp')
    const hash = createHash('sha256')
    let size = 0
    await pipeline(
      createReadStream(layer.file),
      createGzip(),
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk)
          size += chunk.length
          callback(null, chunk)
        }
      }),
      createWriteStream(temporary)
    )
    const hex = hash.digest('hex')
    await rename(temporary, join(blobs, hex))
    descriptors.push({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: `sha256:${hex}`,
      size
    })
  }
  await writeFile(join(blobs, configHex), config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${configHex}`,
        size: config.length
      },
      layers: descriptors
    })
  )
  const manifestHex = createHash('sha256').update(manifest).digest('hex')
  await writeFile(join(blobs, manifestHex), manifest)
  await writeFile(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${manifestHex}`,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'v1' }
        }
      ]
    })
  )
  const bytes = layers.reduce((sum, l) => sum + l.size, 0)
  await rm(staging, { recursive: true, force: true })
  const layoutBytes = descriptors.reduce((sum, d) => sum + d.size, 0)
  return { archive, layout, bytes, layoutDigest: `sha256:${manifestHex}`, layoutBytes }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return `sha256:${hash.digest('hex')}`
}
