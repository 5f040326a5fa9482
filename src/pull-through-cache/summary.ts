import * as core from '@actions/core'
import type { WarmResult } from './warm.js'

export interface RuleReport {
  prefix: string
  upstream?: string
  action: string
  valid?: boolean
  failure?: string
}

const STATUS = { cached: 'cached already', fetched: 'fetched now', failed: 'failed' } as const

/** Rules (prefix → upstream, validated) and warmed images with their digests. Never fails the step. */
export async function writeCacheSummary(
  rules: RuleReport[],
  images: WarmResult[],
  host: string
): Promise<void> {
  try {
    core.summary.addHeading('ECR pull-through cache', 2)
    if (rules.length > 0) {
      core.summary.addTable([
        ['Prefix', 'Upstream', 'Change', 'Validated'].map(data => ({ data, header: true })),
        ...rules.map(r => [
          `<code>${r.prefix}</code>`,
          r.upstream ?? '',
          r.action,
          r.valid === undefined ? '' : r.valid ? 'yes' : `no: ${r.failure ?? ''}`
        ])
      ])
    }
    if (images.length > 0) {
      core.summary.addTable([
        ['Image', 'Cache reference', 'Digest', 'Result'].map(data => ({ data, header: true })),
        ...images.map(r => [
          `<code>${r.target.input}</code>`,
          `<code>${host}/${r.target.repository}:${r.target.reference}</code>`,
          r.digest ? `<code>${r.digest}</code>` : '',
          r.status === 'failed'
            ? `failed: ${r.message ?? ''}`
            : STATUS[r.status] + (r.children.length ? ` (+${r.children.length} platforms)` : '')
        ])
      ])
    }
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
