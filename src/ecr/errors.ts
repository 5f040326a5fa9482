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
