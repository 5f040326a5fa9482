import type { RepositoryFacts, RuleName } from './requirements.js'

/** The JSON report's version: a change that breaks readers raises it (merge refuses another). */
export const SCHEMA_VERSION = 1

/** A registry-level read: its value, or why it could not be read (never a failure of the step). */
export type Readable<T> = { value: T } | { notReadable: string }

/** One repository, as `repositories[]` of the report file holds it (the README documents each field). */
export interface RepositoryEntry extends RepositoryFacts {
  repository: string
  region: string
  registryId: string
  consoleUrl: string
  tagged: number
  indexes: number
  referrers: number
  archived: number
  /** Distinct blobs only archived images reference (billed at the archive price). */
  archivedBytes: number
  /** The sum of ECR's imageSizeInBytes: shared layers once per image, an index as its largest child. */
  imageBytes: number
  monthlyCost: number
  newestPush: string | null
  oldestPush: string | null
  lastPull: string | null
  /** Images a deployment uses; null when in-use was not asked. */
  inUse: number | null
  settings: RepositoryFacts['settings'] & { mutabilityExclusions: string[]; kmsKey?: string }
  lifecyclePolicy: { present: boolean; rules: number }
  repositoryPolicy: { present: boolean; statements: number; publicAccess: boolean }
  findings?: { image: string; status: string; counts?: Record<string, number> }
  /** Images pushed per week, keyed by the week's Monday (UTC, YYYY-MM-DD), the last twelve weeks. */
  pushesByWeek: Record<string, number>
  /** Each rule of `require`: met or not. */
  requirements: Partial<Record<RuleName, boolean>>
  /** Why the repository fails its requirements (empty when it meets them all). */
  reasons: string[]
}

export interface RegistrySettings {
  registryPolicy: Readable<{ statements: number } | null>
  replication: Readable<{ rules: number; destinations: string[] }>
  scanning: Readable<{ scanType: string; rules: { scanFrequency: string; filters: string[] }[] }>
  pullThroughCacheRules: Readable<{ prefix: string; upstream: string }[]>
  creationTemplates: Readable<{ prefix: string; appliedFor: string[] }[]>
  accountSettings: Record<string, Readable<string>>
  signing: Readable<{ rules: number; profiles: string[] } | null>
}

export interface RegistryEntry {
  registryId: string
  region: string
  /** Absent when registry-id named another account's registry (only its own account reads them). */
  settings?: RegistrySettings
}

export interface ReportDocument {
  schemaVersion: number
  generatedAt: string
  prices: { perGbMonth: number; archivePerGbMonth: number }
  /** The rules the repositories were judged by (each report of a merge may have its own). */
  requirements: RuleName[]
  totals: {
    repositories: number
    images: number
    bytes: number
    imageBytes: number
    monthlyCost: number
    nonCompliant: number
  }
  registries: RegistryEntry[]
  repositories: RepositoryEntry[]
}

/** The `non-compliant` output's items. */
export const nonCompliant = (report: ReportDocument) =>
  report.repositories
    .filter(r => r.reasons.length > 0)
    .map(r => ({ repository: r.repository, region: r.region, reasons: r.reasons }))

/** Pure: the report from its parts, totals summed, repositories in a stable order. */
export function buildReport(parts: Omit<ReportDocument, 'schemaVersion' | 'totals'>): ReportDocument {
  const repositories = [...parts.repositories].sort(
    (a, b) =>
      a.registryId.localeCompare(b.registryId) ||
      a.region.localeCompare(b.region) ||
      a.repository.localeCompare(b.repository)
  )
  const sum = (of: (r: RepositoryEntry) => number) => repositories.reduce((total, r) => total + of(r), 0)
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: parts.generatedAt,
    prices: parts.prices,
    requirements: parts.requirements,
    totals: {
      repositories: repositories.length,
      images: sum(r => r.images),
      bytes: sum(r => r.bytes),
      imageBytes: sum(r => r.imageBytes),
      monthlyCost: roundCost(sum(r => r.monthlyCost)),
      nonCompliant: repositories.filter(r => r.reasons.length > 0).length
    },
    registries: [...parts.registries].sort(
      (a, b) => a.registryId.localeCompare(b.registryId) || a.region.localeCompare(b.region)
    ),
    repositories
  }
}

/** Dollars to a hundredth of a cent: an estimate, not an invoice. */
export const roundCost = (dollars: number) => Math.round(dollars * 10_000) / 10_000

const GIB = 2 ** 30

/** Pure: the estimated monthly storage cost of a repository's blobs (AWS bills GB as 2^30 bytes). */
export function monthlyCost(bytes: number, archivedBytes: number, prices: ReportDocument['prices']): number {
  return roundCost(
    ((bytes - archivedBytes) / GIB) * prices.perGbMonth + (archivedBytes / GIB) * prices.archivePerGbMonth
  )
}

const CSV_COLUMNS: [string, (r: RepositoryEntry) => unknown][] = [
  ['registryId', r => r.registryId],
  ['region', r => r.region],
  ['repository', r => r.repository],
  ['images', r => r.images],
  ['tagged', r => r.tagged],
  ['untagged', r => r.untagged],
  ['indexes', r => r.indexes],
  ['referrers', r => r.referrers],
  ['archived', r => r.archived],
  ['bytes', r => r.bytes],
  ['archivedBytes', r => r.archivedBytes],
  ['imageBytes', r => r.imageBytes],
  ['monthlyCost', r => r.monthlyCost],
  ['newestPush', r => r.newestPush],
  ['oldestPush', r => r.oldestPush],
  ['lastPull', r => r.lastPull],
  ['inUse', r => r.inUse],
  ['mutability', r => r.settings.mutability],
  ['scanOnPush', r => r.settings.scanOnPush],
  ['encryption', r => r.settings.encryption],
  ['lifecyclePolicy', r => r.lifecyclePolicy.present],
  ['lifecycleRules', r => r.lifecyclePolicy.rules],
  ['repositoryPolicy', r => r.repositoryPolicy.present],
  ['publicAccess', r => r.repositoryPolicy.publicAccess],
  ['criticalFindings', r => r.findings?.counts?.CRITICAL],
  ['highFindings', r => r.findings?.counts?.HIGH],
  ['compliant', r => r.reasons.length === 0],
  ['reasons', r => r.reasons.join('; ')]
]

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text starting with
 * = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Pure: the CSV file, a header and one row per repository, CRLF line ends as RFC 4180 has them. */
export function toCsv(report: ReportDocument): string {
  const rows = [
    CSV_COLUMNS.map(([name]) => name),
    ...report.repositories.map(r => CSV_COLUMNS.map(([, of]) => csvField(of(r))))
  ]
  return rows.map(row => row.join(',')).join('\r\n') + '\r\n'
}
