import { connections } from '../common/connections.js'
import { parseJson } from '../common/json.js'
import { USER_AGENT } from '../common/version.js'
import { parseBearerChallenge, trustsRealm, type BearerChallenge } from './auth.js'
import { RegistryError, pathOf } from './errors.js'
import {
  registryErrorFrom,
  sendOnce,
  type ConnectionOptions,
  type HttpRequest,
  type HttpResponse
} from './http.js'
import { DEFAULT_RETRY, withRetries, type RetryEvent, type RetryPolicy } from './retry-layer.js'

export type { HttpRequest, HttpResponse } from './http.js'
export type { RetryEvent, RetryPolicy } from './retry-layer.js'

/** No byte moving in either direction for this long aborts a request (a network error, retried). */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000

export interface TransportOptions {
  /** `https://<host>` (plain `http://` for test registries). */
  endpoint: string
  /** base64(`user:password`) for `Authorization: Basic`: ECR's token is used as is. */
  basicToken: string
  stallTimeoutMs?: number
  /** Agents and proxies by URL; by default the process's, from its environment. */
  routes?: ConnectionOptions['routes']
  retry?: Partial<RetryPolicy>
  /** Every HTTP request made (method and URL), e.g. for a debug log. */
  onRequest?: (method: string, url: string) => void
  /** A retry about to happen, with the delay chosen and why. */
  onRetry?: (event: RetryEvent) => void
  /**
   * A credential the registry handed out (a Bearer token), before it is sent anywhere: the action masks
   * it, so that nothing (a library's debug output, say) can print the header that carries it.
   */
  onSecret?: (value: string) => void
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

/** Token documents are small. */
const MAX_TOKEN_BODY = 64 * 1024

/**
 * The registry transport: the one place that sends requests. It adds the user agent and credentials
 * (Basic with ECR's token, or the Bearer token a challenge leads to), streams or buffers the body,
 * aborts a request when no byte moves for the stall timeout, and holds the only retry layer.
 * Every request goes through node:http(s): with backpressure for streamed bodies (fetch reads a stream
 * without it), and an idle timeout on the socket that covers the wait for headers as well as the body.
 */
export class Transport {
  readonly endpoint: string
  private readonly stallTimeoutMs: number
  private readonly retryPolicy: RetryPolicy
  private readonly routes: ConnectionOptions['routes']
  /** Set after a Bearer challenge; then sent instead of Basic. */
  private bearer?: { token: string; challenge: BearerChallenge }

  constructor(private readonly options: TransportOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '')
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS
    this.routes = options.routes ?? connections()
    // No single wait is longer than the stall timeout: a registry asking for more is treated like one
    // that stalled, and the attempts still bound the whole.
    this.retryPolicy = {
      ...DEFAULT_RETRY,
      maxRetryAfterMs: Math.min(DEFAULT_RETRY.maxRetryAfterMs, this.stallTimeoutMs),
      ...options.retry
    }
  }

  /**
   * Runs an operation (one request, or the requests of a blob upload) with bounded retries, backoff and
   * full jitter; Retry-After is honoured up to a cap. This is the only retry layer: an operation started
   * inside another one runs once, and its failure is the outer operation's to retry. Once `signal` aborts,
   * no further attempt starts.
   */
  async retrying<T>(
    what: string,
    operation: (attempt: number) => Promise<T>,
    options: { signal?: AbortSignal; policy?: Partial<RetryPolicy>; blob?: string } = {}
  ): Promise<T> {
    return withRetries(
      what,
      operation,
      { ...this.retryPolicy, ...options.policy },
      {
        signal: options.signal,
        blob: options.blob,
        onRetry: this.options.onRetry
      }
    )
  }

  /** One request with retries: the usual way to send something idempotent. */
  async request(request: HttpRequest, expected: number[]): Promise<HttpResponse> {
    return this.retrying(
      `${request.method} ${pathOf(this.resolve(request.url))}`,
      () => this.send(request, expected),
      {
        signal: request.signal
      }
    )
  }

  /**
   * One exchange, no retry: credentials, user agent, stall timeout. A Bearer challenge is answered once
   * (for a replayable body) and the request sent again. A status outside `expected` is a RegistryError
   * carrying the registry's message.
   */
  async send(request: HttpRequest, expected?: number[]): Promise<HttpResponse> {
    const url = this.resolve(request.url)
    let response = await this.exchange({ ...request, url })
    if (response.status === 401) {
      const challenge = parseBearerChallenge(response.headers.get('www-authenticate'))
      const replayable = request.body === undefined || Buffer.isBuffer(request.body)
      if (challenge && replayable && this.bearer?.challenge.scope !== challenge.scope) {
        response.discard()
        this.bearer = { token: await this.fetchBearerToken(challenge, request.signal), challenge }
        response = await this.exchange({ ...request, url })
      }
    }
    if (expected && !expected.includes(response.status)) throw await registryErrorFrom(response)
    return response
  }

  /**
   * A GET that follows redirects, as a blob GET must: ECR answers it with a 307 to a presigned S3 URL.
   * Credentials go only to the registry's own host; a redirect elsewhere is followed without them (the
   * URL carries its own signature). At most MAX_REDIRECTS hops; no retry here (callers run it inside
   * their operation of the retry layer).
   */
  async sendFollowingRedirects(request: HttpRequest, expected: number[]): Promise<HttpResponse> {
    let url = this.resolve(request.url)
    for (let hop = 0; ; hop++) {
      const own = new URL(url).host === new URL(this.endpoint).host
      const response = own
        ? await this.send({ ...request, url })
        : await this.exchange({ ...request, url }, null)
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null
      if (!location) {
        if (!expected.includes(response.status)) throw await registryErrorFrom(response)
        return response
      }
      response.discard()
      const next = new URL(location, url)
      if (hop >= MAX_REDIRECTS || (next.protocol !== 'https:' && next.protocol !== new URL(url).protocol)) {
        throw new RegistryError(
          response.status,
          'REDIRECT',
          hop >= MAX_REDIRECTS ? `more than ${MAX_REDIRECTS} redirects` : 'a redirect to plain http',
          pathOf(url),
          undefined,
          request.method
        )
      }
      url = next.toString()
    }
  }

  private resolve(url: string): string {
    return /^https?:\/\//i.test(url) ? url : `${this.endpoint}${url}`
  }

  /** Credentials (the Bearer token once a challenge gave one, else Basic; `authorization` overrides), user agent. */
  private async exchange(
    request: HttpRequest & { url: string },
    authorization?: string | null
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...request.headers, 'User-Agent': USER_AGENT }
    const auth =
      authorization !== undefined
        ? authorization
        : this.bearer
          ? `Bearer ${this.bearer.token}`
          : `Basic ${this.options.basicToken}`
    if (auth) headers.Authorization = auth
    this.options.onRequest?.(request.method, request.url)
    return sendOnce({ ...request, headers }, { routes: this.routes, stallTimeoutMs: this.stallTimeoutMs })
  }

  /**
   * The token exchange of a Bearer challenge. The registry's credentials go only to a realm the registry
   * is known to use (its own host, or a token service of a known registry) over https (or http when the
   * registry itself is plain http); any other realm is asked anonymously, so no credentials reach it.
   */
  private async fetchBearerToken(challenge: BearerChallenge, signal?: AbortSignal): Promise<string> {
    const url = new URL(challenge.realm)
    if (challenge.service) url.searchParams.set('service', challenge.service)
    if (challenge.scope) url.searchParams.set('scope', challenge.scope)
    const credentials = trustsRealm(this.endpoint, url) ? `Basic ${this.options.basicToken}` : null
    const response = await this.exchange({ method: 'GET', url: url.toString(), signal }, credentials)
    if (response.status !== 200) throw await registryErrorFrom(response)
    let body: { token?: unknown; access_token?: unknown }
    try {
      body = parseJson((await response.bytes(MAX_TOKEN_BODY)).toString('utf8')) as typeof body
    } catch {
      body = {}
    }
    const token = body?.token ?? body?.access_token
    if (typeof token !== 'string' || token === '' || /[\r\n]/.test(token)) {
      throw new RegistryError(200, 'UNAUTHORIZED', 'the token service returned no token', url.toString())
    }
    this.options.onSecret?.(token)
    return token
  }
}
