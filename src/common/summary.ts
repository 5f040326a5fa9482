import * as core from '@actions/core'
import { messageOf } from './errors.js'

// Pieces for the job summary, which is HTML: every value that the action did not write itself (tags,
// digests, names, registry and AWS messages) goes in escaped.

/** A value for HTML in the job summary: markup characters escaped. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

export const code = (value: unknown): string => `<code>${escapeHtml(value)}</code>`

/**
 * `html` (markup the caller built, values escaped) as a link when `url` is http(s); with any other scheme
 * (javascript:, data:) it is shown without the link.
 */
export function link(url: string | undefined, html: string): string {
  if (!url || !/^https?:\/\//i.test(url)) return html
  return `<a href="${escapeHtml(url)}">${html}</a>`
}

/** A table's header row. */
export const headerRow = (...names: string[]) => names.map(data => ({ data, header: true }))

/** Builds and writes the summary; a failure to write it is a warning, never a failed step. */
export async function writeSummary(build: (summary: typeof core.summary) => void): Promise<void> {
  try {
    build(core.summary)
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`)
  }
}
