import { formatBytes } from '../common/format.js'
import { code, escapeHtml, link, writeSummary } from '../common/summary.js'
import type { Readable, RegistryEntry, ReportDocument, RepositoryEntry } from './document.js'
import { lastWeeks } from './facts.js'

// The job summary is HTML (and one mermaid block): every value read from a registry or a report file goes
// in escaped, as in every summary of the suite.

/**
 * Repository rows in all (about 350 bytes each): GitHub caps a step's summary at 1 MiB, and a merge of many
 * regions must stay under it. The report file holds every repository.
 */
const MAX_ROWS = 1500
const PIE_SLICES = 10

const table = (header: string[], rows: string[][]): string =>
  `<table><tr>${header.map(h => `<th>${h}</th>`).join('')}</tr>${rows
    .map(row => `<tr>${row.map(cell => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</table>\n\n`

const dollars = (value: number) => `$${value.toFixed(2)}`

/** A pie label: the repository name's own characters only, so nothing can end the label or the block. */
const pieLabel = (text: string) => text.replace(/[^A-Za-z0-9._/ ()-]/g, '_').slice(0, 80)

/** Pure: a mermaid pie of bytes by repository, the ten largest and the rest as "others". */
export function bytesPie(report: ReportDocument): string {
  const regions = new Set(report.repositories.map(r => `${r.registryId} ${r.region}`))
  const name = (r: RepositoryEntry) => (regions.size > 1 ? `${r.repository} (${r.region})` : r.repository)
  const largest = [...report.repositories].filter(r => r.bytes > 0).sort((a, b) => b.bytes - a.bytes)
  const slices = largest.slice(0, PIE_SLICES).map(r => [pieLabel(name(r)), r.bytes] as const)
  const others = largest.slice(PIE_SLICES).reduce((sum, r) => sum + r.bytes, 0)
  if (others > 0) slices.push(['others', others])
  if (slices.length === 0) return '<p>No bytes stored: no chart.</p>\n\n'
  const lines = slices.map(([label, bytes]) => `    "${label}" : ${bytes}`)
  return `\n\`\`\`mermaid\npie showData title Bytes by repository\n${lines.join('\n')}\n\`\`\`\n\n`
}

/** Pure: images pushed per week over the last twelve weeks, every repository together. */
export function pushesTable(report: ReportDocument): string {
  const weeks = lastWeeks(new Date(report.generatedAt))
  const counts = weeks.map(week =>
    report.repositories.reduce((sum, r) => sum + (r.pushesByWeek?.[week] ?? 0), 0)
  )
  return table(['Week of', ...weeks.map(w => w.slice(5))], [['Images pushed', ...counts.map(String)]])
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? '✓' : '✗')

/** Pure: a table per registry and region, a ✓ or ✗ per requirement, each repository linked to its console page. */
export function regionTables(report: ReportDocument): string {
  const groups = new Map<string, RepositoryEntry[]>()
  for (const r of report.repositories) {
    const key = `${r.registryId} ${r.region}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const rules = report.requirements
  let html = ''
  let budget = MAX_ROWS
  for (const [key, entries] of groups) {
    const [registryId, region] = key.split(' ')
    html += `<h3>${escapeHtml(region)} (${escapeHtml(registryId)})</h3>\n\n`
    const ordered = [...entries].sort(
      (a, b) => Number(b.reasons.length > 0) - Number(a.reasons.length > 0) || b.bytes - a.bytes
    )
    html += table(
      [
        'Repository',
        'Images',
        'Untagged',
        'Bytes',
        'Monthly',
        'Newest push',
        'Last pull',
        ...rules.map(rule => code(rule)),
        'Reasons'
      ],
      ordered
        .slice(0, budget)
        .map(r => [
          link(r.consoleUrl, code(r.repository)),
          String(r.images),
          String(r.untagged),
          formatBytes(r.bytes),
          dollars(r.monthlyCost),
          escapeHtml(r.newestPush?.slice(0, 10) ?? '–'),
          escapeHtml(r.lastPull?.slice(0, 10) ?? '–'),
          ...rules.map(rule => mark(r.requirements?.[rule])),
          escapeHtml(r.reasons.join('; '))
        ])
    )
    if (ordered.length > budget)
      html += `<p>… and ${ordered.length - budget} more (see the report file)</p>\n\n`
    budget = Math.max(0, budget - ordered.length)
  }
  return html
}

const shown = <T>(setting: Readable<T> | undefined, show: (value: T) => string): string => {
  if (!setting) return 'not read'
  return 'value' in setting ? show(setting.value) : `not readable: ${escapeHtml(setting.notReadable)}`
}
const listed = (items: string[]) => (items.length === 0 ? 'none' : items.map(code).join(', '))

/** Pure: each registry's settings, a row per setting; a denied read says which permission it needs. */
export function settingsTables(registries: RegistryEntry[]): string {
  let html = ''
  for (const registry of registries) {
    html += `<h3>Registry ${escapeHtml(registry.registryId)} in ${escapeHtml(registry.region)}</h3>\n\n`
    const s = registry.settings
    if (!s) {
      html += '<p>Not read: registry-id names a registry; its own account reads its settings.</p>\n\n'
      continue
    }
    const rows: [string, string][] = [
      ['Registry policy', shown(s.registryPolicy, v => (v ? `${v.statements} statements` : 'none'))],
      [
        'Replication',
        shown(s.replication, v => (v.rules ? `${v.rules} rules to ${listed(v.destinations)}` : 'none'))
      ],
      [
        'Scanning',
        shown(
          s.scanning,
          v =>
            `${escapeHtml(v.scanType)}${v.rules.length ? `: ${v.rules.map(r => `${escapeHtml(r.scanFrequency)} ${listed(r.filters)}`).join('; ')}` : ''}`
        )
      ],
      [
        'Pull-through-cache rules',
        shown(s.pullThroughCacheRules, v => listed(v.map(rule => `${rule.prefix} → ${rule.upstream}`)))
      ],
      [
        'Repository creation templates',
        shown(s.creationTemplates, v => listed(v.map(t => `${t.prefix} (${t.appliedFor.join(', ')})`)))
      ],
      ...Object.entries(s.accountSettings ?? {}).map(
        ([name, value]) => [code(name), shown(value, v => code(v))] as [string, string]
      ),
      ['Signing', shown(s.signing, v => (v ? `${v.rules} rules, profiles ${listed(v.profiles)}` : 'none'))]
    ]
    html += table(['Setting', 'Value'], rows)
  }
  return html
}

/** Pure: the whole summary. */
export function summaryHtml(report: ReportDocument, merged: number): string {
  const t = report.totals
  const heading = merged > 0 ? `ECR report (${merged} reports merged)` : 'ECR report'
  return (
    `<h2>${heading}</h2>\n\n` +
    table(
      [
        'Repositories',
        'Images',
        'Bytes (distinct blobs)',
        'Image bytes (ECR sizes)',
        'Estimated monthly',
        'Non-compliant'
      ],
      [
        [
          String(t.repositories),
          String(t.images),
          formatBytes(t.bytes),
          formatBytes(t.imageBytes),
          dollars(t.monthlyCost),
          String(t.nonCompliant)
        ]
      ]
    ) +
    `<h3>Bytes by repository</h3>\n` +
    bytesPie(report) +
    `<h3>Images pushed per week</h3>\n\n` +
    pushesTable(report) +
    regionTables(report) +
    settingsTables(report.registries)
  )
}

export async function writeReportSummary(report: ReportDocument, merged: number): Promise<void> {
  await writeSummary(summary => summary.addRaw(summaryHtml(report, merged), true))
}
