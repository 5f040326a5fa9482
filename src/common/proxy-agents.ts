import type { ClientRequest } from 'node:http'
import { isIP, type Socket } from 'node:net'
import { checkServerIdentity } from 'node:tls'
import type { AgentConnectOpts } from 'agent-base'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import type { ProxyEndpoint } from './proxy.js'

// The proxy agents (TooTallNate's, with a bound on connecting and refusals said as ProxyErrors) and the
// errors a proxy gives; connections.ts decides which agent a request takes.

/** Codes of a ProxyError besides the socket's own. */
export const PROXY_REFUSED = 'EPROXYREFUSED'
/** The proxy could not reach the target for now (502, 503, 504): worth another try, like a dropped connection. */
export const PROXY_UNAVAILABLE = 'EPROXYUNAVAILABLE'

/**
 * The proxy failed us: unreachable, or it refused the request. Names the proxy (`host:port`) and its
 * variable only: the endpoint itself, which holds the credentials, is not kept (inspecting the error prints
 * its fields).
 */
export class ProxyError extends Error {
  /** The AWS SDK's retry trait: set when the SDK should try again. */
  readonly $retryable?: object

  constructor(
    proxy: ProxyEndpoint,
    /** The socket's code for a connection failure, PROXY_UNAVAILABLE or PROXY_REFUSED for an answer. */
    readonly code: string,
    detail: string,
    options?: { cause?: unknown }
  ) {
    super(`proxy ${proxy.display} (from ${proxy.variable}): ${detail}`, options)
    this.name = 'ProxyError'
    if (code === PROXY_UNAVAILABLE) this.$retryable = {}
  }
}

/**
 * The error for a proxy that answered with a status (407, 403, 502…) instead of carrying the request.
 * 401 counts as a refused password too: tinyproxy answers a wrong one so (RFC 9110 says 407).
 */
export function proxyRefusal(proxy: ProxyEndpoint, status: number, target: string): ProxyError {
  const detail =
    status === 407 || status === 401
      ? proxy.authorization
        ? `refused the credentials in the proxy URL (HTTP ${status})`
        : `requires credentials (HTTP ${status}): put them in the proxy URL, http://user:password@host:port`
      : `answered HTTP ${status} instead of connecting to ${target}`
  const transient = status === 502 || status === 503 || status === 504
  return new ProxyError(proxy, transient ? PROXY_UNAVAILABLE : PROXY_REFUSED, detail)
}

/** What both proxy agents share: their options for the socket to the proxy (the library's own field). */
interface ProxySocketOptions {
  connectOpts: object
}

/**
 * Opens the connection to the proxy within a bound, turning a failure into a ProxyError that keeps the
 * socket's code (so the one retry layer treats it as any dropped connection) and names the proxy, not the
 * target. The library opens its socket synchronously from `connectOpts`: an abort signal put there for that
 * one call lets the bound close a socket nobody else could reach.
 */
async function throughProxy<T extends { destroy(): void }>(
  proxy: ProxyEndpoint,
  agent: ProxySocketOptions,
  timeoutMs: number,
  connect: () => Promise<T>
): Promise<T> {
  const abort = new AbortController()
  const shared = agent.connectOpts
  agent.connectOpts = { ...shared, signal: abort.signal }
  let connecting: Promise<T>
  try {
    connecting = connect()
  } finally {
    agent.connectOpts = shared
  }
  let timedOut = false
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      abort.abort()
      reject(new ProxyError(proxy, 'ETIMEDOUT', `no connection within ${formatMs(timeoutMs)}`))
    }, timeoutMs)
  })
  // A connection that opens after the bound is closed; a failure after it is not left unhandled.
  connecting.then(
    socket => timedOut && socket.destroy(),
    () => {}
  )
  try {
    return await Promise.race([connecting, timeout])
  } catch (error) {
    if (error instanceof ProxyError) throw error
    const code = (error as { code?: string })?.code ?? 'ECONNRESET'
    const reason = error instanceof Error ? error.message : String(error)
    throw new ProxyError(proxy, code, `could not connect: ${reason}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

/** Credentials go as a header, not in the URL: the libraries' debug output prints the URL. */
const proxyHeaders = (endpoint: ProxyEndpoint) =>
  endpoint.authorization ? { 'Proxy-Authorization': endpoint.authorization } : {}

/** https targets: a CONNECT tunnel; a status other than 200 is a refusal, not the target's answer. */
export class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    private readonly endpoint: ProxyEndpoint,
    private readonly timeoutMs: number
  ) {
    super(endpoint.url.href, { keepAlive: true, headers: proxyHeaders(endpoint) })
  }

  override async connect(request: ClientRequest, options: AgentConnectOpts): Promise<Socket> {
    let status: number | undefined
    request.once('proxyConnect', (answer: { statusCode?: number }) => (status = answer.statusCode))
    const tls = tunnelTlsOptions(options)
    const socket = await throughProxy(this.endpoint, this, this.timeoutMs, () => super.connect(request, tls))
    if (status !== undefined && status !== 200) {
      socket.destroy()
      throw proxyRefusal(this.endpoint, status, `${options.host}:${options.port}`)
    }
    return socket
  }
}

/**
 * The TLS options for the connection through a tunnel. For a target named by IP address the library drops
 * the host (an IP is no SNI name), and node would then check the certificate against `localhost`: check
 * it against the address instead.
 */
export function tunnelTlsOptions(
  options: AgentConnectOpts
): AgentConnectOpts & { checkServerIdentity?: typeof checkServerIdentity } {
  const host = options.host
  if (!options.secureEndpoint || !host || !isIP(host)) return options
  return { ...options, checkServerIdentity: (_name: string, cert) => checkServerIdentity(host, cert) }
}

/** http targets: absolute-URI requests to the proxy, as curl sends them. */
export class ForwardAgent extends HttpProxyAgent<string> {
  constructor(
    private readonly endpoint: ProxyEndpoint,
    private readonly timeoutMs: number
  ) {
    super(endpoint.url.href, { keepAlive: true, headers: proxyHeaders(endpoint) })
  }

  override connect(
    request: Parameters<HttpProxyAgent<string>['connect']>[0],
    options: AgentConnectOpts
  ): Promise<Socket> {
    return throughProxy(this.endpoint, this, this.timeoutMs, () => super.connect(request, options))
  }
}
