import type { LifecyclePolicyPreviewResult } from '@aws-sdk/client-ecr'
import { formatBytes, shortDigest } from '../common/format.js'
import { code, escapeHtml, headerRow, link, writeSummary } from '../common/summary.js'
import { resultOf, type Delivery } from './delivery.js'
import { load } from './lazy.js'
import type { SignatureRow } from './signing.js'
import type { ManagedSigningReport } from './managed-signing.js'
import type { ScanGateReport } from './scan-gate.js'

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
  /** With signing-profile: ECR managed signing in each registry. */
  signing?: ManagedSigningReport[]
  scan?: ScanGateReport
  /** The signatures made or found, with the key's ARN. */
  signatures?: { keyArn: string; rows: SignatureRow[] }
  /** With destinations: every registry, the main one first. */
  registries?: DestinationRow[]
}

/** One registry of a delivery to several. */
export interface DestinationRow {
  label: string
  registry: string
  region: string
  account: string
  consoleUrl: string
  repositoryUri: string
  delivery?: Delivery
  error?: string
}

const RESULT_TEXT = {
  pushed: 'pushed',
  tagged: 'tagged (image was there)',
  unchanged: 'unchanged',
  restored: 'restored from the archive'
} as const
type Summary = Parameters<Parameters<typeof writeSummary>[0]>[0]

/** The job summary: what was delivered where, with digests and sizes. Never fails the step. */
export async function writeDeliverySummary(report: DeliverySummary): Promise<void> {
  // The scan gate's module is loaded by a run that scanned (it had it loaded already).
  const scanSection = report.scan ? (await load.scanGate()).addScanSummary : undefined
  const signingSection = report.signing ? (await load.managedSigning()).addManagedSigningSummary : undefined
  await writeSummary(summary => {
    summary.addHeading('ECR delivery', 2)
    if (report.repository) {
      const { name, uri, consoleUrl, created, differences, governance, lifecyclePreview } = report.repository
      summary.addRaw(`<p>Repository ${link(consoleUrl, code(name))} `)
      summary.addRaw(created ? '(created by this step)</p>' : '(existing)</p>', true)
      summary.addRaw(`<p>${code(uri)}</p>`, true)
      if (governance.length > 0) summary.addList(governance.map(escapeHtml))
      if (lifecyclePreview) addLifecyclePreview(summary, lifecyclePreview)
      if (differences.length > 0) {
        summary.addRaw('<p>Differs from the declared settings (left unchanged):</p>', true)
        summary.addList(differences.map(escapeHtml))
      }
    } else {
      summary.addRaw(`<p>Logged in to ${code(report.registry)}.</p>`, true)
    }
    if (report.registries) addRegistries(summary, report.registries)
    if (report.delivery) addDelivery(summary, report.delivery)
    if (report.signatures) addSignatures(summary, report.signatures)
    if (report.signing && signingSection) signingSection(summary, report.signing)
    if (report.scan && scanSection) scanSection(summary, report.scan)
  })
}

function addSignatures(summary: Summary, { keyArn, rows }: NonNullable<DeliverySummary['signatures']>): void {
  summary.addRaw(`<p>Signed with the KMS key ${code(keyArn)} (no transparency-log entry)</p>`, true)
  summary.addTable([
    headerRow('Image', 'Signature', 'Format', 'Result'),
    ...rows.map(r => [
      code(`${r.repositoryUri}@${r.subject}`),
      code(r.digest),
      r.format === 'simple' ? 'cosign (.sig)' : 'sigstore bundle',
      r.outcome === 'signed' ? 'signed, verified' : 'already signed, verified'
    ])
  ])
}

function addLifecyclePreview(summary: Summary, results: LifecyclePolicyPreviewResult[]): void {
  summary.addRaw(
    `<p>Lifecycle policy preview (nothing applied): ${results.length} image${results.length === 1 ? '' : 's'} affected</p>`,
    true
  )
  if (results.length === 0) return
  summary.addTable([
    headerRow('Digest', 'Tags', 'Pushed', 'Action', 'Rule'),
    ...results
      .slice(0, 200)
      .map(r => [
        code(shortDigest(r.imageDigest ?? '')),
        escapeHtml((r.imageTags ?? []).join(', ')) || '<i>untagged</i>',
        r.imagePushedAt ? new Date(r.imagePushedAt).toISOString().slice(0, 10) : '',
        escapeHtml(r.action?.type ?? ''),
        escapeHtml(r.appliedRulePriority ?? '')
      ])
  ])
}

function addDelivery(summary: Summary, { digest, size, tags, platforms, referrers, blobs }: Delivery): void {
  summary.addTable([
    headerRow('Reference', 'Digest', 'Size', 'Result'),
    ...tags.map(t => [code(t.reference), code(digest), formatBytes(size), RESULT_TEXT[t.result]])
  ])
  if (platforms.length > 0) {
    summary.addTable([
      headerRow('Platform', 'Digest'),
      ...platforms.map(p => [escapeHtml(p.platform), code(p.digest)])
    ])
  }
  if (referrers.length > 0) {
    summary.addRaw(`<p>Referrers: ${referrers.length}, each listed by the registry for its subject</p>`, true)
    summary.addTable([
      headerRow('Referrer', 'Artifact type', 'Subject'),
      ...referrers.map(r => [code(r.digest), escapeHtml(r.artifactType ?? ''), code(r.subject)])
    ])
  }
  if (blobs && blobs.length > 0) {
    const sent = blobs.reduce((sum, blob) => sum + blob.bytesSent, 0)
    summary.addDetails(
      `Blobs: ${blobs.length}, ${formatBytes(sent)} sent`,
      `<table><tr><th>Blob</th><th>Size</th><th>Result</th><th>Sent</th></tr>${blobs
        .map(
          b =>
            `<tr><td>${code(shortDigest(b.digest))}</td><td>${formatBytes(b.size)}</td>` +
            `<td>${b.outcome === 'present' ? 'already present' : b.outcome}</td><td>${formatBytes(b.bytesSent)}</td></tr>`
        )
        .join('')}</table>`
    )
  }
}

/** One row per registry: where, what digest, what happened, how much was sent. */
function addRegistries(summary: Summary, rows: DestinationRow[]): void {
  summary.addTable([
    headerRow('Registry', 'Region', 'Account', 'Repository', 'Digest', 'Result', 'Sent'),
    ...rows.map(row => {
      const sent = (row.delivery?.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0)
      const result = row.error
        ? `failed: ${escapeHtml(row.error)}`
        : row.delivery
          ? resultOf(row.delivery)
          : 'not pushed'
      return [
        code(row.registry || row.label),
        escapeHtml(row.region),
        escapeHtml(row.account),
        row.repositoryUri ? link(row.consoleUrl, code(row.repositoryUri)) : '',
        row.delivery ? code(shortDigest(row.delivery.digest)) : '',
        result,
        row.delivery?.blobs ? formatBytes(sent) : ''
      ]
    })
  ])
}
