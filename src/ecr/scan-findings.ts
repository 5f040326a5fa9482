import type { EnhancedImageScanFinding, ImageScanFinding } from '@aws-sdk/client-ecr'
import { InputError, quote } from '../common/errors.js'

/** Ranked severities, worst first; UNDEFINED and UNTRIAGED are kept apart: they have no rank. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const
export type Severity = (typeof SEVERITIES)[number]
export const BUCKETS = [...SEVERITIES, 'UNDEFINED', 'UNTRIAGED'] as const
export type Bucket = (typeof BUCKETS)[number]

/** One vulnerability, the same shape for basic and enhanced scanning. */
export interface Finding {
  id: string
  severity: Bucket
  package?: string
  installed?: string
  fixed?: string
  url?: string
  title?: string
}

export interface IgnoreEntry {
  id: string
  /** The ignore stops applying after this day (UTC), when given. */
  until?: Date
}

function bucketOf(severity: string | undefined): Bucket {
  const upper = (severity ?? '').toUpperCase()
  return (BUCKETS as readonly string[]).includes(upper) ? (upper as Bucket) : 'UNDEFINED'
}

export function fromBasic(finding: ImageScanFinding): Finding {
  const attribute = (key: string) => finding.attributes?.find(a => a.key === key)?.value
  return {
    id: finding.name ?? 'unknown',
    severity: bucketOf(finding.severity),
    package: attribute('package_name'),
    installed: attribute('package_version'),
    url: finding.uri,
    title: finding.description
  }
}

export function fromEnhanced(finding: EnhancedImageScanFinding): Finding {
  const details = finding.packageVulnerabilityDetails
  const pkg = details?.vulnerablePackages?.[0]
  return {
    id: details?.vulnerabilityId ?? finding.title ?? 'unknown',
    severity: bucketOf(finding.severity),
    package: pkg?.name,
    installed: pkg?.version,
    fixed: pkg?.fixedInVersion,
    url: details?.sourceUrl ?? finding.remediation?.recommendation?.url,
    title: finding.title ?? finding.description
  }
}

/** `ID` or `ID until=YYYY-MM-DD`, one per line. */
export function parseIgnoreList(lines: string[]): IgnoreEntry[] {
  return lines.map(line => {
    const [id, ...rest] = line.split(/\s+/)
    if (!id) throw new InputError('ignore-vulnerabilities', `${quote(line)} names no vulnerability`)
    if (rest.length === 0) return { id }
    const until = /^until=(\d{4}-\d{2}-\d{2})$/.exec(rest.join(' '))?.[1]
    const date = until ? new Date(`${until}T23:59:59.999Z`) : undefined
    if (!date || Number.isNaN(date.getTime()) || rest.length > 1) {
      throw new InputError('ignore-vulnerabilities', `${quote(line)} must be ID or ID until=YYYY-MM-DD`)
    }
    return { id, until: date }
  })
}

export interface GateResult {
  counts: Record<Bucket, number>
  /** Findings at or above the threshold that no ignore covers: these fail the gate. */
  blocking: Finding[]
  ignored: Finding[]
  /** Ignores whose date has passed, still listed in the input. */
  expired: IgnoreEntry[]
}

/** Pure: counts by severity and the findings that fail `threshold` (none: nothing fails). */
export function evaluateFindings(
  findings: Finding[],
  threshold: Severity | 'none',
  ignores: IgnoreEntry[],
  now: Date
): GateResult {
  const active = ignores.filter(entry => !entry.until || entry.until >= now)
  const expired = ignores.filter(entry => entry.until && entry.until < now)
  const counts = Object.fromEntries(BUCKETS.map(bucket => [bucket, 0])) as Record<Bucket, number>
  const ignored: Finding[] = []
  const blocking: Finding[] = []
  const limit = threshold === 'none' ? -1 : SEVERITIES.indexOf(threshold)
  for (const finding of findings) {
    counts[finding.severity]++
    if (active.some(entry => entry.id === finding.id)) {
      ignored.push(finding)
      continue
    }
    const rank = (SEVERITIES as readonly string[]).indexOf(finding.severity)
    if (rank >= 0 && rank <= limit) blocking.push(finding)
  }
  return { counts, blocking, ignored, expired }
}

/** SARIF 2.1.0, so the findings can go to GitHub code scanning (github/codeql-action/upload-sarif). */
export function toSarif(findings: Finding[], imageUri: string): object {
  const level = (severity: Bucket) =>
    severity === 'CRITICAL' || severity === 'HIGH' ? 'error' : severity === 'MEDIUM' ? 'warning' : 'note'
  const rules = [...new Map(findings.map(f => [f.id, f])).values()]
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Amazon ECR image scan',
            informationUri: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
            rules: rules.map(f => ({
              id: f.id,
              shortDescription: { text: f.title?.slice(0, 200) || f.id },
              helpUri: f.url,
              properties: { severity: f.severity }
            }))
          }
        },
        results: findings.map(f => ({
          ruleId: f.id,
          level: level(f.severity),
          message: {
            text: `${f.id} (${f.severity}) in ${f.package ?? 'a package'} ${f.installed ?? ''}${f.fixed ? `, fixed in ${f.fixed}` : ''}`
          },
          locations: [{ physicalLocation: { artifactLocation: { uri: imageUri } } }]
        }))
      }
    ]
  }
}
