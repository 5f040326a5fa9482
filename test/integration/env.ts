/**
 * The running stand-ins as scripts/test-env.sh describes them (its env.sh), and a way to run the tools the
 * checks use (skopeo, docker, curl) against them.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

export const execFileAsync = promisify(execFile)
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
/** ECR Public's stand-in: its host, its alias, and the password its GetAuthorizationToken gives. */
export const PUBLIC_REGISTRY = testEnv.ECR_TEST_PUBLIC_REGISTRY as string
export const PUBLIC_ALIAS = testEnv.ECR_TEST_PUBLIC_ALIAS as string
export const PUBLIC_PASSWORD = `${testEnv.ECR_TEST_ACCOUNT}-public-token`
/** skopeo's credentials for a reference: ECR Public is read anonymously, as anyone may. */
export const skopeoCreds = (reference: string): string[] =>
  reference.startsWith(`${PUBLIC_REGISTRY}/`) ? ['--no-creds'] : ['--creds', `AWS:${PASSWORD}`]
export const FAKE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

export async function run(command: string, args: string[], env: Record<string, string> = {}) {
  return execFileAsync(command, args, {
    env: { ...process.env, ...testEnv, ...env },
    maxBuffer: 64 * 1024 * 1024
  })
}
