import { BlockList, isIP } from 'node:net'

/**
 * Which proxy a URL goes through, decided from HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl reads them.
 * Pure: the environment comes in as a value, nothing is printed or masked here (connections.ts does that).
 *
 * Why not proxy-from-env: it reads process.env only, cannot say which variable a proxy came from (our
 * errors name it), treats a NO_PROXY entry `example.com` as that host alone where curl, Go and Python
 * also match its subdomains, and has no CIDR entries.
 */

/** The variables, lowercase first: when both spellings are set the lowercase one wins, as in curl. */
const VARIABLES = {
  'https:': ['https_proxy', 'HTTPS_PROXY'],
  'http:': ['http_proxy', 'HTTP_PROXY']
} as const
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'] as const

/** A proxy as a variable names it. */
export interface ProxyEndpoint {
  /** Scheme, host and port: no credentials, so it can be printed and handed to libraries that log it. */
  url: URL
  /** `host:port`, for messages. */
  display: string
  /** The variable it came from, as spelled in the environment (`https_proxy`, `HTTPS_PROXY`, …). */
  variable: string
  /** `Basic <base64>` when the URL carries credentials. */
  authorization?: string
  /** What must be masked in the log: the password as written, decoded, and the Basic token. */
  secrets: string[]
}

/** One NO_PROXY entry. */
export type NoProxyRule =
  | { kind: 'all' }
  | { kind: 'domain'; domain: string; port?: number }
  | { kind: 'ip'; addresses: BlockList; port?: number }

export interface ProxySettings {
  /** By the scheme of the target URL. */
  proxies: Partial<Record<'https:' | 'http:', ProxyEndpoint>>
  noProxy: NoProxyRule[]
}

/** A proxy variable that cannot be used, named with the rule it breaks. */
export class ProxyConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string
  ) {
    super(`Environment variable ${variable}: ${rule}`)
    this.name = 'ProxyConfigError'
  }
}

type Environment = Record<string, string | undefined>

/** Pure: reads the proxy variables of an environment. Throws a ProxyConfigError for one it cannot use. */
export function readProxySettings(env: Environment): ProxySettings {
  const proxies: ProxySettings['proxies'] = {}
  for (const [scheme, names] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, readonly string[]][]) {
    const variable = names.find(name => env[name]?.trim())
    if (variable) proxies[scheme] = parseProxyUrl(variable, (env[variable] as string).trim())
  }
  const noProxyVariable = NO_PROXY_VARIABLES.find(name => env[name]?.trim())
  return { proxies, noProxy: noProxyVariable ? parseNoProxy(env[noProxyVariable] as string) : [] }
}

/** Pure: a proxy URL; without a scheme it is `http://`, as curl reads it. */
export function parseProxyUrl(variable: string, value: string): ProxyEndpoint {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
  } catch {
    // Not the value: it may hold a password.
    throw new ProxyConfigError(variable, 'is not a URL (expected http://[user:password@]host:port)')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyConfigError(
      variable,
      `the scheme ${url.protocol.slice(0, 16)}// is not supported: use an http:// or https:// proxy`
    )
  if (!url.hostname) throw new ProxyConfigError(variable, 'names no host')
  const username = decodeComponent(variable, url.username)
  const password = decodeComponent(variable, url.password)
  const secrets = [url.password, password].filter(Boolean)
  let authorization: string | undefined
  if (url.username || url.password) {
    authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    secrets.push(authorization.slice('Basic '.length))
  }
  const bare = new URL(`${url.protocol}//${url.host}`)
  const port = bare.port || (bare.protocol === 'https:' ? '443' : '80')
  return {
    url: bare,
    display: `${bare.hostname}:${port}`,
    variable,
    ...(authorization ? { authorization } : {}),
    secrets: [...new Set(secrets)]
  }
}

function decodeComponent(variable: string, value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new ProxyConfigError(variable, 'the credentials in the URL are not valid percent-encoding')
  }
}

/**
 * Pure: NO_PROXY entries, separated by commas or spaces: `*` (everything), a host (itself and its
 * subdomains), `.suffix` or `*.suffix` (the same: the leading dot or star is dropped, as curl does), an IP
 * address or CIDR block (v4 or v6, v6 bracketed when a port follows), each with an optional `:port`.
 */
export function parseNoProxy(value: string): NoProxyRule[] {
  const rules: NoProxyRule[] = []
  for (const raw of value.toLowerCase().split(/[\s,]+/)) {
    if (!raw) continue
    if (raw === '*') {
      rules.push({ kind: 'all' })
      continue
    }
    const { host, port } = splitPort(raw)
    // An entry whose port is out of range matches nothing, rather than every port.
    if (Number.isNaN(port)) continue
    const ip = ipRule(host)
    if (ip) rules.push({ kind: 'ip', addresses: ip, ...(port ? { port } : {}) })
    else {
      const domain = host.replace(/^\*?\.+/, '').replace(/\.$/, '')
      if (domain) rules.push({ kind: 'domain', domain, ...(port ? { port } : {}) })
    }
  }
  return rules
}

/** `[v6]:port`, `host:port`, or no port (a bare IPv6 address has several colons and no port); NaN for a bad port. */
function splitPort(entry: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { host: bracketed[1] as string, ...portOf(bracketed[2]) }
  const withPort = /^([^:]+):(\d+)$/.exec(entry)
  if (withPort) return { host: withPort[1] as string, ...portOf(withPort[2]) }
  return { host: entry }
}

/** No port, a port, or NaN for one out of range. */
function portOf(text: string | undefined): { port?: number } {
  if (text === undefined) return {}
  const port = Number(text)
  return { port: port > 0 && port < 65536 ? port : NaN }
}

/** An address or a CIDR block as a BlockList, or undefined when the entry is a host name. */
function ipRule(host: string): BlockList | undefined {
  const [address, prefix, extra] = host.split('/')
  const family = isIP(address ?? '')
  if (!family || extra !== undefined) return undefined
  const type = family === 4 ? 'ipv4' : 'ipv6'
  const list = new BlockList()
  if (prefix === undefined) {
    list.addAddress(address as string, type)
    return list
  }
  const bits = Number(prefix)
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return undefined
  list.addSubnet(address as string, bits, type)
  return list
}

/** Pure: whether NO_PROXY sends a request to this host and port direct. Host names are not resolved. */
export function bypassesProxy(rules: NoProxyRule[], hostname: string, port: number): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  const family = isIP(host)
  return rules.some(rule => {
    if (rule.kind === 'all') return true
    if (rule.port !== undefined && rule.port !== port) return false
    if (rule.kind === 'ip') return family !== 0 && rule.addresses.check(host, family === 4 ? 'ipv4' : 'ipv6')
    return family === 0 && (host === rule.domain || host.endsWith(`.${rule.domain}`))
  })
}

/** Pure: the proxy a request to `target` goes through, or undefined for a direct connection. */
export function proxyFor(settings: ProxySettings, target: URL): ProxyEndpoint | undefined {
  const proxy = settings.proxies[target.protocol as 'https:' | 'http:']
  if (!proxy) return undefined
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80)
  return bypassesProxy(settings.noProxy, target.hostname, port) ? undefined : proxy
}
