import { ActionError, messageOf } from '../common/errors.js'

/** The SDK's error name, if the value is an SDK service or client error. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined
}

const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError'])
const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'SignatureDoesNotMatch'
])

/**
 * Turns the SDK's credential and permission failures into messages that say how to fix them;
 * other errors pass through unchanged.
 */
export function explainAwsError(error: unknown, action: string): unknown {
  const name = awsErrorName(error)
  if (name !== undefined && CREDENTIAL_ERRORS.has(name)) {
    return new ActionError(
      `No AWS credentials were found for ${action}: add aws-actions/configure-aws-credentials ` +
        '(role-to-assume with permissions id-token: write) before this step, or set AWS_ACCESS_KEY_ID and ' +
        `AWS_SECRET_ACCESS_KEY. (${messageOf(error)})`,
      { cause: error }
    )
  }
  if (name !== undefined && AUTH_ERRORS.has(name)) {
    return new ActionError(`AWS rejected the credentials for ${action}: ${messageOf(error)}`, {
      cause: error
    })
  }
  if (name === 'LimitExceededException') {
    return new ActionError(
      `${action}: an ECR quota is reached (${messageOf(error)}). A quota is not throttling, so it is not ` +
        'retried: remove what counts toward it (images, repositories, tags), or ask for a higher quota.',
      { cause: error }
    )
  }
  // The proxy's own error already names the proxy and its variable: said with the call.
  if (name === 'ProxyError') return new ActionError(`${action}: ${messageOf(error)}`, { cause: error })
  const network = networkFailure(error)
  if (network) {
    return new ActionError(`${action}: could not reach the AWS endpoint ${network}`, { cause: error })
  }
  if (name === 'AccessDeniedException') {
    return new ActionError(
      `Access denied for ${action}: ${messageOf(error)} (see the README for the minimal IAM policy)`,
      {
        cause: error
      }
    )
  }
  return error
}

/** Node's socket errors as they reach the SDK's caller. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'TimeoutError'
])

/**
 * A connection that never got an answer, said as the endpoint, the reason and the attempts the SDK's
 * retry made (its one retry layer for AWS calls); undefined for an answer from AWS.
 */
function networkFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as {
    name?: string
    message?: string
    code?: string
    address?: string
    port?: number
    hostname?: string
    $metadata?: { attempts?: number; httpStatusCode?: number }
  }
  if (e.$metadata?.httpStatusCode !== undefined) return undefined
  // Node's error as is, or its text where the SDK wrapped it ("… connect ECONNREFUSED 127.0.0.1:1").
  const fromText = /\b([A-Z][A-Z_]+) (\S+)$/.exec(e.message ?? '')
  const code = e.code ?? (fromText && NETWORK_CODES.has(fromText[1] as string) ? fromText[1] : e.name) ?? ''
  if (!NETWORK_CODES.has(code)) return undefined
  const where =
    e.hostname ??
    (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : (fromText?.[2] ?? 'as configured'))
  const attempts = e.$metadata?.attempts
  return (
    `${where} (${code}${attempts ? `, after ${attempts} attempt${attempts > 1 ? 's' : ''}` : ''}): check the ` +
    'network, the proxy variables and any AWS_ENDPOINT_URL_* setting'
  )
}

/** One AWS call whose failure becomes a message that says what to do. */
export async function callAws<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw explainAwsError(error, action)
  }
}

/** Every item of every page of an SDK paginator; a failing page fails the whole listing, explained. */
export async function collectPages<Page, Item>(
  action: string,
  pages: AsyncIterable<Page>,
  items: (page: Page) => Item[] | undefined
): Promise<Item[]> {
  return callAws(action, async () => {
    const all: Item[] = []
    for await (const page of pages) all.push(...(items(page) ?? []))
    return all
  })
}
