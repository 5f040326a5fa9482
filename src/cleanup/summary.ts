import { formatAge } from '../common/duration.js'
import { formatBytes, shortDigest } from '../common/format.js'
import { code, escapeHtml, headerRow, writeSummary } from '../common/summary.js'
import type { ImageDecision } from './planner.js'

export interface RepositoryReport {
  name: string
  decisions: ImageDecision[]
  /** Digests to delete, parents before children, in waves. */
  waves: string[][]
  /** Images kept because they are in use (or were pulled lately) that the other rules would have deleted. */
  saved: ImageDecision[]
  /** Digests actually deleted (empty in a dry run). */
  deleted: Set<string>
  /** Digests actually archived (empty in a dry run). */
  archived: Set<string>
  /** Planned, but not done: read again right before the call, they were wanted (digest → why). */
  spared: Map<string, string>
  /** Digests another deleter removed before this run's call reached them. */
  alreadyGone: Set<string>
  failed: { digest: string; code: string; reason: string }[]
  /** With delete-empty-repositories: what happened to the repository once emptied. */
  repositoryDeletion?: string
}

const MAX_ROWS = 200
type Summary = Parameters<Parameters<typeof writeSummary>[0]>[0]

/** Per repository: images before and after, what the in-use scan saved, what went (or would go) and why. */
export async function writeCleanupSummary(
  reports: RepositoryReport[],
  dryRun: boolean,
  deleteEmptyRepositories: boolean
): Promise<void> {
  await writeSummary(summary => {
    summary.addHeading(dryRun ? 'ECR cleanup plan (dry run: nothing deleted)' : 'ECR cleanup', 2)
    const archiving = reports.some(r => r.decisions.some(d => d.verdict === 'archive'))
    summary.addTable([
      headerRow(
        'Repository',
        'Images before',
        dryRun ? 'Would delete' : 'Deleted',
        ...(archiving ? [dryRun ? 'Would archive' : 'Archived'] : []),
        'Bytes',
        'Images after',
        'In use',
        'Spared',
        'Already gone',
        'Failed'
      ),
      ...reports.map(r => {
        const going = goingOf(r, dryRun)
        const deleting = going.filter(d => d.verdict === 'delete')
        const archived = going.filter(d => d.verdict === 'archive')
        return [
          code(r.name),
          String(r.decisions.length),
          String(deleting.length),
          ...(archiving ? [String(archived.length)] : []),
          formatBytes(going.reduce((sum, d) => sum + d.size, 0)),
          String(r.decisions.length - deleting.length - r.alreadyGone.size),
          String(r.decisions.filter(d => d.rule === 'in-use').length),
          String(r.spared.size),
          String(r.alreadyGone.size),
          String(r.failed.length)
        ]
      })
    ])
    addInUse(summary, reports)
    if (deleteEmptyRepositories) addRepositoryDeletions(summary, reports, dryRun)
    for (const report of reports) addDeleted(summary, report, dryRun)
  })
}

/** What the scan saved: per repository, images kept by each kind of use, and the images it kept from deletion. */
function addInUse(summary: Summary, reports: RepositoryReport[]): void {
  const used = reports.filter(r => r.decisions.some(d => d.usedBy))
  if (used.length === 0) return
  summary.addHeading('In use', 3)
  summary.addTable([
    headerRow('Repository', 'Kept by kind of use'),
    ...used.map(r => {
      const counts = new Map<string, number>()
      for (const d of r.decisions) {
        for (const kind of new Set((d.usedBy ?? []).map(u => u.split(':')[0] ?? u)))
          counts.set(kind, (counts.get(kind) ?? 0) + 1)
      }
      return [code(r.name), escapeHtml([...counts].map(([kind, n]) => `${kind} ${n}`).join(', '))]
    })
  ])
  const saved = reports.flatMap(r => r.saved.map(d => ({ repository: r.name, decision: d })))
  if (saved.length === 0) return
  summary.addRaw(
    `<p>Kept because in use (the other rules would have deleted them): ${saved.length}</p>`,
    true
  )
  summary.addTable([
    headerRow('Repository', 'Digest', 'Tags', 'Where used'),
    ...saved
      .slice(0, MAX_ROWS)
      .map(({ repository, decision: d }) => [
        code(repository),
        code(shortDigest(d.digest)),
        escapeHtml(d.tags.join(', ')) || '<i>untagged</i>',
        escapeHtml((d.usedBy ?? [d.rule]).join('; '))
      ])
  ])
}

function addRepositoryDeletions(summary: Summary, reports: RepositoryReport[], dryRun: boolean): void {
  const empty = reports.filter(r => r.failed.length === 0 && r.decisions.every(d => d.verdict === 'delete'))
  if (empty.length === 0) return
  summary.addHeading(
    dryRun ? 'Repositories that would be deleted (left empty)' : 'Repositories left empty',
    3
  )
  summary.addList(
    empty.map(r => `${code(r.name)}${r.repositoryDeletion ? `: ${escapeHtml(r.repositoryDeletion)}` : ''}`)
  )
}

function addDeleted(summary: Summary, report: RepositoryReport, dryRun: boolean): void {
  const going = goingOf(report, dryRun)
  if (going.length === 0 && report.failed.length === 0 && report.spared.size === 0) return
  summary.addHeading(
    `${escapeHtml(report.name)}: ${dryRun ? 'plan' : report.archived.size > 0 ? 'done' : 'deleted'}`,
    3
  )
  summary.addTable([
    headerRow('Digest', 'Tags', 'Age', 'Size', dryRun ? 'Would be' : 'Was', 'Rule'),
    ...going
      .slice(0, MAX_ROWS)
      .map(d => [
        code(shortDigest(d.digest)),
        escapeHtml(d.tags.join(', ')) || '<i>untagged</i>',
        formatAge(d.ageMs),
        formatBytes(d.size),
        d.verdict === 'archive' ? 'archived' : 'deleted',
        escapeHtml(d.rule)
      ])
  ])
  if (going.length > MAX_ROWS)
    summary.addRaw(`<p>… and ${going.length - MAX_ROWS} more (see the plan file)</p>`)
  if (report.spared.size > 0) {
    summary.addRaw(`<p>Spared, read again right before the call: ${report.spared.size}</p>`, true)
    summary.addList(
      [...report.spared]
        .slice(0, MAX_ROWS)
        .map(([digest, why]) => `${code(shortDigest(digest))}: ${escapeHtml(why)}`)
    )
  }
  if (report.failed.length > 0) {
    summary.addList(report.failed.map(f => escapeHtml(`${shortDigest(f.digest)}: ${f.code}: ${f.reason}`)))
  }
}

/** What went (or, in a dry run, would go): deleted or archived. */
function goingOf(report: RepositoryReport, dryRun: boolean): ImageDecision[] {
  return report.decisions.filter(d =>
    dryRun ? d.verdict !== 'keep' : report.deleted.has(d.digest) || report.archived.has(d.digest)
  )
}
