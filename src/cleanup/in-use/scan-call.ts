import { ActionError, messageOf } from '../../common/errors.js'
import { awsErrorName } from '../../ecr/errors.js'

/**
 * One call (or one whole listing) of the in-use scan. Any failure stops the cleanup before it deletes
 * anything: a partial picture of what runs must never be taken for the whole. The error names the call,
 * which is also the IAM action it needs, the region, and the way out.
 */
export async function scanCall<T>(action: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const kind = action.split(':')[0] ?? action
    const name = awsErrorName(error)
    throw new ActionError(
      `The in-use scan failed, so nothing was deleted: ${action} in ${region}: ${name ? `${name}: ` : ''}` +
        `${messageOf(error)}. Allow ${action} for this role (see the README's IAM policy), or leave ${kind} ` +
        'out of keep-in-use or its region out of in-use-regions (keep-in-use: none turns the scan off).',
      { cause: error }
    )
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
