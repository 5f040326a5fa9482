import * as core from '@actions/core'
import { formatBytes } from '../common/format.js'
import type { Delivery } from './push.js'

export interface DeliverySummary {
  registry: string
  repository?: { name: string; uri: string; consoleUrl: string; created: boolean; differences: string[] }
  delivery?: Delivery
}

const RESULT_TEXT = { pushed: 'pushed', tagged: 'tagged (image was there)', unchanged: 'unchanged' } as const

/** The job summary: what was delivered where, with digests and sizes. Never fails the step. */
export async function writeDeliverySummary(summary: DeliverySummary): Promise<void> {
  try {
    core.summary.addHeading('ECR delivery', 2)
    if (summary.repository) {
      const { name, uri, consoleUrl, created, differences } = summary.repository
      core.summary.addRaw(`<p>Repository <a href="${consoleUrl}"><code>${name}</code></a> `)
      core.summary.addRaw(created ? '(created by this step)</p>' : '(existing)</p>', true)
      core.summary.addRaw(`<p><code>${uri}</code></p>`, true)
      if (differences.length > 0) {
        core.summary.addRaw('<p>Differs from the declared settings (left unchanged):</p>', true)
        core.summary.addList(differences)
      }
    } else {
      core.summary.addRaw(`<p>Logged in to <code>${summary.registry}</code>.</p>`, true)
    }
    if (summary.delivery) {
      const { digest, size, tags } = summary.delivery
      core.summary.addTable([
        [
          { data: 'Reference', header: true },
          { data: 'Digest', header: true },
          { data: 'Size', header: true },
          { data: 'Result', header: true }
        ],
        ...tags.map(t => [
          `<code>${t.reference}</code>`,
          `<code>${digest}</code>`,
          formatBytes(size),
          RESULT_TEXT[t.result]
        ])
      ])
    }
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
