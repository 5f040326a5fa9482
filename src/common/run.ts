import * as core from '@actions/core'
import { messageOf } from './errors.js'

/**
 * The one place where a failure becomes `core.setFailed`: every entry file calls this.
 * Non-Error throws fail the step too (the template's `instanceof Error` check lets them pass).
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(messageOf(error))
  }
}
