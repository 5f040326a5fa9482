import * as core from '@actions/core'
import { Agent as HttpAgent, type ClientRequest } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { Agent as AgentBase } from 'agent-base'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { proxyFor, readProxySettings, type ProxyEndpoint, type ProxySettings } from './proxy.js'
import { ForwardAgent, TunnelAgent, proxyRefusal } from './proxy-agents.js'

export {
  PROXY_REFUSED,
  PROXY_UNAVAILABLE,
  ProxyError,
  proxyRefusal,
  tunnelTlsOptions
} from './proxy-agents.js'

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
