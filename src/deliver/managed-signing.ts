import type * as core from '@actions/core'
import type { ECRClient, ImageSigningStatus } from '@aws-sdk/client-ecr'
import { quote } from '../common/errors.js'
import * as log from '../common/log.js'
import { pollUntil } from '../common/poll.js'
import { sleep as realSleep } from '../common/retry.js'
import { code, escapeHtml, headerRow } from '../common/summary.js'
import { ensureSigningRule, signingStatusOf } from '../ecr/signing-configuration.js'
import type { RegistryClient } from '../registry/client.js'
import { listReferrers, type Referrer } from '../registry/referrers.js'
import type { Delivery } from './delivery.js'
import type { ManagedSigningInputs } from './managed-signing-inputs.js'

/**
 * ECR managed signing (`signing-profile`), in two parts: before the push, a rule of the registry's signing
 * configuration made to cover the repository with the profile (registry-wide, said in the log); after it,
 * the wait for ECR to report the delivered digest signed by that profile and for its Notation signature to
 * be listed as a referrer. Each registry has its own configuration: main and every destination.
 */

/** The artifact type of a Notation signature, what ECR's managed signing stores as a referrer. */
export const NOTARY_SIGNATURE = 'application/vnd.cncf.notary.signature'

/** Ensures the rule; the sentence for the repository report when the configuration changed. */
export async function configureManagedSigning(
  ecr: ECRClient,
  profileArn: string,
  repository: { name: string; registryId?: string }
): Promise<string | undefined> {
  const { plan, registryId, ruleCount } = await ensureSigningRule(ecr, profileArn, repository)
  const registry = registryId ?? repository.registryId ?? 'of these credentials'
  log.info(
    `Managed signing: the signing configuration is registry-wide (registry ${registry}, ${ruleCount} rule` +
      `${ruleCount === 1 ? '' : 's'}); other rules are kept as they are`
  )
  const rule = `rule ${plan.kind === 'add' ? ruleCount : plan.rule + 1}`
  switch (plan.kind) {
    case 'covered':
      log.info(
        `Managed signing: ${rule} signs ${repository.name} with ${profileArn}` +
          (plan.filter ? ` (filter ${quote(plan.filter)})` : ' (a rule without filters: every repository)')
      )
      return undefined
    case 'append': {
      const change = `signing configuration: ${repository.name} added to the filters of ${rule} (${profileArn})`
      log.info(`Managed signing: ${change}`)
      return change
    }
    case 'add': {
      const change = `signing configuration: ${rule} added, signing ${repository.name} with ${profileArn}`
      log.info(`Managed signing: ${change}`)
      return change
    }
  }
}

/** What the wait in one registry found. */
export interface ManagedSigningReport {
  /** `main`, or the destination's label. */
  registry: string
  profileArn: string
  imageUri: string
  status: 'COMPLETE' | 'FAILED' | 'TIMED_OUT'
  /** The Notation signatures listed as referrers of the digest. */
  signatures: Referrer[]
  /** Why the step fails; undefined when signed. */
  failure?: string
}

export interface SigningWait {
  ecr: ECRClient
  registry: RegistryClient
  /** The repository's path in the registry (its name). */
  repository: string
  registryId?: string
  repositoryUri: string
  label: string
}

/**
 * Waits, polling with backoff until `signing-timeout`, for DescribeImageSigningStatus to say COMPLETE for
 * the digest and the profile, and for the registry to list a Notation signature of it. FAILED ends the wait
 * with ECR's code and reason; the deadline with what was awaited and the last status seen.
 */
export async function waitForManagedSignature(
  wait: SigningWait,
  digest: string,
  inputs: ManagedSigningInputs,
  options: { sleep?: (ms: number) => Promise<void>; now?: () => number } = {}
): Promise<ManagedSigningReport> {
  const now = options.now ?? Date.now
  const deadline = now() + inputs.timeoutMs
  const imageUri = `${wait.repositoryUri}@${digest}`
  const base = { registry: wait.label, profileArn: inputs.profileArn, imageUri }
  let last: ImageSigningStatus | undefined
  const image = { repositoryName: wait.repository, registryId: wait.registryId, digest }
  const check = async (): Promise<ManagedSigningReport | undefined> => {
    last = await signingStatusOf(wait.ecr, image, inputs.profileArn)
    if (last?.status === 'FAILED')
      return {
        ...base,
        status: 'FAILED',
        signatures: [],
        failure:
          `ECR managed signing of ${imageUri} with ${inputs.profileArn} FAILED: ` +
          `${quote(last.failureCode ?? 'no failure code')}: ${quote(last.failureReason ?? 'no reason given')}`
      }
    if (last?.status !== 'COMPLETE') return undefined
    const listed = await listReferrers(wait.registry, wait.repository, digest)
    const signatures = listed.filter(r => r.artifactType === NOTARY_SIGNATURE)
    return signatures.length > 0 ? { ...base, status: 'COMPLETE', signatures } : undefined
  }
  const sleep = options.sleep ?? realSleep
  const ended =
    (await pollUntil(check, { deadline, baseDelayMs: 1000, maxDelayMs: 15_000, sleep, now })) ??
    // The backoff stops short of the deadline when its next wait would pass it: one last look at the deadline.
    (now() < deadline ? await sleep(deadline - now()).then(check) : undefined)
  if (ended) {
    if (ended.status === 'COMPLETE')
      log.info(
        `${imageUri}: signed by ECR managed signing (${inputs.profileArn}): ` +
          ended.signatures.map(s => s.digest).join(', ')
      )
    return ended
  }
  const seen =
    last?.status === 'COMPLETE'
      ? 'ECR reports COMPLETE, but the registry lists no Notation signature of it'
      : last?.status
        ? `last status ${quote(last.status)}`
        : 'ECR reported no signing status for this profile (was the image pushed before a rule covered the repository?)'
  return {
    ...base,
    status: 'TIMED_OUT',
    signatures: [],
    failure:
      `Timed out after ${Math.round(inputs.timeoutMs / 1000)}s (signing-timeout) waiting for ECR managed signing ` +
      `to report ${imageUri} COMPLETE with ${inputs.profileArn} and its signature listed as a referrer: ${seen}`
  }
}

/** Pure: the delivery with the signatures among its referrers (each digest once). */
export function withSignatures(delivery: Delivery, report: ManagedSigningReport): Delivery {
  const known = new Set(delivery.referrers.map(r => r.digest))
  const added = report.signatures.filter(s => !known.has(s.digest))
  return added.length > 0 ? { ...delivery, referrers: [...delivery.referrers, ...added] } : delivery
}

/** The summary part: one row per registry, the profile, the status and the signature. */
export function addManagedSigningSummary(
  summary: typeof core.summary,
  reports: ManagedSigningReport[]
): void {
  summary.addHeading('ECR managed signing', 3)
  summary.addTable([
    headerRow('Registry', 'Image', 'Signing profile', 'Status', 'Signature'),
    ...reports.map(r => [
      escapeHtml(r.registry),
      code(r.imageUri),
      code(r.profileArn),
      r.failure ? `${r.status}: ${escapeHtml(r.failure)}` : r.status,
      r.signatures.map(s => code(s.digest)).join('<br>')
    ])
  ])
}
