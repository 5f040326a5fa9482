// npm run bench:cleanup — seeds moto's ECR API with one repository of 10,000 images (tagged, untagged,
// and indexes with children) and deployments that use some of them (50 ECS services in 5 clusters over 200
// task definition revisions, 100 Lambda functions with 5 versions each), runs the bundled cleanup action
// against it as the runner would, with and without the in-use scan, and prints the wall time and the number
// of calls of each API (counted by moto's request recorder).
// moto's state is reset first, so the benchmark can run again on the same stand-ins; the registry's
// content is mirrored back into moto at the end. BENCH_IMAGES overrides the image count.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand
} from '@aws-sdk/client-ecs'
import {
  CreateFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand
} from '@aws-sdk/client-lambda'
import pLimit from 'p-limit'
import { ACTION_NODE, actionNodeVersion } from '../test/fixtures/action-node.js'
import { callEcrJsonApi } from '../test/fixtures/ecr-json-api.js'

const ROOT = resolve(import.meta.dirname, '..')
const TOTAL = Number(process.env.BENCH_IMAGES ?? 10_000)
const CLUSTERS = 5
const SERVICES_PER_CLUSTER = 10
const FAMILIES = 20
const REVISIONS_PER_FAMILY = 10
const FUNCTIONS = 100
const VERSIONS_PER_FUNCTION = 5
const KEEP_REVISIONS = 3

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
const REGION = env.AWS_REGION as string
const HOST = env.ECR_TEST_REGISTRY as string
const ecr = (operation: string, body: object) => callEcrJsonApi(MOTO, REGION, operation, body)
const sdk = {
  region: REGION,
  endpoint: MOTO,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }
}

const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const fake = () => `sha256:${randomBytes(32).toString('hex')}`
const imageManifest = () =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: fake(), size: 100 },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: fake(), size: 10_000 }]
  })

/** 60% tagged images (t0, t1, …), 20% untagged, 20% in indexes of 3 children (each index tagged). */
async function seedImages(
  repository: string
): Promise<{ tagged: number; untagged: number; indexes: number }> {
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

/**
 * 20 task definition families of 10 revisions (200 in all), each revision using its own tag of the
 * repository (the oldest tags: the ones keep-last does not keep); 50 services in 5 clusters on the newest
 * revision of a family; 100 Lambda functions with 5 published versions each, each version its own tag.
 */
async function seedDeployments(
  repository: string
): Promise<{ taskDefinitions: number; services: number; functions: number }> {
  const ecs = new ECSClient(sdk)
  const lambda = new LambdaClient(sdk)
  const limit = pLimit(8)
  let tag = 0
  const image = () => `${HOST}/${repository}:t${tag++}`
  for (let f = 0; f < FAMILIES; f++) {
    for (let r = 0; r < REVISIONS_PER_FAMILY; r++) {
      await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: `app${f}`,
          containerDefinitions: [{ name: 'app', image: image(), memory: 128 }]
        })
      )
    }
  }
  for (let c = 0; c < CLUSTERS; c++) {
    await ecs.send(new CreateClusterCommand({ clusterName: `bench${c}` }))
    await Promise.all(
      Array.from({ length: SERVICES_PER_CLUSTER }, (_, s) =>
        limit(() =>
          ecs.send(
            new CreateServiceCommand({
              cluster: `bench${c}`,
              serviceName: `svc${s}`,
              taskDefinition: `app${(c * SERVICES_PER_CLUSTER + s) % FAMILIES}:${REVISIONS_PER_FAMILY}`,
              desiredCount: 1,
              launchType: 'FARGATE'
            })
          )
        )
      )
    )
  }
  const role = await createRole()
  await Promise.all(
    Array.from({ length: FUNCTIONS }, (_, n) =>
      limit(async () => {
        const name = `fn${n}`
        const first = image()
        await lambda.send(
          new CreateFunctionCommand({
            FunctionName: name,
            PackageType: 'Image',
            Code: { ImageUri: first },
            Role: role
          })
        )
        await lambda.send(new PublishVersionCommand({ FunctionName: name }))
        for (let v = 1; v < VERSIONS_PER_FUNCTION; v++) {
          await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ImageUri: image() }))
          await lambda.send(new PublishVersionCommand({ FunctionName: name }))
        }
      })
    )
  )
  return {
    taskDefinitions: FAMILIES * REVISIONS_PER_FAMILY,
    services: CLUSTERS * SERVICES_PER_CLUSTER,
    functions: FUNCTIONS
  }
}

async function createRole(): Promise<string> {
  const response = await fetch(MOTO, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${REGION}/iam/aws4_request, SignedHeaders=host, Signature=0`
    },
    body: new URLSearchParams({
      Action: 'CreateRole',
      Version: '2010-05-08',
      RoleName: 'bench-lambda',
      AssumeRolePolicyDocument: '{}'
    })
  })
  if (!response.ok) throw new Error(`CreateRole: ${response.status}`)
  return `arn:aws:iam::${env.ECR_TEST_ACCOUNT}:role/bench-lambda`
}

/**
 * A recorded request as an API name: the JSON protocols' X-Amz-Target, or Lambda's REST path. A
 * DescribeImages by image IDs is the re-read of a batch right before its deletion: counted apart.
 */
function apiOf(call: { headers: Record<string, string>; url?: string; body?: string }): string | undefined {
  const target = call.headers['X-Amz-Target'] ?? call.headers['x-amz-target']
  const byIds = Buffer.from(call.body ?? '', 'base64')
    .toString()
    .includes('"imageIds"')
  if (target?.endsWith('.DescribeImages') && byIds) return 'DescribeImages by IDs'
  if (target) return target.split('.').pop()
  const path = new URL(call.url ?? '/', 'http://moto').pathname
  if (!path.startsWith('/2015-03-31/functions')) return undefined
  if (/\/aliases$/.test(path)) return 'lambda:ListAliases'
  if (/\/versions$/.test(path)) return 'lambda:ListVersionsByFunction'
  if (/\/functions\/?$/.test(path)) return 'lambda:ListFunctions'
  return 'lambda:GetFunction'
}

/** Runs the bundled cleanup action with moto recording; returns wall time, outputs and calls per API. */
async function runCleanup(repository: string, inputs: Record<string, string>) {
  await fetch(`${MOTO}/moto-api/recorder/reset-recording`, { method: 'POST' })
  await fetch(`${MOTO}/moto-api/recorder/start-recording`, { method: 'POST' })
  const work = mkdtempSync(join(tmpdir(), 'bench-cleanup-'))
  for (const file of ['output', 'state', 'summary']) writeFileSync(join(work, file), '')
  const started = performance.now()
  const result = spawnSync(ACTION_NODE, [join(ROOT, 'dist/cleanup/index.js')], {
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
      'INPUT_UNTAGGED-OLDER-THAN': '1h',
      'INPUT_MAX-DELETIONS': '1000000',
      'INPUT_KEEP-REVISIONS': String(KEEP_REVISIONS),
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
    const api = apiOf(JSON.parse(line) as { headers: Record<string, string>; url?: string; body?: string })
    if (api) calls[api] = (calls[api] ?? 0) + 1
  }
  const outputs = Object.fromEntries(
    [...readFileSync(join(work, 'output'), 'utf8').matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)].map(m => [
      m[1],
      m[3]
    ])
  )
  return { seconds, calls, outputs }
}

// Untagged images are all younger than 1h (moto records every push as now): these runs delete tagged ones.
const reset = await fetch(`${MOTO}/moto-api/reset`, { method: 'POST' })
if (!reset.ok) throw new Error(`resetting moto failed: ${reset.status}`)
const repository = `bench-cleanup-r${randomBytes(3).toString('hex')}`
let seconds = performance.now()
const seeded = await seedImages(repository)
const deployments = await seedDeployments(repository)
const seedSeconds = (performance.now() - seconds) / 1000

const scanInputs = { 'INPUT_KEEP-IN-USE': 'ecs, lambda' }
const noScan = await runCleanup(repository, { 'INPUT_DRY-RUN': 'true', 'INPUT_KEEP-IN-USE': 'none' })
const withScan = await runCleanup(repository, { 'INPUT_DRY-RUN': 'true', ...scanInputs })
const real = await runCleanup(repository, { 'INPUT_DRY-RUN': 'false', ...scanInputs })
seconds = performance.now()
const sync = await fetch(`${env.ECR_TEST_BRIDGE_URL}/sync`, { method: 'POST' })
console.log(
  `(moto reset first; the registry mirrored back afterwards: ${sync.status}, ${((performance.now() - seconds) / 1000).toFixed(1)} s)`
)

// The services run the newest revision of a family, which is among the newest 3 of each family.
const distinctTaskDefinitions = FAMILIES * KEEP_REVISIONS
const ecrOps = [
  'DescribeRepositories',
  'DescribeImages',
  'BatchGetImage',
  'DescribeImages by IDs',
  'BatchDeleteImage'
]
const scanOps = [
  'ListClusters',
  'ListServices',
  'DescribeServices',
  'ListTasks',
  'ListTaskDefinitionFamilies',
  'ListTaskDefinitions',
  'DescribeTaskDefinition',
  'lambda:ListFunctions',
  'lambda:ListAliases',
  'lambda:ListVersionsByFunction',
  'lambda:GetFunction'
]
console.log(
  `\n${TOTAL} images in ${repository}: ${seeded.tagged} tagged, ${seeded.untagged} untagged, ${seeded.indexes} indexes × 3 children; ` +
    `${deployments.services} services in ${CLUSTERS} clusters, ${deployments.taskDefinitions} task definition revisions in ${FAMILIES} families, ` +
    `${deployments.functions} image functions × ${VERSIONS_PER_FUNCTION} versions (seeded in ${seedSeconds.toFixed(1)} s)`
)
console.log(
  `keep-last 100, older-than 0d, keep-revisions ${KEEP_REVISIONS}; the action ran on node ${actionNodeVersion()}\n`
)
console.log(`| run | wall time (s) | ${ecrOps.join(' | ')} | deleted | kept in use |`)
console.log(`| --- | --- | ${ecrOps.map(() => '---').join(' | ')} | --- | --- |`)
for (const [name, run] of [
  ['dry run, keep-in-use none', noScan],
  ['dry run, keep-in-use ecs, lambda', withScan],
  ['cleanup, keep-in-use ecs, lambda', real]
] as const) {
  console.log(
    `| ${name} | ${run.seconds.toFixed(2)} | ${ecrOps.map(op => run.calls[op] ?? 0).join(' | ')} | ${run.outputs['deleted-count']} | ${run.outputs['in-use-count']} |`
  )
}
console.log(`\nThe scan's calls (dry run with keep-in-use ecs, lambda), and the bound for each:\n`)
console.log('| API | calls | bound |')
console.log('| --- | --- | --- |')
const bounds: Record<string, string> = {
  ListClusters: '1 page',
  ListServices: `${CLUSTERS} (one page per cluster)`,
  DescribeServices: `${CLUSTERS} × ceil(${SERVICES_PER_CLUSTER}/10) = ${CLUSTERS * Math.ceil(SERVICES_PER_CLUSTER / 10)}`,
  ListTasks: `${CLUSTERS}`,
  ListTaskDefinitionFamilies: '1 page',
  ListTaskDefinitions: `${FAMILIES} × ceil(${REVISIONS_PER_FAMILY}/100) = ${FAMILIES * Math.ceil(REVISIONS_PER_FAMILY / 100)}`,
  DescribeTaskDefinition: `${distinctTaskDefinitions} distinct task definitions`,
  'lambda:ListFunctions': '1 page',
  'lambda:ListAliases': `${FUNCTIONS}`,
  'lambda:ListVersionsByFunction': `${FUNCTIONS}`,
  'lambda:GetFunction': `${FUNCTIONS} × (1 + ${KEEP_REVISIONS}) = ${FUNCTIONS * (1 + KEEP_REVISIONS)}`
}
for (const op of scanOps) console.log(`| ${op} | ${withScan.calls[op] ?? 0} | ${bounds[op]} |`)
console.log(
  `\nThe scan's wall time: ${(withScan.seconds - noScan.seconds).toFixed(2)} s (dry run with it minus without it).`
)
const deleted = Number(real.outputs['deleted-count'] ?? 0)
console.log(
  `\nRead again before deleting: ${real.calls['DescribeImages by IDs'] ?? 0} DescribeImages by IDs for ${deleted} deletions ` +
    `(bound ceil(${deleted}/100) = ${Math.ceil(deleted / 100)}); the deletions themselves: ${real.calls.BatchDeleteImage ?? 0} BatchDeleteImage. ` +
    'Before the re-read (issue 18) the same run made no DescribeImages by IDs.'
)
