import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { getRegistryLogins, type RegistryLogin } from '../ecr/auth.js'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import type { EndpointVariant } from '../common/endpoints.js'
import * as log from '../common/log.js'
import type { DockerCli } from '../docker/cli.js'
import { getPublicLogin } from '../ecr/public.js'
import { State } from './constants.js'

/**
 * Credentials for the target registry (registry-id, else the caller's own) and each extra one, the target
 * registry's first, each host once. Only reads: asked for at once, beside the payload's check.
 */
export async function getLogins(
  ecr: ECRClient,
  target: { registryId?: string; registries: string[]; maskPassword: boolean; endpoint: EndpointVariant }
): Promise<[RegistryLogin, ...RegistryLogin[]]> {
  const options = { maskPassword: target.maskPassword }
  const [first, ...others] = await getRegistryLogins(
    ecr,
    target.registryId ? [target.registryId] : [],
    target.endpoint,
    options
  )
  const extraIds = target.registries.filter(id => id !== target.registryId)
  const extra = extraIds.length > 0 ? await getRegistryLogins(ecr, extraIds, target.endpoint, options) : []

  const logins: [RegistryLogin, ...RegistryLogin[]] = [first]
  for (const login of [...others, ...extra]) {
    if (logins.some(known => known.host === login.host)) continue
    logins.push(login)
  }
  return logins
}

/** ECR Public: one registry, public.ecr.aws. */
export async function getPublicLogins(
  client: ECRPUBLICClient,
  maskPassword: boolean
): Promise<[RegistryLogin]> {
  return [await getPublicLogin(client, maskPassword)]
}

/**
 * `docker login` to each registry, one after the other, each host recorded in state right after its login
 * so the post step logs out of it even when a later one fails. Lines go through `print` (log.info unless
 * the login runs beside other work: see startDockerLogins).
 */
export async function logInDocker(
  docker: DockerCli,
  logins: RegistryLogin[],
  print: (line: string) => void = log.info
): Promise<void> {
  for (const login of logins) await dockerLogIn(docker, login, print)
}

/** Hosts each docker CLI (one per run) was logged in to by this step, for the post step's logout. */
const loggedIn = new WeakMap<DockerCli, string[]>()

/** `docker login`, the host recorded in state right away so the post step logs out even after a failure. */
export async function dockerLogIn(
  docker: DockerCli,
  login: RegistryLogin,
  print: (line: string) => void = log.info
): Promise<void> {
  await docker.login(login.host, login.username, login.password, print)
  const hosts = loggedIn.get(docker) ?? []
  if (!hosts.includes(login.host)) hosts.push(login.host)
  loggedIn.set(docker, hosts)
  core.saveState(State.registries, JSON.stringify(hosts))
}

/** docker logins running beside the push: `finish` prints what they printed and says how they ended. */
export interface DockerLogins {
  /** Settles once every login ended (never rejects): the docker path's push waits for it. */
  done: Promise<void>
  /** Prints the logins' lines in their own group; throws the failure, if any. */
  finish(): Promise<void>
}

/**
 * The main registry's `docker login`, off the push's path: a daemonless push (a layout, an archive, the
 * engine's image exported) never uses it, and later steps find the engine logged in once the step has
 * ended, as before. Its lines are held while it runs (log groups cannot interleave) and printed in a
 * group of their own by `finish`; a failure fails the step there. Without a docker CLI there is nothing
 * to do.
 */
export function startDockerLogins(docker: DockerCli | undefined, logins: RegistryLogin[]): DockerLogins {
  const lines: string[] = []
  const running = docker ? logInDocker(docker, logins, line => void lines.push(line)) : Promise.resolve()
  const settled = running.then(
    () => undefined,
    (error: unknown) => ({ error })
  )
  return {
    done: settled.then(() => undefined),
    async finish() {
      const failure = await settled
      if (docker) {
        const hosts = logins.map(login => login.host).join(', ')
        await core.group(`docker login ${hosts}`, async () => lines.forEach(line => log.info(line)))
      }
      if (failure) throw failure.error
    }
  }
}
