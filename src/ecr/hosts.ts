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
