import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { getRegistryLogins, type RegistryLogin } from '../ecr/auth.js'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import type { EndpointVariant } from '../common/endpoints.js'
import type { DockerCli } from '../docker/cli.js'
import { getPublicLogin } from '../ecr/public.js'
import { State } from './constants.js'

/**
 * Gets credentials for the target registry (registry-id, else the caller's own) and each extra one, and
 * logs docker in to each (unless there is no docker CLI: a daemonless push may run without one),
 * recording each host in state right after its login so the post step logs out of it even when a later
 * step fails. Returns the target registry's login first.
 */
export async function logInToRegistries(
  ecr: ECRClient,
  docker: DockerCli | undefined,
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
  for (const login of logins) if (docker) await dockerLogIn(docker, login)
  return logins
}

/** Hosts each docker CLI (one per run) was logged in to by this step, for the post step's logout. */
const loggedIn = new WeakMap<DockerCli, string[]>()

/** `docker login`, the host recorded in state right away so the post step logs out even after a failure. */
export async function dockerLogIn(docker: DockerCli, login: RegistryLogin): Promise<void> {
  await docker.login(login.host, login.username, login.password)
  const hosts = loggedIn.get(docker) ?? []
  if (!hosts.includes(login.host)) hosts.push(login.host)
  loggedIn.set(docker, hosts)
  core.saveState(State.registries, JSON.stringify(hosts))
}

/** ECR Public: one registry, public.ecr.aws; recorded in state like the others for the post step's logout. */
export async function logInToPublic(
  client: ECRPUBLICClient,
  docker: DockerCli | undefined,
  maskPassword: boolean
): Promise<[RegistryLogin]> {
  const login = await getPublicLogin(client, maskPassword)
  if (docker) await dockerLogIn(docker, login)
  return [login]
}
