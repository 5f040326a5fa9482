import * as core from '@actions/core'
import { messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import { pathOf } from './errors.js'
import type { RetryEvent } from './transport.js'

/**
 * The registry client's hooks for an action's log: every request in the debug log (method and path:
 * upload URLs carry state in their query), every retry in the log with its reason and wait.
 */
export const registryLogHooks = {
  onRequest: (method: string, url: string): void => core.debug(`registry: ${method} ${pathOf(url)}`),
  onRetry: (event: RetryEvent): void => {
    const cut = event.retryAfterCutFromMs
    log.info(
      `${event.what}: attempt ${event.attempt} failed (${messageOf(event.error)}); ` +
        `retrying in ${(event.delayMs / 1000).toFixed(1)} s` +
        (cut !== undefined ? ` (the registry asked for ${Math.round(cut / 1000)} s; waits are capped)` : '')
    )
  }
}
