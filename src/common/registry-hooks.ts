import * as core from '@actions/core'
import { messageOf } from './errors.js'
import * as log from './log.js'
import { pathOf } from '../registry/errors.js'
import type { RetryEvent } from '../registry/transport.js'

/**
 * What the actions give the registry client (src/registry/ knows nothing of the runner): every request in
 * the debug log (method and path: upload URLs carry state in their query), every retry in the log with its
 * reason and wait, and each credential a registry hands out masked before it is sent anywhere.
 */
export const registryHooks = {
  onRequest: (method: string, url: string): void => core.debug(`registry: ${method} ${pathOf(url)}`),
  onRetry: (event: RetryEvent): void => {
    const cut = event.retryAfterCutFromMs
    log.info(
      `${event.what}: attempt ${event.attempt} failed (${messageOf(event.error)}); ` +
        `retrying in ${(event.delayMs / 1000).toFixed(1)} s` +
        (cut !== undefined ? ` (the registry asked for ${Math.round(cut / 1000)} s; waits are capped)` : '')
    )
  },
  onSecret: (value: string): void => core.setSecret(value)
}
