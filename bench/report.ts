// npm run bench:report — seeds the ECR stand-in with 1,000 repositories of 20 images each (16 tagged images
// sharing a base layer, an index tagged multi with 3 untagged children; every other repository with a
// lifecycle policy), runs the bundled report action against it as the runner would, and prints the calls it
// made per operation (from the front's API log) and the wall time.
// The stand-ins must be up (scripts/test-env.sh up). The benchmark works in a region of its own that has an
// ECR API and no registry (sa-east-1), seeds moto directly, and deletes its repositories at the end: the
// other regions, and tests running meanwhile, are left as they were. BENCH_REPOSITORIES and BENCH_IMAGES
// (a multiple of 4, at least 8) override the sizes.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pLimit from 'p-limit'
import { ACTION_NODE, actionNodeVersion } from '../test/fixtures/action-node.js'
import { callEcrJsonApi } from '../test/fixtures/ecr-json-api.js'
import { loadTestEnv } from '../test/integration/env.js'

const ROOT = resolve(import.meta.dirname, '..')
const REPOSITORIES = Number(process.env.BENCH_REPOSITORIES ?? 1000)
const IMAGES = Number(process.env.BENCH_IMAGES ?? 20)
const REGION = 'sa-east-1'
const OCI = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

const env = loadTestEnv()
const MOTO = env.MOTO_URL as string
const FRONT = env.ECR_TEST_FRONT_URL as string
const moto = (operation: string, body: object) => callEcrJsonApi(MOTO, REGION, operation, body)
const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const fake = () => `sha256:${randomBytes(32).toString('hex')}`

const imageManifest = (base: string) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: fake(), size: 1_000 },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: base, size: 30_000_000 },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: fake(), size: 1_000_000 }
    ]
  })

const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' }
    }
  ]
})

/** One repository: IMAGES − 4 tagged images and an index tagged multi of 3 untagged children. */
async function seedRepository(name: string, lifecycle: boolean): Promise<void> {
  await moto('CreateRepository', { repositoryName: name })
  if (lifecycle) await moto('PutLifecyclePolicy', { repositoryName: name, lifecyclePolicyText: LIFECYCLE })
  const base = fake()
  const put = (manifest: string, mediaType: string, tag?: string) =>
    moto('PutImage', {
      repositoryName: name,
      imageManifest: manifest,
      imageManifestMediaType: mediaType,
      imageDigest: digestOf(manifest),
      ...(tag ? { imageTag: tag } : {})
    })
  for (let i = 0; i < IMAGES - 4; i++) await put(imageManifest(base), OCI, `v${i}`)
  const children = [imageManifest(base), imageManifest(base), imageManifest(base)]
  for (const child of children) await put(child, OCI)
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: children.map((child, n) => ({
      mediaType: OCI,
      digest: digestOf(child),
      size: child.length,
      platform: { os: 'linux', architecture: ['amd64', 'arm64', 's390x'][n] }
    }))
  })
  await put(index, OCI_INDEX, 'multi')
}

/** Runs the bundled report action through the front; wall time, outputs, and the calls it made per operation. */
async function runReport(prefix: string) {
  const since = ((await (await fetch(`${FRONT}/_front/api-calls?since=0`)).json()) as { next: number }).next
  const work = mkdtempSync(join(tmpdir(), 'bench-report-'))
  for (const file of ['output', 'state', 'summary']) writeFileSync(join(work, file), '')
  const started = performance.now()
  const result = spawnSync(ACTION_NODE, [join(ROOT, 'dist/report/index.js')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      AWS_REGION: REGION,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: join(work, 'output'),
      GITHUB_STATE: join(work, 'state'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'),
      INPUT_REPOSITORIES: `${prefix}/**`,
      INPUT_REQUIRE: 'lifecycle-policy: present\nmax-untagged: 3',
      'INPUT_FAIL-ON': 'none',
      INPUT_FINDINGS: 'false',
      'INPUT_IN-USE': 'none',
      'INPUT_PRICE-PER-GB-MONTH': '0.10',
      'INPUT_ARCHIVE-PRICE-PER-GB-MONTH': '0.10'
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0)
    throw new Error(`report failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`)
  const { calls } = (await (await fetch(`${FRONT}/_front/api-calls?since=${since}`)).json()) as {
    calls: { region: string; operation: string }[]
  }
  const counts: Record<string, number> = {}
  for (const call of calls.filter(c => c.region === REGION))
    counts[call.operation] = (counts[call.operation] ?? 0) + 1
  const outputs = Object.fromEntries(
    [...readFileSync(join(work, 'output'), 'utf8').matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)].map(m => [
      m[1],
      m[3]
    ])
  )
  return { seconds, counts, outputs, summaryBytes: readFileSync(join(work, 'summary')).length }
}

if (IMAGES < 8 || IMAGES % 4 !== 0) throw new Error('BENCH_IMAGES: a multiple of 4, at least 8')
const prefix = `bench-report-${randomBytes(3).toString('hex')}`
const names = Array.from({ length: REPOSITORIES }, (_, i) => `${prefix}/r${String(i).padStart(4, '0')}`)
const limit = pLimit(8)
let started = performance.now()
try {
  await Promise.all(names.map((name, i) => limit(() => seedRepository(name, i % 2 === 0))))
  const seedSeconds = (performance.now() - started) / 1000
  const run = await runReport(prefix)

  const pages = Math.ceil(REPOSITORIES / 1000)
  const bounds: [string, string][] = [
    ['DescribeRepositories', `${pages} (pages of 1,000: every repository of the region)`],
    ['DescribeImages', `${REPOSITORIES} (one page of 1,000 per repository)`],
    [
      'BatchGetImage',
      `${REPOSITORIES * Math.ceil(IMAGES / 100)} (${IMAGES} manifests, 100 a call, per repository)`
    ],
    ['GetLifecyclePolicy', `${REPOSITORIES}`],
    ['GetRepositoryPolicy', `${REPOSITORIES}`],
    ['DescribeImageScanFindings', '0 (findings: false)'],
    ['GetRegistryPolicy', '1'],
    ['DescribeRegistry', '1'],
    ['GetRegistryScanningConfiguration', '1'],
    ['DescribePullThroughCacheRules', '1'],
    ['DescribeRepositoryCreationTemplates', '1'],
    ['GetAccountSetting', '3'],
    ['GetSigningConfiguration', '1']
  ]
  const cpu = cpus()
  console.log(
    `\n${REPOSITORIES} repositories × ${IMAGES} images in ${REGION} (seeded in ${seedSeconds.toFixed(1)} s); ` +
      `${cpu.length} cores (${cpu[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; the action on node ${actionNodeVersion()}\n`
  )
  console.log(
    `wall time ${run.seconds.toFixed(2)} s; outputs: repository-count ${run.outputs['repository-count']}, ` +
      `image-count ${run.outputs['image-count']}, total-bytes ${run.outputs['total-bytes']}, ` +
      `${JSON.parse(run.outputs['non-compliant'] ?? '[]').length} non-compliant; summary ${run.summaryBytes} bytes\n`
  )
  console.log('| operation | calls | bound |')
  console.log('| --- | --- | --- |')
  for (const [operation, bound] of bounds)
    console.log(`| ${operation} | ${run.counts[operation] ?? 0} | ${bound} |`)
  const others = Object.keys(run.counts).filter(op => !bounds.some(([known]) => known === op))
  for (const operation of others) console.log(`| ${operation} | ${run.counts[operation]} | (unexpected) |`)
} finally {
  started = performance.now()
  await Promise.all(
    names.map(name =>
      limit(() => moto('DeleteRepository', { repositoryName: name, force: true }).catch(() => undefined))
    )
  )
  console.log(
    `\n(the ${REPOSITORIES} repositories deleted again in ${((performance.now() - started) / 1000).toFixed(1)} s)`
  )
}
