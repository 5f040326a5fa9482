import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { ProxyError, proxyRefusal, type Connections } from '../common/connections.js'
import { parseJson } from '../common/json.js'
import { NetworkError, RegistryError, RequestError, STALLED, parseRetryAfter } from './errors.js'

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
  /** The body as it arrives (a blob copied to another registry); a broken connection is a NetworkError. */
  chunks(): AsyncIterable<Buffer>
  /** Drops the body so the connection can be reused. */
  discard(): void
}

/** Error documents are read whole, up to this. */
const MAX_ERROR_BODY = 64 * 1024

/** Where a request's connection comes from, and how it reached the registry. */
export interface ConnectionOptions {
  /** The agent for a URL and the proxy it goes through (src/common/connections.ts decides both). */
  routes: Pick<Connections, 'agentFor' | 'proxyFor'>
  /** No byte moving in either direction for this long aborts the request. */
  stallTimeoutMs: number
}

/**
 * One HTTP exchange through node:http(s), with the headers given: with backpressure for a streamed body
 * (fetch reads a stream without it), and an idle timeout on the socket that covers the wait for headers as
 * well as the body. A failure of our own bytes is that failure; a failure of the connection is a
 * NetworkError naming the request.
 */
export async function sendOnce(
  request: HttpRequest & { url: string; headers: Record<string, string> },
  connection: ConnectionOptions
): Promise<HttpResponse> {
  const target = new URL(request.url)
  const headers = { ...request.headers }
  if (Buffer.isBuffer(request.body)) headers['Content-Length'] = String(request.body.length)
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new NetworkError(request.method, request.url, 'EPROTO', `unsupported scheme ${target.protocol}`)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const agent = connection.routes.agentFor(target)
  const outgoing = send(target, { method: request.method, headers, agent })
  const failure = (error: unknown) =>
    toNetworkError(request.method, request.url, error, connection.stallTimeoutMs)
  outgoing.setTimeout(connection.stallTimeoutMs, () =>
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
        await writeBody(outgoing, source.iterable)
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
    // Only a proxy answers 407 (a tunnel's refusal is a ProxyError already; this is a forward proxy's).
    const proxy = message.statusCode === 407 ? connection.routes.proxyFor(target) : undefined
    if (proxy) throw failure(proxyRefusal(proxy, 407, target.host))
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
 * Writes a streamed body chunk by chunk, each handed to the socket before the next is asked for: that is
 * the backpressure, and it lets a source reuse one buffer for every chunk (flat memory for a blob of any
 * size; see BlobSource.chunks). A connection that fails or closes first ends the wait.
 */
async function writeBody(outgoing: ClientRequest, body: AsyncIterable<Uint8Array>): Promise<void> {
  const ended = new Promise<never>((_, reject) => {
    outgoing.once('error', reject)
    outgoing.once('close', () => reject(new Error('the connection closed before the body was sent')))
  })
  ended.catch(() => {}) // observed through each race below
  const sent = (chunk?: Uint8Array) =>
    Promise.race([
      new Promise<void>((resolve, reject) => {
        if (chunk) outgoing.write(chunk, error => (error ? reject(error) : resolve()))
        else outgoing.end(() => resolve())
      }),
      ended
    ])
  for await (const chunk of body) await sent(chunk)
  await sent()
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
    async *chunks(): AsyncIterable<Buffer> {
      try {
        for await (const chunk of message) yield chunk as Buffer
      } catch (error) {
        throw failure(error)
      }
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
  // The proxy's own message names it and its variable; the socket's code still decides a retry.
  if (error instanceof ProxyError)
    return new NetworkError(method, url, error.code, error.message, { cause: error })
  const code = (error as { code?: string })?.code ?? 'EUNKNOWN'
  const raw = error instanceof Error ? error.message : String(error)
  const reason =
    code === STALLED
      ? `no byte moved for ${stallTimeoutMs < 1000 ? `${stallTimeoutMs} ms` : `${Math.round(stallTimeoutMs / 1000)} s`}: the request was aborted`
      : `${NETWORK_REASONS[code] ?? raw} (${code})`
  return new NetworkError(method, url, code, reason, { cause: error })
}
