import type { ImageDetail, Repository } from '@aws-sdk/client-ecr'
import { repositoryConsoleUrl } from '../ecr/console.js'
import { exclusionsOf } from '../ecr/mutability.js'
import { policyStatements } from '../ecr/policies.js'
import { INDEX_MEDIA_TYPES, isIndex, type Manifest } from '../registry/media-types.js'
import { ARTIFACT_TAG } from '../registry/reference.js'
import { monthlyCost, type ReportDocument, type RepositoryEntry } from './document.js'

/** BuildKit's attestations: children of the image index, annotated with what they attest. */
const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type'
const WEEK_MS = 7 * 86_400_000
export const WEEKS = 12

/** What one repository holds, as read: the listing, every manifest, its policies, and what was asked besides. */
export interface RepositoryRead {
  repository: Repository
  details: ImageDetail[]
  manifests: Map<string, Manifest>
  lifecyclePolicyText?: string
  repositoryPolicyText?: string
  findings?: RepositoryEntry['findings']
  /** Digests a deployment uses; undefined when in-use was not asked. */
  inUse?: ReadonlySet<string>
  /** Whether a registry-level scanning rule scans this repository on push. */
  registryScansOnPush: boolean
}

/** Pure: the referrers among a repository's images (signatures, attestations, SBOMs). */
export function referrersOf(details: ImageDetail[], manifests: ReadonlyMap<string, Manifest>): Set<string> {
  const referrers = new Set<string>()
  for (const detail of details) {
    const digest = detail.imageDigest ?? ''
    const manifest = manifests.get(digest)
    const tags = detail.imageTags ?? []
    if (
      detail.subjectManifestDigest ||
      manifest?.subject ||
      (tags.length > 0 && tags.every(t => ARTIFACT_TAG.test(t)))
    )
      referrers.add(digest)
    if (manifest && isIndex(manifest)) {
      for (const child of manifest.manifests)
        if (child.annotations?.[ATTESTATION_ANNOTATION] === 'attestation-manifest')
          referrers.add(child.digest)
    }
  }
  return referrers
}

/**
 * Pure: the distinct blobs (configs and layers) the manifests reference, each once: what ECR stores and
 * bills. A blob only archived images reference counts as archived too.
 */
export function blobBytes(
  details: ImageDetail[],
  manifests: ReadonlyMap<string, Manifest>
): { bytes: number; archivedBytes: number } {
  const blobs = new Map<string, { size: number; active: boolean }>()
  for (const detail of details) {
    const manifest = manifests.get(detail.imageDigest ?? '')
    if (!manifest || isIndex(manifest)) continue
    const active = detail.imageStatus !== 'ARCHIVED'
    for (const blob of [manifest.config, ...(manifest.layers ?? [])]) {
      if (!blob?.digest) continue
      const seen = blobs.get(blob.digest)
      blobs.set(blob.digest, { size: blob.size ?? 0, active: active || (seen?.active ?? false) })
    }
  }
  let bytes = 0
  let archivedBytes = 0
  for (const blob of blobs.values()) {
    bytes += blob.size
    if (!blob.active) archivedBytes += blob.size
  }
  return { bytes, archivedBytes }
}

/** Pure: whether a repository policy lets anyone in (an Allow to Principal "*" without a condition). */
export function policyFacts(text: string | undefined): RepositoryEntry['repositoryPolicy'] {
  if (text === undefined) return { present: false, statements: 0, publicAccess: false }
  // ECR keeps only valid policies; an unreadable one is shown as present with no statement.
  const statements = policyStatements(text)
  const anyone = (principal: unknown): boolean => {
    if (principal === '*') return true
    const aws = (principal as { AWS?: unknown } | undefined)?.AWS
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'))
  }
  const unconditioned = (condition: unknown) =>
    condition === undefined || (typeof condition === 'object' && Object.keys(condition ?? {}).length === 0)
  return {
    present: true,
    statements: statements.length,
    publicAccess: statements.some(
      s => s.Effect === 'Allow' && anyone(s.Principal) && unconditioned(s.Condition)
    )
  }
}

/** Pure: the number of rules of a lifecycle policy text (0 when it cannot be read). */
export function lifecycleRules(text: string): number {
  try {
    const rules = (JSON.parse(text) as { rules?: unknown }).rules
    return Array.isArray(rules) ? rules.length : 0
  } catch {
    return 0
  }
}

/** The Monday (UTC) of a time's week, as YYYY-MM-DD. */
export function weekOf(time: Date): string {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()))
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/** The Mondays of the last `WEEKS` weeks up to `now`, oldest first. */
export function lastWeeks(now: Date): string[] {
  const current = new Date(`${weekOf(now)}T00:00:00Z`).getTime()
  return Array.from({ length: WEEKS }, (_, i) =>
    new Date(current - (WEEKS - 1 - i) * WEEK_MS).toISOString().slice(0, 10)
  )
}

/** Pure: images pushed per week over the last twelve weeks (weeks without a push left out). */
export function pushesByWeek(details: ImageDetail[], now: Date): Record<string, number> {
  const weeks = new Set(lastWeeks(now))
  const counts: Record<string, number> = {}
  for (const detail of details) {
    if (!detail.imagePushedAt) continue
    const week = weekOf(detail.imagePushedAt)
    if (weeks.has(week)) counts[week] = (counts[week] ?? 0) + 1
  }
  return counts
}

/** The image whose findings stand for the repository: the newest pushed that is an image (no index, no referrer). */
export function newestScannable(details: ImageDetail[], referrers: ReadonlySet<string>): string | undefined {
  const candidates = details.filter(
    d =>
      d.imageDigest &&
      !INDEX_MEDIA_TYPES.has(d.imageManifestMediaType ?? '') &&
      !referrers.has(d.imageDigest) &&
      d.imageStatus !== 'ARCHIVED'
  )
  const newest = candidates.sort((a, b) => time(b.imagePushedAt) - time(a.imagePushedAt))[0]
  return newest?.imageDigest
}

const time = (date: Date | undefined) => date?.getTime() ?? 0
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

/** Pure: a repository's report entry from what was read (requirements judged later). */
export function repositoryEntry(
  read: RepositoryRead,
  context: { region: string; registryId: string; prices: ReportDocument['prices']; now: Date }
): RepositoryEntry {
  const { repository, details, manifests } = read
  const name = repository.repositoryName ?? ''
  const registryId = repository.registryId ?? context.registryId
  const pushed = details.map(d => time(d.imagePushedAt)).filter(t => t > 0)
  const pulled = details.map(d => time(d.lastRecordedPullTime)).filter(t => t > 0)
  const { bytes, archivedBytes } = blobBytes(details, manifests)
  const inUse = read.inUse
  return {
    repository: name,
    region: context.region,
    registryId,
    consoleUrl: repositoryConsoleUrl(context.region, registryId, name),
    images: details.length,
    tagged: details.filter(d => (d.imageTags ?? []).length > 0).length,
    untagged: details.filter(d => (d.imageTags ?? []).length === 0).length,
    indexes: details.filter(d => INDEX_MEDIA_TYPES.has(d.imageManifestMediaType ?? '')).length,
    referrers: referrersOf(details, manifests).size,
    archived: details.filter(d => d.imageStatus === 'ARCHIVED').length,
    bytes,
    archivedBytes,
    imageBytes: details.reduce((sum, d) => sum + (d.imageSizeInBytes ?? 0), 0),
    monthlyCost: monthlyCost(bytes, archivedBytes, context.prices),
    newestPush: iso(pushed.length ? Math.max(...pushed) : undefined),
    oldestPush: iso(pushed.length ? Math.min(...pushed) : undefined),
    lastPull: iso(pulled.length ? Math.max(...pulled) : undefined),
    inUse: inUse ? details.filter(d => inUse.has(d.imageDigest ?? '')).length : null,
    settings: {
      mutability: repository.imageTagMutability ?? 'MUTABLE',
      mutabilityExclusions: exclusionsOf(repository),
      scanOnPush: Boolean(repository.imageScanningConfiguration?.scanOnPush) || read.registryScansOnPush,
      encryption: repository.encryptionConfiguration?.encryptionType ?? 'AES256',
      ...(repository.encryptionConfiguration?.kmsKey
        ? { kmsKey: repository.encryptionConfiguration.kmsKey }
        : {})
    },
    lifecyclePolicy: {
      present: read.lifecyclePolicyText !== undefined,
      rules: read.lifecyclePolicyText === undefined ? 0 : lifecycleRules(read.lifecyclePolicyText)
    },
    repositoryPolicy: policyFacts(read.repositoryPolicyText),
    ...(read.findings ? { findings: read.findings } : {}),
    pushesByWeek: pushesByWeek(details, context.now),
    requirements: {},
    reasons: []
  }
}
