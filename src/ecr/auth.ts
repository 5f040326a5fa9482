import * as core from '@actions/core'
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { ActionError, messageOf } from '../common/errors.js'
import { callAws } from './errors.js'
import type { EndpointVariant } from '../common/endpoints.js'
import { registryHostIn, registryHostOf } from './hosts.js'

/** Credentials for one registry, as GetAuthorizationToken hands them out. */
export interface RegistryLogin {
  /**
   * `123456789012.dkr.ecr.eu-west-1.amazonaws.com` (or its dual-stack or FIPS name, as chosen): what image
   * references and docker login use.
   */
  host: string
  /** `https://<host>`: the base of the registry API. */
  endpoint: string
  username: string
  password: string
  /** base64(`username:password`), sent as is in `Authorization: Basic`. */
  token: string
}

/**
 * Fetches registry credentials (for `registryIds`, or the caller's own registry when empty) and
 * registers the token and password as secrets before anything can print them. Throttling is retried by
 * the SDK's adaptive retry mode (awsClientConfig), the one retry layer of AWS calls. GetAuthorizationToken
 * names the IPv4 registry: its host is rewritten to the endpoint variant's (hosts.ts).
 */
export async function getRegistryLogins(
  client: ECRClient,
  registryIds: string[],
  endpoint: EndpointVariant,
  options: { maskPassword?: boolean } = {}
): Promise<[RegistryLogin, ...RegistryLogin[]]> {
  const command = new GetAuthorizationTokenCommand(registryIds.length > 0 ? { registryIds } : {})
  const response = await callAws('GetAuthorizationToken', () => client.send(command))
  const [first, ...rest] = (response.authorizationData ?? []).map(data =>
    decodeAuthorization(data, endpoint, options.maskPassword ?? true)
  )
  if (!first) throw new ActionError('GetAuthorizationToken returned no authorization data')
  return [first, ...rest]
}

function decodeAuthorization(
  data: { authorizationToken?: string; proxyEndpoint?: string },
  endpoint: EndpointVariant,
  maskPassword: boolean
): RegistryLogin {
  if (!data.proxyEndpoint) {
    throw new ActionError('GetAuthorizationToken returned an authorization token without its registry')
  }
  let host: string
  try {
    host = registryHostIn(registryHostOf(data.proxyEndpoint), endpoint)
  } catch (error) {
    throw new ActionError(`GetAuthorizationToken's registry: ${messageOf(error)}`)
  }
  return loginFromToken(data.authorizationToken ?? '', host, maskPassword, 'GetAuthorizationToken')
}

/**
 * A registry login from an authorization token (base64 of `user:password`, private and public ECR alike).
 * The token and the password are registered as secrets before anything can print them; the password
 * stays unmasked only on request (mask-password: false), so the docker-password output can cross jobs.
 */
export function loginFromToken(
  token: string,
  host: string,
  maskPassword: boolean,
  call: string
): RegistryLogin {
  // The token is the password in another encoding and is never output: always masked.
  if (token) core.setSecret(token)
  const decoded = Buffer.from(token, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  if (!token || separator <= 0)
    throw new ActionError(`${call} returned an authorization token that is not username:password`)
  const password = decoded.slice(separator + 1)
  if (maskPassword) core.setSecret(password)
  return { host, endpoint: `https://${host}`, username: decoded.slice(0, separator), password, token }
}
