/**
 * Runs a bundled action the way the runner does: `node dist/...` with INPUT_* variables (action.yml
 * defaults applied), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, and STATE_* for the post
 * step. Checks use independent clients: skopeo for the registry, the AWS SDK for moto's ECR API.
 */
import { expect } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ACTION_NODE } from '../fixtures/action-node.js'
import { callEcrJsonApi } from '../fixtures/ecr-json-api.js'
import { FAKE_SHA, ROOT, execFileAsync, run, testEnv } from './env.js'

export * from './env.js'
export * from './front.js'
export * from './skopeo.js'

/** A repository name no other test uses. */
export function uniqueRepository(prefix = 'it'): string {
  return `${prefix}/${randomBytes(4).toString('hex')}`
}

interface ActionSpec {
  inputs?: Record<string, { default?: string }>
  outputs?: Record<string, unknown>
}

const actionSpec = (actionYml: string) => parseYaml(readFileSync(join(ROOT, actionYml), 'utf8')) as ActionSpec

/** action.yml's input defaults, with `${{ github.sha }}` filled in as the runner would. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(actionSpec(actionYml).inputs ?? {})) {
    if (input.default !== undefined)
      defaults[name] = String(input.default).replace('${{ github.sha }}', FAKE_SHA)
  }
  return defaults
}

/** The outputs action.yml declares. */
export function declaredOutputs(actionYml: string): string[] {
  return Object.keys(actionSpec(actionYml).outputs ?? {}).sort()
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
  const outputs = parseFileCommands(readFileSync(join(work, 'output'), 'utf8'))
  // Every run of every test holds the action to its action.yml: an output it does not declare fails it.
  const undeclared = Object.keys(outputs).filter(name => !declaredOutputs(actionYml).includes(name))
  if (undeclared.length > 0)
    throw new Error(`${entry} wrote outputs ${actionYml} does not declare: ${undeclared.join(', ')}`)
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
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

/** Builds a tiny image in the test engine (FROM scratch: no container runs). */
export async function buildImage(tag: string, content: string): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'ecr-build-'))
  writeFileSync(join(context, 'payload.txt'), content)
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY payload.txt /\n')
  await run('docker', ['build', '-q', '-t', tag, context], { DOCKER_BUILDKIT: '0' })
  const { stdout } = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', tag])
  return stdout.trim()
}

/**
 * Calls moto's ECR API with plain JSON over HTTP (the AWS JSON 1.1 protocol): a client independent of
 * the action's SDK code.
 */
export async function ecrApi<T = Record<string, unknown>>(
  operation: string,
  body: object,
  region = testEnv.AWS_REGION as string
): Promise<T> {
  return callEcrJsonApi<T>(testEnv.AWS_ENDPOINT_URL_ECR as string, region, operation, body)
}

/**
 * A repository as the ECR API describes it, or undefined when the API says it does not exist
 * (RepositoryNotFoundException); any other failure is thrown, never taken for "not there".
 */
export async function describeRepository(
  name: string,
  region?: string
): Promise<(Record<string, unknown> & { repositoryArn: string }) | undefined> {
  try {
    const { repositories } = await ecrApi<{
      repositories: (Record<string, unknown> & { repositoryArn: string })[]
    }>('DescribeRepositories', { repositoryNames: [name] }, region)
    return repositories[0]
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return undefined
    throw error
  }
}

export function newDockerConfig(): string {
  return mkdtempSync(join(tmpdir(), 'ecr-docker-config-'))
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
