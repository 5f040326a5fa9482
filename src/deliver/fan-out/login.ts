import * as core from '@actions/core'
import { InputError } from '../../common/errors.js'
import * as log from '../../common/log.js'
import type { DockerCli } from '../../docker/cli.js'
import { getRegistryLogins } from '../../ecr/auth.js'
import { createEcrClient } from '../../ecr/client.js'
import { accountOfHost } from '../../ecr/hosts.js'
import { Input } from '../constants.js'
import { RegistryClaims, registryKey } from '../destinations.js'
import type { DeliverInputs } from '../inputs.js'
import { dockerLogIn } from '../login.js'
import { eachGoing, type LoggedIn, type Stage } from './state.js'

/**
 * Logs in to each destination (docker too, when there is a docker CLI), one after the other so that each
 * has its log group. Every account is known now: a destination that turns out to be the main registry, or
 * another destination (named by region in the caller's account, or by a FIPS host), is bad input, refused
 * before anything changes.
 */
export async function logInToDestinations(
  inputs: DeliverInputs,
  docker: DockerCli | undefined,
  main: { host: string; region: string }
): Promise<Stage<LoggedIn>[]> {
  const claims = new RegistryClaims(Input.destinations, {
    accountId: accountOfHost(main.host),
    region: main.region
  })
  return eachGoing(
    inputs.destinations.map(destination => ({ destination })),
    'login',
    ({ destination }) =>
      core.group(`Log in to ${destination.label}`, async () => {
        // The destination's own variant: the step's choice for a region, what its name says for a host.
        const ecr = createEcrClient(destination.region, destination)
        const given = destination.accountId ?? inputs.registryId
        const [login] = await getRegistryLogins(ecr, given ? [given] : [], destination, {
          maskPassword: inputs.maskPassword
        })
        const host = destination.host ?? login.host
        // GetAuthorizationToken names a private host, which always carries its account.
        const accountId = given ?? accountOfHost(login.host) ?? ''
        claims.claim(destination.label, registryKey(accountId, destination.region))
        const logged: LoggedIn = {
          destination,
          ecr,
          accountId,
          login: { ...login, host, endpoint: `https://${host}` }
        }
        if (docker) await dockerLogIn(docker, logged.login)
        log.info(`Logged in to ${host}`)
        return logged
      }),
    { oneByOne: true, rethrow: error => error instanceof InputError }
  )
}
