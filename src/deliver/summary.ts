import * as core from '@actions/core'
import { formatBytes, shortDigest } from '../common/format.js'
import type { LifecyclePolicyPreviewResult } from '@aws-sdk/client-ecr'
import type { Delivery } from './delivery.js'
import { addScanSummary, type ScanGateReport } from './scan-gate.js'

export interface DeliverySummary {
  registry: string
  repository?: {
    name: string
    uri: string
    consoleUrl: string
    created: boolean
    differences: string[]
    governance: string[]
    lifecyclePreview?: LifecyclePolicyPreviewResult[]
  }
  delivery?: Delivery
  scan?: ScanGateReport
}

const RESULT_TEXT = { pushed: 'pushed', tagged: 'tagged (image was there)', unchanged: 'unchanged' } as const
const header = (...names: string[]) => names.map(data => ({ data, header: true }))

/** The job summary: what was delivered where, with digests and sizes. Never fails the step. */
export async function writeDeliverySummary(summary: DeliverySummary): Promise<void> {
  try {
    core.summary.addHeading('ECR delivery', 2)
    if (summary.repository) {
      const { name, uri, consoleUrl, created, differences, governance, lifecyclePreview } = summary.repository
      core.summary.addRaw(`<p>Repository <a href="${consoleUrl}"><code>${name}</code></a> `)
      core.summary.addRaw(created ? '(created by this step)</p>' : '(existing)</p>', true)
      core.summary.addRaw(`<p><code>${uri}</code></p>`, true)
      if (governance.length > 0) core.summary.addList(governance)
      if (lifecyclePreview) addLifecyclePreview(lifecyclePreview)
      if (differences.length > 0) {
        core.summary.addRaw('<p>Differs from the declared settings (left unchanged):</p>', true)
        core.summary.addList(differences)
      }
    } else {
      core.summary.addRaw(`<p>Logged in to <code>${summary.registry}</code>.</p>`, true)
    }
    if (summary.delivery) addDelivery(summary.delivery)
    if (summary.scan) addScanSummary(summary.scan)
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function addLifecyclePreview(results: LifecyclePolicyPreviewResult[]): void {
  core.summary.addRaw(
    `<p>Lifecycle policy preview (nothing applied): ${results.length} image${results.length === 1 ? '' : 's'} affected</p>`,
    true
  )
  if (results.length === 0) return
  core.summary.addTable([
    header('Digest', 'Tags', 'Pushed', 'Action', 'Rule'),
    ...results
      .slice(0, 200)
      .map(r => [
        `<code>${shortDigest(r.imageDigest ?? '')}</code>`,
        (r.imageTags ?? []).join(', ') || '<i>untagged</i>',
        r.imagePushedAt ? new Date(r.imagePushedAt).toISOString().slice(0, 10) : '',
        r.action?.type ?? '',
        String(r.appliedRulePriority ?? '')
      ])
  ])
}

function addDelivery({ digest, size, tags, platforms, blobs }: Delivery): void {
  core.summary.addTable([
    header('Reference', 'Digest', 'Size', 'Result'),
    ...tags.map(t => [
      `<code>${t.reference}</code>`,
      `<code>${digest}</code>`,
      formatBytes(size),
      RESULT_TEXT[t.result]
    ])
  ])
  if (platforms.length > 0) {
    core.summary.addTable([
      header('Platform', 'Digest'),
      ...platforms.map(p => [p.platform, `<code>${p.digest}</code>`])
    ])
  }
  if (blobs && blobs.length > 0) {
    const sent = blobs.reduce((sum, blob) => sum + blob.bytesSent, 0)
    core.summary.addDetails(
      `Blobs: ${blobs.length}, ${formatBytes(sent)} sent`,
      `<table><tr><th>Blob</th><th>Size</th><th>Result</th><th>Sent</th></tr>${blobs
        .map(
          b =>
            `<tr><td><code>${shortDigest(b.digest)}</code></td><td>${formatBytes(b.size)}</td>` +
            `<td>${b.outcome === 'present' ? 'already present' : b.outcome}</td><td>${formatBytes(b.bytesSent)}</td></tr>`
        )
        .join('')}</table>`
    )
  }
}
