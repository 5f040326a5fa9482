import * as core from '@actions/core'
import { connections } from './connections.js'
import { messageOf } from './errors.js'

/**
 * The one place where a failure becomes `core.setFailed`: every entry file calls this.
 * Non-Error throws fail the step too (the template's `instanceof Error` check lets them pass).
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  const loadedAt = performance.now()
  try {
    // Reads the proxy variables first: their passwords are masked before anything is printed, and one
    // that cannot be used fails the step before anything changes.
    connections()
    startupMark('loaded', loadedAt)
    await main()
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(messageOf(error))
  }
}

/**
 * A debug line saying how long after the process began a start-up milestone was reached (`loaded`: the
 * bundle evaluated; then each action's own). The push benchmark reads them (bench/runners.ts,
 * STARTUP_LINE) to show where start-up time goes.
 */
export function startupMark(milestone: string, at = performance.now()): void {
  core.debug(`start-up: ${milestone} at ${Math.round(at)} ms`)
}
