import * as core from '@actions/core'
import type { ECRClient, Repository } from '@aws-sdk/client-ecr'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BUCKETS,
  evaluateFindings,
  toSarif,
  type Bucket,
  type Finding,
  type GateResult
} from '../ecr/scan-findings.js'
import { registryScanKind, startBasicScan, waitForScan, type ScanResult } from '../ecr/scans.js'
import { escapeHtml, headerRow, link } from '../common/summary.js'
import { Output } from './constants.js'
import type { Delivery } from './delivery.js'
import type { ScanGateInputs } from './inputs.js'
import * as log from '../common/log.js'

export interface ScanGateReport {
  /** Per scanned image (the image, or each platform of an index). */
  images: { digest: string; platform?: string; result: ScanResult }[]
  gate: GateResult
  findings: Finding[]
  /** Why the gate failed; undefined when it passed. */
  failure?: string
}

/**
 * Waits for the scan of what was pushed (each platform of an index; attestations are skipped), then
 * decides the gate: findings at or above `fail-on-severity` that no ignore covers fail the step.
 */
export async function runScanGate(
  ecr: ECRClient,
  repository: Repository,
  delivery: Delivery,
  inputs: ScanGateInputs
): Promise<ScanGateReport> {
  const kind = await registryScanKind(ecr)
  const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false
  const targets =
    delivery.platforms.length > 0
      ? delivery.platforms
          .filter(p => !p.platform.startsWith('unknown/'))
          .map(p => ({ digest: p.digest, platform: p.platform }))
      : [{ digest: delivery.digest, platform: undefined }]
  const deadline = Date.now() + inputs.timeoutMs
  const images: ScanGateReport['images'] = []
  for (const target of targets) {
    const image = {
      repositoryName: repository.repositoryName ?? '',
      registryId: repository.registryId,
      digest: target.digest
    }
    // Only basic scanning can be started by hand, and only when the push did not start one already.
    const startScan = kind === 'BASIC' && !scanOnPush ? () => startBasicScan(ecr, image) : undefined
    const result = await waitForScan(ecr, image, { deadline, startScan })
    log.info(
      `scan of ${target.platform ?? target.digest}: ${result.status}, ${result.findings.length} findings`
    )
    images.push({ ...target, result })
  }

  const findings = images.flatMap(i => i.result.findings)
  const gate = evaluateFindings(findings, inputs.failOn, inputs.ignore, new Date())
  for (const entry of gate.expired) {
    core.warning(
      `ignore-vulnerabilities: the ignore of ${entry.id} expired on ${entry.until?.toISOString().slice(0, 10)}`
    )
  }
  const problems = images.filter(i => i.result.meaning.kind === 'problem')
  for (const { result, platform, digest } of problems) {
    if (result.meaning.kind === 'problem')
      core.warning(`scan of ${platform ?? digest}: ${result.meaning.message}`)
  }
  const blockingProblems = problems.filter(
    i => i.result.meaning.kind === 'problem' && i.result.meaning.blocking
  )
  let failure: string | undefined
  if (inputs.failOn !== 'none' && blockingProblems.length > 0) {
    failure = `The scan gate cannot be checked: ${blockingProblems
      .map(
        i =>
          `${i.platform ?? i.digest}: ${i.result.meaning.kind === 'problem' ? i.result.meaning.message : ''}`
      )
      .join('; ')}`
  } else if (gate.blocking.length > 0) {
    const worst = gate.blocking
      .slice(0, 5)
      .map(f => `${f.id} (${f.severity}${f.package ? `, ${f.package}` : ''})`)
    failure =
      `${gate.blocking.length} finding${gate.blocking.length > 1 ? 's' : ''} at or above ${inputs.failOn}: ` +
      `${worst.join(', ')}${gate.blocking.length > 5 ? ', …' : ''}. Fix them, or list them in ignore-vulnerabilities.`
  }
  return { images, gate, findings, failure }
}

/** Outputs: scan-status, findings (counts by severity), findings-file (SARIF). */
export async function setScanOutputs(report: ScanGateReport, imageUri: string): Promise<void> {
  const statuses = [...new Set(report.images.map(i => i.result.status))]
  core.setOutput(Output.scanStatus, statuses.length === 1 ? statuses[0] : statuses.join(','))
  core.setOutput(Output.findings, JSON.stringify(report.gate.counts))
  const file = join(process.env.RUNNER_TEMP || tmpdir(), `ecr-scan-${Date.now()}.sarif`)
  await writeFile(file, JSON.stringify(toSarif(report.findings, imageUri), null, 2))
  core.setOutput(Output.findingsFile, file)
}

const RANK: Record<Bucket, number> = Object.fromEntries(BUCKETS.map((b, i) => [b, i])) as Record<
  Bucket,
  number
>

/** The summary part: counts by severity, then the worst findings with package, versions and a link. */
export function addScanSummary(summary: typeof core.summary, report: ScanGateReport): void {
  summary.addHeading('Image scan', 3)
  summary.addTable([headerRow(...BUCKETS), BUCKETS.map(bucket => String(report.gate.counts[bucket]))])
  const top = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, 20)
  if (top.length > 0) {
    summary.addTable([
      headerRow('Vulnerability', 'Severity', 'Package', 'Installed', 'Fixed in'),
      ...top.map(f => [
        link(f.url, escapeHtml(f.id)),
        f.severity + (report.gate.ignored.includes(f) ? ' (ignored)' : ''),
        escapeHtml(f.package ?? ''),
        escapeHtml(f.installed ?? ''),
        escapeHtml(f.fixed ?? '')
      ])
    ])
  }
  summary.addRaw(
    `<p>${report.failure ? `Gate failed: ${escapeHtml(report.failure)}` : 'Gate passed.'}</p>`,
    true
  )
}
