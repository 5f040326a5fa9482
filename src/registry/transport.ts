import { AsyncLocalStorage } from 'node:async_hooks'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DurationBounds } from '../common/duration.js'
import { parseJson } from '../common/json.js'
import { backoffDelay, sleep as realSleep } from '../common/retry.js'
import { USER_AGENT } from '../common/version.js'
import { parseBearerChallenge, trustsRealm, type BearerChallenge } from './auth.js'
import {
  NetworkError,
  RegistryError,
  RequestError,
  STALLED,
  isRetryableRegistryFailure,
  parseRetryAfter,
  pathOf
} from './errors.js'

/** How the one retry layer behaves; every field has a default. */
export interface RetryPolicy {
  /** Attempts per operation, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is cut to it (and the log says so). */
  maxRetryAfterMs: number
  /** Which failures are worth another attempt. */
  retryable: (error: unknown) => boolean
  /** No attempt starts whose wait would end after this time (ms since the epoch), when set. */
  deadline?: number
  sleep: (ms: number) => Promise<void>
  now: () => number
  random: () => number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  retryable: isRetryableRegistryFailure,
  sleep: realSleep,
  now: Date.now,
  random: Math.random
}

/** No byte moving in either direction for this long aborts a request (a network error, retried). */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000

/** The `stall-timeout` input of the actions that reach a registry. */
export const STALL_TIMEOUT: DurationBounds = {
  fallback: '60s',
  units: ['s', 'm'],
  minMs: 1000,
  maxMs: 3_600_000
}

export interface TransportOptions {
  /** `https://<host>` (plain `http://` for test registries). */
  endpoint: string
  /** base64(`user:password`) for `Authorization: Basic`: ECR's token is used as is. */
  basicToken: string
  stallTimeoutMs?: number
  retry?: Partial<RetryPolicy>
  /** Every HTTP request made (method and URL), e.g. for a debug log. */
  onRequest?: (method: string, url: string) => void
  /** A retry about to happen, with the delay chosen and why. */
  onRetry?: (event: RetryEvent) => void
}

export interface RetryEvent {
  what: string
  attempt: number
  delayMs: number
  error: unknown
  /** Set when the registry asked for a longer wait than the cap allows. */
  retryAfterCutFromMs?: number
}

/** One request. A body is a Buffer (replayable) or a stream made fresh for this send. */
export interface HttpRequest {
  method: string
  /** Absolute, or a path on the endpoint. */
  url: string
  headers?: Record<string, string>
  body?: Buffer | AsyncIterable<Uint8Array>
  signal?: AbortSignal
}

/** An answer, its body not yet read. */
export interface HttpResponse {
  status: number
  headers: Headers
  url: string
  method: string
  /** The whole body, refusing more than `maxBytes`. */
  bytes(maxBytes: number): Promise<Buffer>
  /** Drops the body so the connection can be reused. */
  discard(): void
}

/** Bodies read whole are small: manifests (ECR: 4 MiB at most), tokens, error documents. */
const MAX_ERROR_BODY = 64 * 1024
const MAX_TOKEN_BODY = 64 * 1024

const retryScope = new AsyncLocalStorage<true>()

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
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true })
  }
  /** Set after a Bearer challenge; then sent instead of Basic. */
  private bearer?: { token: string; challenge: BearerChallenge }

  constructor(private readonly options: TransportOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '')
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS
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
    if (retryScope.getStore()) return operation(1)
    const policy = { ...this.retryPolicy, ...options.policy }
    return retryScope.run(true, async () => {
      for (let attempt = 1; ; attempt++) {
        options.signal?.throwIfAborted()
        try {
          return await operation(attempt)
        } catch (error) {
          if (options.signal?.aborted) throw options.signal.reason
          const backoff = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random)
          const asked = error instanceof RegistryError ? error.retryAfterMs : undefined
          const delayMs = Math.max(backoff, Math.min(asked ?? 0, policy.maxRetryAfterMs))
          const pastDeadline = policy.deadline !== undefined && policy.now() + delayMs > policy.deadline
          if (attempt >= policy.attempts || !policy.retryable(error) || pastDeadline) {
            if (error instanceof RequestError) throw error.gaveUp(attempt, options.blob)
            throw error
          }
          this.options.onRetry?.({
            what,
            attempt,
            delayMs,
            error,
            retryAfterCutFromMs: asked !== undefined && asked > policy.maxRetryAfterMs ? asked : undefined
          })
          await abortableSleep(policy.sleep, delayMs, options.signal)
        }
      }
    })
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

  private resolve(url: string): string {
    return /^https?:\/\//i.test(url) ? url : `${this.endpoint}${url}`
  }

  private async exchange(
    request: HttpRequest & { url: string },
    authorization?: string | null
  ): Promise<HttpResponse> {
    const target = new URL(request.url)
    const headers: Record<string, string> = { ...request.headers, 'User-Agent': USER_AGENT }
    const auth =
      authorization !== undefined
        ? authorization
        : this.bearer
          ? `Bearer ${this.bearer.token}`
          : `Basic ${this.options.basicToken}`
    if (auth) headers.Authorization = auth
    if (Buffer.isBuffer(request.body)) headers['Content-Length'] = String(request.body.length)
    this.options.onRequest?.(request.method, request.url)

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const agent = this.agents[target.protocol as 'http:' | 'https:']
    if (!agent)
      throw new NetworkError(request.method, request.url, 'EPROTO', `unsupported scheme ${target.protocol}`)
    const outgoing = send(target, { method: request.method, headers, agent })
    const failure = (error: unknown) =>
      toNetworkError(request.method, request.url, error, this.stallTimeoutMs)
    outgoing.setTimeout(this.stallTimeoutMs, () =>
      outgoing.destroy(Object.assign(new Error('stalled'), { code: STALLED }))
    )
    const onAbort = () => outgoing.destroy(request.signal?.reason)
    request.signal?.addEventListener('abort', onAbort, { once: true })

    let answer: IncomingMessage | undefined
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      outgoing.once('response', message => {
        answer = message
        resolve(message)
      })
      outgoing.once('error', reject)
    })
    answered.catch(() => {}) // observed below
    try {
      if (request.body === undefined || Buffer.isBuffer(request.body)) {
        outgoing.end(request.body)
      } else {
        const source = trackSource(request.body)
        try {
          await pipeline(
            Readable.from(source.iterable, { objectMode: false, highWaterMark: 64 * 1024 }),
            outgoing
          )
        } catch (error) {
          // Our own bytes failed (a corrupt blob, a read error): that is the error, not the network.
          if (source.failure !== undefined) throw source.failure
          // A registry may answer (413, 401) and close before reading the whole body: its answer says more.
          if (!answer) throw failure(error)
        }
      }
      const message = await answered.catch(error => {
        throw request.signal?.aborted ? request.signal.reason : failure(error)
      })
      return toResponse(request.method, request.url, message, failure, () =>
        request.signal?.removeEventListener('abort', onAbort)
      )
    } catch (error) {
      request.signal?.removeEventListener('abort', onAbort)
      outgoing.destroy()
      if (request.signal?.aborted) throw request.signal.reason
      throw error
    }
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
    return token
  }
}

/** The body iterable, noting whether a failure came from it (our bytes) rather than the socket. */
function trackSource(body: AsyncIterable<Uint8Array>): {
  iterable: AsyncIterable<Uint8Array>
  failure?: unknown
} {
  const tracked: { iterable: AsyncIterable<Uint8Array>; failure?: unknown } = { iterable: body }
  tracked.iterable = (async function* () {
    try {
      yield* body
    } catch (error) {
      tracked.failure = error
      throw error
    }
  })()
  return tracked
}

function toResponse(
  method: string,
  url: string,
  message: IncomingMessage,
  failure: (error: unknown) => Error,
  done: () => void
): HttpResponse {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  message.once('close', done)
  return {
    status: message.statusCode ?? 0,
    headers,
    url,
    method,
    async bytes(maxBytes: number): Promise<Buffer> {
      const chunks: Buffer[] = []
      let length = 0
      try {
        for await (const chunk of message) {
          length += (chunk as Buffer).length
          if (length > maxBytes) {
            message.destroy()
            throw new RegistryError(
              message.statusCode ?? 0,
              'TOO_LARGE',
              `the answer is larger than the ${maxBytes} bytes allowed`,
              url,
              undefined,
              method
            )
          }
          chunks.push(chunk as Buffer)
        }
      } catch (error) {
        if (error instanceof RegistryError) throw error
        throw failure(error)
      }
      return Buffer.concat(chunks)
    },
    discard(): void {
      message.resume()
    }
  }
}

/** An error answer as a RegistryError: the first `{"errors":[…]}` entry, or the start of the text. */
export async function registryErrorFrom(response: HttpResponse): Promise<RegistryError> {
  let code: string | undefined
  let detail = `HTTP ${response.status}`
  const text = await response
    .bytes(MAX_ERROR_BODY)
    .then(bytes => bytes.toString('utf8'))
    .catch(() => '')
  try {
    const body = parseJson(text) as { errors?: { code?: unknown; message?: unknown }[] }
    const first = Array.isArray(body?.errors) ? body.errors[0] : undefined
    if (first) {
      code = typeof first.code === 'string' ? first.code.slice(0, 64) : undefined
      if (typeof first.message === 'string' && first.message) detail = first.message.slice(0, 300)
    }
  } catch {
    if (text.trim()) detail = text.trim().slice(0, 300)
  }
  return new RegistryError(
    response.status,
    code,
    detail,
    response.url,
    parseRetryAfter(response.headers.get('retry-after')),
    response.method
  )
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  EPIPE: 'the registry closed the connection while the request was sent',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (temporary failure)'
}

function toNetworkError(method: string, url: string, error: unknown, stallTimeoutMs: number): Error {
  if (error instanceof RequestError) return error
  const code = (error as { code?: string })?.code ?? 'EUNKNOWN'
  const raw = error instanceof Error ? error.message : String(error)
  const reason =
    code === STALLED
      ? `no byte moved for ${stallTimeoutMs < 1000 ? `${stallTimeoutMs} ms` : `${Math.round(stallTimeoutMs / 1000)} s`}: the request was aborted`
      : `${NETWORK_REASONS[code] ?? raw} (${code})`
  return new NetworkError(method, url, code, reason, { cause: error })
}

async function abortableSleep(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined
): Promise<void> {
  if (!signal) return sleep(ms)
  signal.throwIfAborted()
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([sleep(ms), aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}
