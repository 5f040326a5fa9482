import * as core from '@actions/core'
import { connections } from './connections.js'
import { messageOf } from './errors.js'

/**
 * The one place where a failure becomes `core.setFailed`: every entry file calls this.
 * Non-Error throws fail the step too (the template's `instanceof Error` check lets them pass).
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    // Reads the proxy variables first: their passwords are masked before anything is printed, and one
    // that cannot be used fails the step before anything changes.
    connections()
    await main()
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(messageOf(error))
  }
}
