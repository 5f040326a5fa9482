import * as core from '@actions/core'
import { Agent as HttpAgent, type ClientRequest } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { isIP, type Socket } from 'node:net'
import { checkServerIdentity } from 'node:tls'
import type { Agent as AgentBase, AgentConnectOpts } from 'agent-base'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { proxyFor, readProxySettings, type ProxyEndpoint, type ProxySettings } from './proxy.js'

/**
 * Where every connection of the suite comes from: the registry client's transport asks `agentFor(url)`,
 * the AWS SDK clients get `sdkRequestHandler()`. Both decide by the same proxy settings, read once from
 * the environment (masking the proxy's password before anything is printed).
 *
 * Both the registry client and the SDK speak node:http(s), so one family of agents serves both: direct
 * keep-alive agents, and TooTallNate's proxy agents (CONNECT tunnels for https targets, absolute-URI
 * requests for http ones), which work alike on Node 20 and 24. undici's proxy agents would serve only
 * fetch, which nothing here uses.
 */

/**
 * A connection to the proxy that has not opened (for a tunnel: that the proxy has not answered CONNECT on)
 * in this long fails. Node bounds neither: a request's own timeout starts only once it has a socket.
 */
const PROXY_CONNECT_TIMEOUT_MS = 30_000

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

let current: Connections | undefined

/**
 * The connections of this process, from its environment. The first call reads and checks the proxy
 * variables and masks their secrets: `runAction` makes it before the action prints anything.
 */
export function connections(): Connections {
  current ??= new Connections(readProxySettings(process.env), secret => core.setSecret(secret))
  return current
}

export class Connections {
  private readonly direct = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true })
  }
  private readonly viaProxy = new Map<string, AgentBase>()

  constructor(
    readonly settings: ProxySettings,
    mask: (secret: string) => void,
    private readonly connectTimeoutMs = PROXY_CONNECT_TIMEOUT_MS
  ) {
    for (const proxy of Object.values(settings.proxies)) for (const secret of proxy.secrets) mask(secret)
  }

  /** Whether any proxy variable is set (when none is, the SDK keeps its own default handler). */
  get proxied(): boolean {
    return Object.keys(this.settings.proxies).length > 0
  }

  /** The proxy a request to this URL goes through, if any. */
  proxyFor(target: URL): ProxyEndpoint | undefined {
    return proxyFor(this.settings, target)
  }

  /** The agent for a URL: a proxy's (one per proxy and scheme, kept alive) or a direct keep-alive one. */
  agentFor(target: URL): HttpAgent {
    const scheme = target.protocol === 'https:' ? 'https:' : 'http:'
    const proxy = this.proxyFor(target)
    if (!proxy) return this.direct[scheme]
    const key = `${scheme}${proxy.variable}`
    let agent = this.viaProxy.get(key)
    if (!agent) {
      agent =
        scheme === 'https:'
          ? new TunnelAgent(proxy, this.connectTimeoutMs)
          : new ForwardAgent(proxy, this.connectTimeoutMs)
      this.viaProxy.set(key, agent)
    }
    return agent
  }

  /** The request handler every AWS SDK client shares, or undefined to keep the SDK's own. */
  sdkRequestHandler(): NodeHttpHandler | undefined {
    if (!this.proxied) return undefined
    // The SDK takes one agent per scheme; these pick per request, by the same decision as agentFor.
    return new ProxyAwareHttpHandler(this, {
      httpAgent: routingAgent(HttpAgent, this, 'http:'),
      httpsAgent: routingAgent(HttpsAgent, this, 'https:')
    })
  }
}

/** What node:http hands an agent with each request (host and port are always set by then). */
interface RequestOptions {
  host?: string | null
  port?: number | string | null
}

/** The URL a request goes to, from the options node:http hands its agent. */
function targetOf(options: RequestOptions, scheme: 'http:' | 'https:'): URL {
  const host = options.host ?? 'localhost'
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return new URL(`${scheme}//${bracketed}${options.port ? `:${options.port}` : ''}`)
}

/**
 * For the SDK: an agent of the right scheme (node:http checks its protocol and takes its default port) that
 * hands each request, synchronously as node:http itself would, to the agent `agentFor` picks. Synchronous
 * matters: a forward proxy's agent rewrites the request line and adds Proxy-Authorization before the
 * headers are written; handed over later, a request on a reused connection would go out unchanged.
 */
function routingAgent<A extends typeof HttpAgent | typeof HttpsAgent>(
  base: A,
  routes: Connections,
  scheme: 'http:' | 'https:'
): InstanceType<A> {
  const Routing = class extends (base as typeof HttpAgent) {
    addRequest(request: ClientRequest, options: RequestOptions): void {
      const agent = routes.agentFor(targetOf(options, scheme)) as HttpAgent & {
        addRequest(request: ClientRequest, options: object): void
      }
      agent.addRequest(request, { ...options, secureEndpoint: scheme === 'https:' })
    }
  }
  return new Routing() as InstanceType<A>
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
class TunnelAgent extends HttpsProxyAgent<string> {
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
class ForwardAgent extends HttpProxyAgent<string> {
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

/**
 * A forward proxy's refusal arrives as the answer to the request itself: 407, or 401 with a challenge
 * (AWS APIs never send WWW-Authenticate; tinyproxy answers a wrong password so). The SDK gets a ProxyError.
 * Only for http targets: through a tunnel the proxy refuses the CONNECT (TunnelAgent), and an answer on
 * the request is the endpoint's own.
 */
class ProxyAwareHttpHandler extends NodeHttpHandler {
  constructor(
    private readonly routes: Connections,
    options: ConstructorParameters<typeof NodeHttpHandler>[0]
  ) {
    super(options)
  }

  override async handle(...args: Parameters<NodeHttpHandler['handle']>) {
    const [request] = args
    const answer = await super.handle(...args)
    const { statusCode, headers } = answer.response
    const refused = statusCode === 407 || (statusCode === 401 && 'www-authenticate' in headers)
    if (refused && request.protocol === 'http:') {
      const port = request.port ? `:${request.port}` : ''
      const target = new URL(`${request.protocol}//${request.hostname}${port}`)
      const proxy = this.routes.proxyFor(target)
      if (proxy) {
        ;(answer.response.body as { destroy?: () => void } | undefined)?.destroy?.()
        throw proxyRefusal(proxy, statusCode, target.host)
      }
    }
    return answer
  }
}
