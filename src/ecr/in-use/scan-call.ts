import { ActionError, messageOf } from '../../common/errors.js'
import { awsErrorName } from '../errors.js'

/**
 * A call of the in-use scan failed. The scan is all or nothing: a partial picture of what runs must never
 * be taken for the whole, so the action that asked says what that means for it (cleanup: nothing deleted)
 * from `detail` (the call, which is also the IAM action it needs, the region and the error) and `kind`.
 */
export class InUseScanError extends ActionError {
  constructor(
    readonly call: string,
    readonly region: string,
    readonly detail: string,
    options: { cause?: unknown }
  ) {
    super(
      `The in-use scan failed: ${detail}. Allow ${call} for this role (see the README's IAM policy)`,
      options
    )
    this.name = 'InUseScanError'
  }

  /** The kind of deployment scanned (`ecs`, `lambda`…): the IAM service of the call. */
  get kind(): string {
    return this.call.split(':')[0] ?? this.call
  }
}

/** One call (or one whole listing) of the in-use scan; any failure is an InUseScanError naming it. */
export async function scanCall<T>(action: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const name = awsErrorName(error)
    const detail = `${action} in ${region}: ${name ? `${name}: ` : ''}${messageOf(error)}`
    throw new InUseScanError(action, region, detail, { cause: error })
  }
}

/** Every item of every page of an SDK paginator, as one scan call. */
export function scanPages<Page, Item>(
  action: string,
  region: string,
  pages: AsyncIterable<Page>,
  items: (page: Page) => Item[] | undefined
): Promise<Item[]> {
  return scanCall(action, region, async () => {
    const all: Item[] = []
    for await (const page of pages) all.push(...(items(page) ?? []))
    return all
  })
}
