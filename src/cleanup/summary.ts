import { formatAge } from '../common/duration.js'
import { formatBytes, shortDigest } from '../common/format.js'
import { code, escapeHtml, headerRow, writeSummary } from '../common/summary.js'
import type { ImageDecision } from './planner.js'

export interface RepositoryReport {
  name: string
  decisions: ImageDecision[]
  /** Digests actually deleted (empty in a dry run). */
  deleted: Set<string>
  /** Digests another deleter removed before this run's call reached them. */
  alreadyGone: Set<string>
  failed: { digest: string; code: string; reason: string }[]
}

const MAX_ROWS = 200

/** Per repository: images before and after, what went (or would go) with tags, age and rule. */
export async function writeCleanupSummary(reports: RepositoryReport[], dryRun: boolean): Promise<void> {
  await writeSummary(summary => {
    summary.addHeading(dryRun ? 'ECR cleanup plan (dry run: nothing deleted)' : 'ECR cleanup', 2)
    summary.addTable([
      headerRow(
        'Repository',
        'Images before',
        dryRun ? 'Would delete' : 'Deleted',
        'Bytes',
        'Images after',
        'Already gone',
        'Failed'
      ),
      ...reports.map(r => {
        const going = goingOf(r, dryRun)
        return [
          code(r.name),
          String(r.decisions.length),
          String(going.length),
          formatBytes(going.reduce((sum, d) => sum + d.size, 0)),
          String(r.decisions.length - going.length - r.alreadyGone.size),
          String(r.alreadyGone.size),
          String(r.failed.length)
        ]
      })
    ])
    for (const report of reports) {
      const going = goingOf(report, dryRun)
      if (going.length === 0 && report.failed.length === 0) continue
      summary.addHeading(`${escapeHtml(report.name)}: ${dryRun ? 'plan' : 'deleted'}`, 3)
      summary.addTable([
        headerRow('Digest', 'Tags', 'Age', 'Size', 'Rule'),
        ...going
          .slice(0, MAX_ROWS)
          .map(d => [
            code(shortDigest(d.digest)),
            escapeHtml(d.tags.join(', ')) || '<i>untagged</i>',
            formatAge(d.ageMs),
            formatBytes(d.size),
            escapeHtml(d.rule)
          ])
      ])
      if (going.length > MAX_ROWS)
        summary.addRaw(`<p>… and ${going.length - MAX_ROWS} more (see the plan file)</p>`)
      if (report.failed.length > 0) {
        summary.addList(
          report.failed.map(f => escapeHtml(`${shortDigest(f.digest)}: ${f.code}: ${f.reason}`))
        )
      }
    }
  })
}

function goingOf(report: RepositoryReport, dryRun: boolean): ImageDecision[] {
  return report.decisions.filter(d => (dryRun ? d.verdict === 'delete' : report.deleted.has(d.digest)))
}
