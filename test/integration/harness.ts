/**
 * Runs a bundled action the way the runner does: `node dist/...` with INPUT_* variables (action.yml
 * defaults applied), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, and STATE_* for the post
 * step. Checks use independent clients: skopeo for the registry, the AWS SDK for moto's ECR API.
 */
import { expect } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { ACTION_NODE } from '../fixtures/action-node.js'
import { callEcrJsonApi } from '../fixtures/ecr-json-api.js'

const execFileAsync = promisify(execFile)
export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..')

/** The variables scripts/test-env.sh wrote for the running stand-ins. */
export function loadTestEnv(): Record<string, string> {
  const dir = process.env.ECR_TEST_DIR ?? '/tmp/ecr-deliver-test-env'
  const file = join(dir, 'env.sh')
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: bring the stand-ins up first with scripts/test-env.sh up`)
  }
  const env: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim())
    if (match) env[match[1] as string] = (match[2] as string).replace(/^['"]|['"]$/g, '')
  }
  return env
}

export const testEnv = loadTestEnv()
export const REGISTRY = testEnv.ECR_TEST_REGISTRY as string
export const PASSWORD = `${testEnv.ECR_TEST_ACCOUNT}-auth-token`
export const FAKE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

/** A repository name no other test uses. */
export function uniqueRepository(prefix = 'it'): string {
  return `${prefix}/${randomBytes(4).toString('hex')}`
}

/** action.yml's input defaults, with `${{ github.sha }}` filled in as the runner would. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const spec = parseYaml(readFileSync(join(ROOT, actionYml), 'utf8')) as {
    inputs?: Record<string, { default?: string }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(spec.inputs ?? {})) {
    if (input.default !== undefined)
      defaults[name] = String(input.default).replace('${{ github.sha }}', FAKE_SHA)
  }
  return defaults
}

export interface StepResult {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** The `::error::` lines, without the prefix. */
  errors: string[]
  warnings: string[]
}

export interface StepOptions {
  inputs?: Record<string, string>
  /** Replaces or (with undefined) removes variables of the test environment. */
  env?: Record<string, string | undefined>
  state?: Record<string, string>
  /** The docker config folder (login credentials); one per test keeps logins apart. */
  dockerConfig: string
}

/** Runs `dist/<entry>` as the runner runs an action step, on the Node action.yml declares. */
export async function runStep(actionYml: string, entry: string, options: StepOptions): Promise<StepResult> {
  const work = mkdtempSync(join(tmpdir(), 'ecr-step-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' }
  for (const name of Object.values(files)) writeFileSync(join(work, name), '')

  const inputs = { ...actionDefaults(actionYml), ...options.inputs }
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...testEnv,
    DOCKER_CONFIG: options.dockerConfig,
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: FAKE_SHA,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: work,
    ...Object.fromEntries(Object.entries(files).map(([name, file]) => [name, join(work, file)])),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    ),
    ...Object.fromEntries(
      Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value])
    ),
    ...options.env
  }
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined)
  ) as Record<string, string>
  const { exitCode, stdout, stderr } = await execFileAsync(ACTION_NODE, [join(ROOT, entry)], {
    env: cleanEnv,
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024
  }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
    (failed: { code?: number; stdout?: string; stderr?: string }) => ({
      exitCode: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? ''
    })
  )
  const commandLines = (prefix: string) =>
    stdout
      .split('\n')
      .filter(line => line.startsWith(prefix))
      .map(line => line.slice(prefix.length))
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(join(work, 'output'), 'utf8')),
    state: parseFileCommands(readFileSync(join(work, 'state'), 'utf8')),
    summary: readFileSync(join(work, 'summary'), 'utf8'),
    errors: commandLines('::error::'),
    warnings: commandLines('::warning::')
  }
}

/** The `name<<delimiter` format @actions/core writes to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] as string)
    if (!match) continue
    const [, name, delimiter] = match as unknown as [string, string, string]
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string)
    values[name] = value.join('\n')
  }
  return values
}

export async function run(command: string, args: string[], env: Record<string, string> = {}) {
  return execFileAsync(command, args, {
    env: { ...process.env, ...testEnv, ...env },
    maxBuffer: 64 * 1024 * 1024
  })
}

/** Builds a tiny image in the test engine (FROM scratch: no container runs). */
export async function buildImage(tag: string, content: string): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'ecr-build-'))
  writeFileSync(join(context, 'payload.txt'), content)
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY payload.txt /\n')
  await run('docker', ['build', '-q', '-t', tag, context], { DOCKER_BUILDKIT: '0' })
  const { stdout } = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', tag])
  return stdout.trim()
}

/** The manifest digest of a reference as skopeo reads it, or undefined when it does not exist. */
export async function skopeoDigest(reference: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('skopeo', [
      'inspect',
      '--format',
      '{{.Digest}}',
      '--creds',
      `AWS:${PASSWORD}`,
      `docker://${reference}`
    ])
    return stdout.trim()
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? error)
    if (/manifest unknown|not found|name unknown/i.test(message)) return undefined
    throw error
  }
}

/**
 * Calls moto's ECR API with plain JSON over HTTP (the AWS JSON 1.1 protocol): a client independent of
 * the action's SDK code.
 */
export async function ecrApi<T = Record<string, unknown>>(operation: string, body: object): Promise<T> {
  return callEcrJsonApi<T>(
    testEnv.AWS_ENDPOINT_URL_ECR as string,
    testEnv.AWS_REGION as string,
    operation,
    body
  )
}

/** The config digest a reference points at: the image ID docker gave the image it pushed. */
export async function skopeoConfigDigest(reference: string): Promise<string> {
  const { stdout } = await execFileAsync(
    'skopeo',
    ['inspect', '--config', '--raw', '--creds', `AWS:${PASSWORD}`, `docker://${reference}`],
    { env: { ...process.env, ...testEnv }, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
  )
  return `sha256:${createHash('sha256').update(stdout).digest('hex')}`
}

export function newDockerConfig(): string {
  return mkdtempSync(join(tmpdir(), 'ecr-docker-config-'))
}

// ------------------------------------------------------------------ the registry front (scripts/registry-front.mjs)

const FRONT = testEnv.ECR_TEST_FRONT_URL as string

export interface FaultRule {
  repository: string
  /** The region whose registry misbehaves (scripts/test-env.sh runs three); the main one by default. */
  region?: string
  method?: string
  /** manifest | blob | upload | tags, or api:<Operation> for an ECR API call (delay or status only) */
  kind?: string
  action:
    | { type: 'status'; status: number; retryAfter?: number; code?: string; message?: string }
    | { type: 'reset'; afterBytes?: number }
    | { type: 'stall' }
    | { type: 'delay'; ms: number }
    | { type: 'hold' }
  /** How many matching requests get the fault (default: every one). */
  times?: number
}

export interface SeenRequest {
  method: string
  kind: string
  path: string
  status?: number
  fault?: string
}

/** Makes the front misbehave for one repository's requests, as the rule says; the rule's id. */
export async function addFault(rule: FaultRule): Promise<number> {
  const response = await fetch(`${FRONT}/_front/faults`, { method: 'POST', body: JSON.stringify(rule) })
  if (!response.ok) throw new Error(`adding a fault: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { id: number }).id
}

/**
 * Holds the next matching request in the front until `release` is called: how a test orders events
 * (something changes while the action waits on that request) without timing them.
 */
export async function holdNext(rule: Omit<FaultRule, 'action'>): Promise<{
  /** Resolves once `count` of the action's requests are being held (polled, bounded). */
  reached: (count?: number) => Promise<void>
  release: () => Promise<void>
}> {
  const id = await addFault({ times: 1, ...rule, action: { type: 'hold' } })
  return {
    reached: (count = 1) =>
      pollUntil(`${count} request(s) held by fault ${id}`, async () => {
        const held = (await (await fetch(`${FRONT}/_front/held`)).json()) as { fault: number }[]
        return held.filter(h => h.fault === id).length >= count
      }),
    release: async () => {
      await fetch(`${FRONT}/_front/release?fault=${id}`, { method: 'POST' })
    }
  }
}

/** Polls a condition every 50 ms until it holds, failing after `boundMs`. */
export async function pollUntil(
  what: string,
  condition: () => Promise<boolean>,
  boundMs = 60_000
): Promise<void> {
  const deadline = Date.now() + boundMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${boundMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Sets what the ECR stand-in records of an image (lastArchivedAt, lastRecordedPullTime: epoch seconds). */
export async function setImageState(
  repository: string,
  digest: string,
  state: { lastArchivedAt?: number; lastPulledAt?: number },
  region?: string
): Promise<void> {
  const response = await fetch(`${FRONT}/_front/image-state`, {
    method: 'POST',
    body: JSON.stringify({ repository, digest, region, ...state })
  })
  if (!response.ok) throw new Error(`setting image state: ${response.status} ${await response.text()}`)
}

/** Clears a repository's faults: in one region's registry, or in every region's. */
export async function clearFaults(repository: string, region?: string): Promise<void> {
  const query = `repository=${encodeURIComponent(repository)}${region ? `&region=${encodeURIComponent(region)}` : ''}`
  await fetch(`${FRONT}/_front/faults?${query}`, { method: 'DELETE' })
}

/** Every request a region's registry (the main one by default) received for a repository, in order. */
export async function requestsOf(repository: string, region?: string): Promise<SeenRequest[]> {
  const query = `repository=${encodeURIComponent(repository)}${region ? `&region=${encodeURIComponent(region)}` : ''}`
  const response = await fetch(`${FRONT}/_front/requests?${query}`)
  return (await response.json()) as SeenRequest[]
}

/** The tags a repository has, as skopeo lists them. */
export async function skopeoTags(repositoryUri: string): Promise<string[]> {
  const { stdout } = await run('skopeo', [
    'list-tags',
    '--creds',
    `AWS:${PASSWORD}`,
    `docker://${repositoryUri}`
  ])
  return ((JSON.parse(stdout) as { Tags?: string[] }).Tags ?? []).sort()
}

/** A manifest's exact bytes, as skopeo reads them. */
export async function skopeoRaw(reference: string): Promise<Buffer> {
  const { stdout } = await run('skopeo', [
    'inspect',
    '--raw',
    '--creds',
    `AWS:${PASSWORD}`,
    `docker://${reference}`
  ])
  return Buffer.from(stdout)
}

async function rawManifest(reference: string): Promise<{
  config?: { digest: string }
  layers?: { digest: string }[]
  manifests?: { digest: string }[]
}> {
  return JSON.parse((await skopeoRaw(reference)).toString())
}

async function blobStatus(repositoryUri: string, digest: string): Promise<string> {
  const [host, ...path] = repositoryUri.split('/')
  const { stdout } = await run('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '-I',
    '--noproxy',
    '*',
    '--cacert',
    `${testEnv.ECR_TEST_DIR}/certs/ca.crt`,
    '-u',
    `AWS:${PASSWORD}`,
    `https://${host}/v2/${path.join('/')}/blobs/${digest}`
  ])
  return stdout.trim()
}

/**
 * Proves, with independent clients, that a repository is whole: every tag's manifest resolves (skopeo)
 * and every blob it references, children of an index included, answers a HEAD. Returns the tags'
 * digests.
 */
export async function expectWholeRepository(
  repositoryUri: string,
  tags: string[]
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {}
  const missing: string[] = []
  const checkManifest = async (reference: string): Promise<void> => {
    const manifest = await rawManifest(reference)
    for (const child of manifest.manifests ?? []) await checkManifest(`${repositoryUri}@${child.digest}`)
    for (const blob of [manifest.config, ...(manifest.layers ?? [])].filter(Boolean) as {
      digest: string
    }[]) {
      const status = await blobStatus(repositoryUri, blob.digest)
      if (status !== '200') missing.push(`${reference}: blob ${blob.digest} answered ${status}`)
    }
  }
  for (const tag of tags) {
    const digest = await skopeoDigest(`${repositoryUri}:${tag}`)
    if (!digest) {
      missing.push(`tag ${tag} is missing`)
      continue
    }
    digests[tag] = digest
    await checkManifest(`${repositoryUri}:${tag}`)
  }
  if (missing.length > 0) throw new Error(`${repositoryUri} is not whole:\n${missing.join('\n')}`)
  return digests
}

/** The value appears in no output of the step but the `::add-mask::` commands that hide it. */
export function expectPrintedNowhere(result: StepResult, secret: string): void {
  const forms = [secret, encodeURIComponent(secret)]
  const printed = [
    ...result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::')),
    result.stderr
  ]
  for (const form of forms) {
    expect(printed.join('\n')).not.toContain(form)
    expect(result.summary).not.toContain(form)
    expect(JSON.stringify(result.outputs)).not.toContain(form)
    expect(JSON.stringify(result.state)).not.toContain(form)
  }
  expect(result.stdout).toContain(`::add-mask::${secret}`)
}
