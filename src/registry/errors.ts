/** An error answer from a registry, with the first entry of its `{"errors":[…]}` body when it has one. */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly url: string,
    readonly retryAfterMs?: number
  ) {
    super(`${code ? `${code}: ` : ''}${detail} (HTTP ${status} from ${redactUrl(url)})`)
    this.name = 'RegistryError'
  }
}

/** Upload URLs can carry signed query strings: show only the path. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return url
  }
}

export async function registryErrorFrom(response: Response, url: string): Promise<RegistryError> {
  let code: string | undefined
  let detail = response.statusText || 'request failed'
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[] }
    const first = body.errors?.[0]
    if (first) {
      code = first.code
      detail = first.message || detail
    }
  } catch {
    if (text.trim()) detail = text.trim().slice(0, 300)
  }
  return new RegistryError(
    response.status,
    code,
    detail,
    url,
    parseRetryAfter(response.headers.get('retry-after'))
  )
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
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'EAI_AGAIN'
])

/** 408/429/5xx answers and dropped connections are worth another try; everything else is final. */
export function isRetryableRegistryFailure(error: unknown): boolean {
  if (error instanceof RegistryError) return RETRYABLE_STATUS.has(error.status)
  // Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (undici, VM contexts).
  if (typeof error !== 'object' || error === null) return false
  const failure = error as { code?: string; cause?: { code?: string } }
  return RETRYABLE_NETWORK.has(failure.cause?.code ?? failure.code ?? '')
}

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
