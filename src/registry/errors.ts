import { PROXY_UNAVAILABLE } from '../common/connections.js'

/**
 * What can go wrong talking to a registry, each error naming the request (method and path, never the
 * query: upload URLs carry state) and, once retries are over, how many attempts were made.
 */

/** Anything the transport raises for one request; `attempts` is set when the retry layer gives up. */
export abstract class RequestError extends Error {
  attempts = 1
  /** The blob an upload was for, when it was one. */
  blob?: string

  protected constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string
  ) {
    super(detail)
  }

  /** Retries are over: the message says after how many, and which blob it was for. */
  gaveUp(attempts: number, blob?: string): this {
    this.attempts = attempts
    this.blob = blob ?? this.blob
    this.message = this.describe()
    return this
  }

  protected describe(): string {
    const tries = this.attempts > 1 ? `, after ${this.attempts} attempts` : ''
    const blob = this.blob ? `, uploading blob ${this.blob}` : ''
    return `${this.detail} (${this.method} ${pathOf(this.url)}${blob}${tries})`
  }
}

/** An error answer, with the first entry of its `{"errors":[…]}` body when it has one. */
export class RegistryError extends RequestError {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
    url: string,
    readonly retryAfterMs?: number,
    method = 'GET'
  ) {
    super(method, url, `${code ? `${code}: ` : ''}${detail}`)
    this.name = 'RegistryError'
    this.message = this.describe()
  }

  protected override describe(): string {
    const tries = this.attempts > 1 ? `, after ${this.attempts} attempts` : ''
    const blob = this.blob ? `, uploading blob ${this.blob}` : ''
    return `${this.detail} (HTTP ${this.status} from ${this.method} ${originAndPath(this.url)}${blob}${tries})`
  }
}

/** The connection failed, stalled or was cut: no answer came. `code` is the socket's error code. */
export class NetworkError extends RequestError {
  constructor(
    method: string,
    url: string,
    readonly code: string,
    reason: string,
    options?: { cause?: unknown }
  ) {
    super(method, url, reason)
    this.name = 'NetworkError'
    if (options?.cause !== undefined) this.cause = options.cause
    this.message = this.describe()
  }
}

/** Our own code for a request during which no byte moved for the stall timeout. */
export const STALLED = 'ESTALLED'

/** Local bytes that do not match the digest they are stored under: the image on disk is broken. */
export class BlobVerificationError extends Error {
  constructor(
    readonly digest: string,
    readonly actual: string,
    readonly size: number
  ) {
    super(`blob ${digest} (${size} bytes) is corrupt: its bytes give ${actual}`)
    this.name = 'BlobVerificationError'
  }
}

/** Path only: upload URLs can carry signed or stateful query strings. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.split('?')[0] ?? url
  }
}

function originAndPath(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return pathOf(url)
  }
}

/** Retry-After as seconds or an HTTP date, in ms. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  PROXY_UNAVAILABLE,
  STALLED
])

/** 408/429/5xx answers and dropped or stalled connections are worth another try; everything else is final. */
export function isRetryableRegistryFailure(error: unknown): boolean {
  if (error instanceof RegistryError) return RETRYABLE_STATUS.has(error.status)
  if (error instanceof NetworkError) return RETRYABLE_NETWORK.has(error.code)
  // Duck-typed for errors that come from elsewhere (another realm, a library).
  if (typeof error !== 'object' || error === null) return false
  const failure = error as { code?: string; cause?: { code?: string } }
  return RETRYABLE_NETWORK.has(failure.cause?.code ?? failure.code ?? '')
}
