// npm run bench:cleanup — seeds moto's ECR API with one repository of 10,000 images (tagged, untagged,
// and indexes with children), runs the bundled cleanup action against it as the runner would, and prints
// the wall time and the number of calls of each API (counted by moto's request recorder).
// BENCH_IMAGES overrides the image count.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pLimit from 'p-limit'
import { callEcrJsonApi } from '../test/fixtures/ecr-json-api.js'

const ROOT = resolve(import.meta.dirname, '..')
const TOTAL = Number(process.env.BENCH_IMAGES ?? 10_000)

function testEnv(): Record<string, string> {
  const up = spawnSync(join(ROOT, 'scripts/test-env.sh'), ['up'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (up.status !== 0) throw new Error('scripts/test-env.sh up failed')
  const text = spawnSync(join(ROOT, 'scripts/test-env.sh'), ['env'], { encoding: 'utf8' }).stdout
  return Object.fromEntries(
    [...text.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map(m => [m[1] as string, m[2] as string])
  )
}

const env = testEnv()
const MOTO = env.MOTO_URL as string

const ecr = (operation: string, body: object) =>
  callEcrJsonApi(MOTO, env.AWS_REGION as string, operation, body)

const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const fake = () => `sha256:${randomBytes(32).toString('hex')}`
const imageManifest = () =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: fake(), size: 100 },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: fake(), size: 10_000 }]
  })

/** 60% tagged images, 20% untagged, 20% in indexes of 3 children (each index tagged). */
async function seed(repository: string): Promise<{ tagged: number; untagged: number; indexes: number }> {
  await ecr('CreateRepository', { repositoryName: repository })
  const limit = pLimit(8)
  const put = (manifest: string, mediaType: string, tag?: string) =>
    limit(() =>
      ecr('PutImage', {
        repositoryName: repository,
        imageManifest: manifest,
        imageManifestMediaType: mediaType,
        imageDigest: digestOf(manifest),
        ...(tag ? { imageTag: tag } : {})
      })
    )
  const indexes = Math.floor((TOTAL * 0.2) / 4)
  const tagged = Math.floor(TOTAL * 0.6)
  const untagged = TOTAL - tagged - indexes * 4
  const jobs: Promise<unknown>[] = []
  for (let i = 0; i < tagged; i++)
    jobs.push(put(imageManifest(), 'application/vnd.oci.image.manifest.v1+json', `t${i}`))
  for (let i = 0; i < untagged; i++)
    jobs.push(put(imageManifest(), 'application/vnd.oci.image.manifest.v1+json'))
  for (let i = 0; i < indexes; i++) {
    const children = [imageManifest(), imageManifest(), imageManifest()]
    await Promise.all(children.map(child => put(child, 'application/vnd.oci.image.manifest.v1+json')))
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: children.map((child, n) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: digestOf(child),
        size: child.length,
        platform: { os: 'linux', architecture: ['amd64', 'arm64', 's390x'][n] }
      }))
    })
    jobs.push(put(index, 'application/vnd.oci.image.index.v1+json', `multi${i}`))
  }
  await Promise.all(jobs)
  return { tagged, untagged, indexes }
}

/** Runs the bundled cleanup action with moto recording; returns wall time, outputs and calls per API. */
async function runCleanup(repository: string, inputs: Record<string, string>) {
  await fetch(`${MOTO}/moto-api/recorder/reset-recording`, { method: 'POST' })
  await fetch(`${MOTO}/moto-api/recorder/start-recording`, { method: 'POST' })
  const work = mkdtempSync(join(tmpdir(), 'bench-cleanup-'))
  for (const file of ['output', 'state', 'summary']) writeFileSync(join(work, file), '')
  const started = performance.now()
  const result = spawnSync('node', [join(ROOT, 'dist/cleanup/index.js')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: join(work, 'output'),
      GITHUB_STATE: join(work, 'state'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'),
      INPUT_REPOSITORIES: repository,
      'INPUT_KEEP-LAST': '100',
      'INPUT_OLDER-THAN': '0d',
      'INPUT_TAG-PATTERNS': '*',
      'INPUT_KEEP-TAGS': 'latest',
      INPUT_UNTAGGED: 'delete',
      'INPUT_UNTAGGED-OLDER-THAN': '0d',
      'INPUT_MAX-DELETIONS': '1000000',
      ...inputs
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const seconds = (performance.now() - started) / 1000
  await fetch(`${MOTO}/moto-api/recorder/stop-recording`, { method: 'POST' })
  if (result.status !== 0)
    throw new Error(`cleanup failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`)
  const recording = await (await fetch(`${MOTO}/moto-api/recorder/download-recording`)).text()
  const calls: Record<string, number> = {}
  for (const line of recording.split('\n').filter(Boolean)) {
    const target = ((JSON.parse(line) as { headers: Record<string, string> }).headers['X-Amz-Target'] ?? '')
      .split('.')
      .pop()
    if (target) calls[target] = (calls[target] ?? 0) + 1
  }
  const outputs = Object.fromEntries(
    [...readFileSync(join(work, 'output'), 'utf8').matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)].map(m => [
      m[1],
      m[3]
    ])
  )
  return { seconds, calls, outputs }
}

const repository = `bench-cleanup/r${randomBytes(3).toString('hex')}`
const seedStarted = performance.now()
const seeded = await seed(repository)
const seedSeconds = (performance.now() - seedStarted) / 1000
const dry = await runCleanup(repository, { 'INPUT_DRY-RUN': 'true' })
const real = await runCleanup(repository, { 'INPUT_DRY-RUN': 'false' })
const deleted = Number(real.outputs['deleted-count'])
const expected = {
  DescribeImages: Math.ceil(TOTAL / 1000),
  BatchGetImage: Math.ceil(seeded.indexes / 100),
  BatchDeleteImage: `≥ ${Math.ceil(deleted / 100)} (ceil(${deleted}/100) + deferred children)`
}
const ops = ['DescribeRepositories', 'DescribeImages', 'BatchGetImage', 'BatchDeleteImage']
console.log(
  `\n${TOTAL} images in ${repository}: ${seeded.tagged} tagged, ${seeded.untagged} untagged, ${seeded.indexes} indexes × 3 children (seeded in ${seedSeconds.toFixed(1)} s)`
)
console.log('keep-last 100, older-than 0d, untagged-older-than 0d\n')
console.log('| run | wall time (s) | ' + ops.join(' | ') + ' | deleted |')
console.log('| --- | --- | ' + ops.map(() => '---').join(' | ') + ' | --- |')
for (const [name, run] of [
  ['dry run', dry],
  ['cleanup', real]
] as const) {
  console.log(
    `| ${name} | ${run.seconds.toFixed(2)} | ${ops.map(op => run.calls[op] ?? 0).join(' | ')} | ${run.outputs['deleted-count']} |`
  )
}
console.log(
  `| target | | 1 | ${expected.DescribeImages} | ${expected.BatchGetImage} | ${expected.BatchDeleteImage} | |`
)
