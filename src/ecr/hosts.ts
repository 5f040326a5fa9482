import { partition } from '@aws-sdk/core/client'
import { apiEndpointRefusal } from '../common/endpoint-regions.js'
import { choiceOf, type EndpointVariant } from '../common/endpoints.js'

/**
 * ECR registry host names. Parse the host name itself (never match a regex against a whole URL):
 * a suffix or substring match accepts hosts like `evil.public.ecr.aws.example.com`.
 */

export type RegistryHost =
  | {
      kind: 'private'
      host: string
      accountId: string
      region: string
      fips: boolean
      /** `<acct>.dkr-ecr.<region>.on.aws` and the like: the dual-stack (IPv6) endpoints. */
      dualStack: boolean
      /** The DNS suffix after the region, e.g. `amazonaws.com`, `amazonaws.com.cn`, `on.aws`. */
      domain: string
    }
  | { kind: 'public'; host: string; dualStack: boolean }

// After the ECR credential helper's pattern, which covers every partition ECR runs in.
const PRIVATE_HOST =
  /^(\d{12})\.dkr([.-])ecr(-fips)?\.([a-z0-9][a-z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/

const PUBLIC_HOSTS: Record<string, boolean> = { 'public.ecr.aws': false, 'ecr-public.aws.com': true }

/**
 * Parses `host`, `host:port`, `https://host/...` or `host/repo:tag` into an ECR registry host,
 * or returns undefined when the host is not an ECR registry.
 */
export function parseRegistryHost(value: string): RegistryHost | undefined {
  const hostname = hostnameOf(value)
  if (hostname === undefined) return undefined
  if (hostname in PUBLIC_HOSTS)
    return { kind: 'public', host: hostname, dualStack: PUBLIC_HOSTS[hostname] === true }
  const match = PRIVATE_HOST.exec(hostname)
  if (!match) return undefined
  const [, accountId, separator, fips, region, domain] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string
  ]
  return {
    kind: 'private',
    host: hostname,
    accountId,
    region,
    fips: fips !== undefined,
    dualStack: separator === '-' || domain.startsWith('on.'),
    domain
  }
}

function hostnameOf(value: string): string | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  try {
    const url = new URL(withScheme)
    if (url.username || url.password) return undefined
    return url.hostname.toLowerCase()
  } catch {
    return undefined
  }
}

/** `https://host` → `host`; what docker login and image references use. */
export function registryHostOf(proxyEndpoint: string): string {
  const hostname = hostnameOf(proxyEndpoint)
  if (hostname === undefined) throw new Error(`not a registry endpoint: ${proxyEndpoint}`)
  const url = new URL(/^https?:\/\//i.test(proxyEndpoint) ? proxyEndpoint : `https://${proxyEndpoint}`)
  return url.port ? `${hostname}:${url.port}` : hostname
}

/** The account of a private registry host; undefined for any other host. */
export function accountOfHost(host: string): string | undefined {
  const parsed = parseRegistryHost(host)
  return parsed?.kind === 'private' ? parsed.accountId : undefined
}

/** The dual-stack registry domain of each partition that has one confirmed; others have none. */
const DUAL_STACK_REGISTRY_DOMAINS: Record<string, string> = {
  aws: 'on.aws',
  'aws-us-gov': 'on.aws',
  'aws-cn': 'on.amazonwebservices.com.cn'
}

/**
 * The private registry's host for an endpoint variant, or why there is none: `<acct>.dkr.ecr.<region>.<dns>`,
 * `<acct>.dkr.ecr-fips.<region>.amazonaws.com`, `<acct>.dkr-ecr.<region>.on.aws`,
 * `<acct>.dkr-ecr-fips.<region>.on.aws` (China: `on.amazonwebservices.com.cn`). The registry offers a
 * variant where ECR's API does (common/endpoint-regions.ts).
 */
export function registryHostFor(
  accountId: string,
  region: string,
  variant: EndpointVariant
): { host: string } | { refusal: string } {
  const refusal = registryRefusal(region, variant)
  if (refusal) return { refusal }
  const { name, dnsSuffix } = partition(region)
  const fips = variant.fips ? '-fips' : ''
  if (!variant.dualStack) return { host: `${accountId}.dkr.ecr${fips}.${region}.${dnsSuffix}` }
  return { host: `${accountId}.dkr-ecr${fips}.${region}.${DUAL_STACK_REGISTRY_DOMAINS[name] as string}` }
}

/** Why the private registry has no host for the variant in `region`, or undefined when it has one. */
export function registryRefusal(region: string, variant: EndpointVariant): string | undefined {
  const refusal = apiEndpointRefusal('ECR', region, variant, 'the ECR registry')
  if (refusal || !variant.dualStack) return refusal
  const { name } = partition(region)
  return DUAL_STACK_REGISTRY_DOMAINS[name]
    ? undefined
    : `the ECR registry has no dual-stack host confirmed in ${name} (${region})`
}

/**
 * The login's host (what GetAuthorizationToken names: the IPv4 endpoint) as the variant's registry host;
 * unchanged for the default variant. A port is kept.
 */
export function registryHostIn(loginHost: string, variant: EndpointVariant): string {
  if (!variant.fips && !variant.dualStack) return loginHost
  const parsed = parseRegistryHost(loginHost)
  if (parsed?.kind !== 'private')
    throw new Error(`${loginHost} is not a private ECR registry host: it has no ${choiceOf(variant)} host`)
  const chosen = registryHostFor(parsed.accountId, parsed.region, variant)
  if ('refusal' in chosen) throw new Error(chosen.refusal)
  const port = new URL(`https://${loginHost}`).port
  return port ? `${chosen.host}:${port}` : chosen.host
}
