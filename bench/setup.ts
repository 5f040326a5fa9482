// What every benchmark starts with: the stand-ins up, their environment, a scratch folder, the machine.
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { availableParallelism, totalmem } from 'node:os'
import { join } from 'node:path'
import { actionNodeVersion } from '../test/fixtures/action-node.js'
import { ROOT, type Context } from './runners.js'
import { BenchError, failure, mustRun, progress, run } from './util.js'

/**
 * Brings the stand-ins up (scripts/test-env.sh up: a benchmark leaves them up, as it found or made them)
 * and returns the context the runners need, the test environment's variables and the machine line.
 */
export async function setUpBench(): Promise<{
  ctx: Context
  testEnv: Record<string, string>
  machineLine: string
}> {
  progress('bringing the stand-ins up (scripts/test-env.sh up)')
  const up = await run(join(ROOT, 'scripts/test-env.sh'), ['up'])
  const testEnv = parseExports(
    (await mustRun('test-env env', join(ROOT, 'scripts/test-env.sh'), ['env'])).stdout
  )
  if (up.code !== 0) {
    // Another checkout's scripts may have started the shared stand-ins differently (this one's `up` then
    // finds their ports taken): used as they are when they answer, never restarted from here.
    if (!(await answering(testEnv))) throw failure('scripts/test-env.sh up', up)
    progress(
      `scripts/test-env.sh up failed, but the running stand-ins answer: using them (${up.stderr.trim().split('\n').at(-1)})`
    )
  }
  const env = { ...cleanEnv(), ...testEnv }
  const ctx: Context = {
    env,
    registry: required(testEnv, 'ECR_TEST_REGISTRY'),
    username: 'AWS',
    password: `${required(testEnv, 'ECR_TEST_ACCOUNT')}-auth-token`,
    ca: required(testEnv, 'NODE_EXTRA_CA_CERTS'),
    work: await mkdtemp('/tmp/ecr-deliver-bench-')
  }
  return { ctx, testEnv, machineLine: await machine(env) }
}

/** Whether the stand-ins a benchmark needs answer: the registry front, its API port and moto. */
async function answering(env: Record<string, string>): Promise<boolean> {
  const urls = [`${env.ECR_TEST_FRONT_URL}/_front/held`, `${env.MOTO_URL}/moto-api/`]
  try {
    const answers = await Promise.all(urls.map(url => fetch(url)))
    return answers.every(answer => answer.status < 500)
  } catch {
    return false
  }
}

/** The machine and tool versions, as one line. */
async function machine(env: NodeJS.ProcessEnv): Promise<string> {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU'
  const version = async (command: string, args: string[]) => {
    const result = await run(command, args, { env })
    return result.code === 0 ? result.stdout.trim() : `${command}: unavailable`
  }
  const node = actionNodeVersion()
  const skopeo = await version('skopeo', ['--version'])
  const docker = await version('docker', [
    'version',
    '--format',
    'client {{.Client.Version}}, engine {{.Server.Version}}'
  ])
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`
  return `**Machine:** ${availableParallelism()} cores (nproc), ${memory}, ${cpu}; the action on node ${node}; ${skopeo}; docker ${docker}.`
}

/** `export K=V` lines of scripts/test-env.sh env. */
function parseExports(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const match of text.matchAll(/^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)) {
    env[match[1] as string] = (match[2] as string).replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1')
  }
  return env
}

/** The caller's environment without anything a runner would set, so nothing leaks into the action. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|RUNNER_|DOCKER_CONFIG$)/.test(name))
  )
}

export function required(env: Record<string, string>, name: string): string {
  const value = env[name]
  if (!value) throw new BenchError(`scripts/test-env.sh env does not set ${name}`)
  return value
}
