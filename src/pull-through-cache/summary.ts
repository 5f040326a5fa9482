import { code, escapeHtml, headerRow, writeSummary } from '../common/summary.js'
import type { TemplateReport } from './template-sync.js'
import type { WarmResult } from './warm.js'
import type { BaseImages } from './warm-from.js'

export interface RuleReport {
  prefix: string
  upstream?: string
  action: string
  valid?: boolean
  failure?: string
}

const STATUS = { cached: 'cached already', fetched: 'fetched now', failed: 'failed' } as const

/**
 * Creation templates (prefix, applied for, change, existing repositories that differ), rules (prefix →
 * upstream, validated) and warmed images with their digests, in the order they appear (one function: it
 * reads as the summary does). Never fails the step.
 */
export async function writeCacheSummary(
  rules: RuleReport[],
  images: WarmResult[],
  host: string,
  templates: TemplateReport[] = [],
  bases: BaseImages[] = []
): Promise<void> {
  await writeSummary(summary => {
    summary.addHeading('ECR pull-through cache', 2)
    if (templates.length > 0) {
      summary.addHeading('Repository creation templates', 3)
      summary.addTable([
        headerRow('Prefix', 'Applied for', 'Change', 'Existing repositories that differ'),
        ...templates.map(t => [
          code(t.prefix),
          escapeHtml(t.appliedFor.join(', ')),
          escapeHtml(t.action + (t.changes ? `: ${t.changes.join(', ')}` : '')),
          t.differing
            .map(
              r =>
                `${code(r.repository)}: ${escapeHtml(r.differences.join('; '))}` +
                (r.fixed ? ` (brought in line: ${escapeHtml(r.fixed.join('; '))})` : '')
            )
            .join('<br>')
        ])
      ])
    }
    if (rules.length > 0) {
      summary.addTable([
        headerRow('Prefix', 'Upstream', 'Change', 'Validated'),
        ...rules.map(r => [
          code(r.prefix),
          escapeHtml(r.upstream ?? ''),
          escapeHtml(r.action),
          r.valid === undefined ? '' : r.valid ? 'yes' : `no: ${escapeHtml(r.failure ?? '')}`
        ])
      ])
    }
    const routed = bases.flatMap(file => file.bases.map(base => ({ file: file.path, ...base })))
    if (routed.length > 0) {
      summary.addHeading('Base images', 3)
      summary.addTable([
        headerRow('Dockerfile', 'FROM', 'Through the cache'),
        ...routed.map(b => [
          code(`${b.file}:${b.from.line}`),
          code(b.from.image),
          b.target
            ? code(`${host}/${b.target.repository}:${b.target.reference}`)
            : `no: ${escapeHtml(b.reason ?? '')}`
        ])
      ])
    }
    if (images.length > 0) {
      summary.addTable([
        headerRow('Image', 'Cache reference', 'Digest', 'Result'),
        ...images.map(r => [
          code(r.target.input),
          code(`${host}/${r.target.repository}:${r.target.reference}`),
          r.digest ? code(r.digest) : '',
          r.status === 'failed'
            ? `failed: ${escapeHtml(r.message ?? '')}`
            : STATUS[r.status] + (r.children.length ? ` (+${r.children.length} platforms)` : '')
        ])
      ])
    }
  })
}
