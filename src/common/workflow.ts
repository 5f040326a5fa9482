import { EOL } from 'node:os'

/**
 * The runner's protocol without @actions/core: what the deliver action's post step needs (its state, a
 * warning, a plain line), so that step loads a few kilobytes instead of @actions/core's megabyte (its OIDC
 * client brings undici). Written as @actions/core writes them (`__tests__/common/workflow.test.ts` holds the
 * two together). `neutralize` lives here too, so a plain line is made safe by the one rule log.ts applies.
 */

// C0 controls but tab, DEL, and the Unicode line breaks: each could start a new line somewhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g
const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n' }

/**
 * Text that cannot be read as a workflow command: CR, LF and other controls become visible escapes
 * (`\r`, `\n`, `\u001b`), a leading `::` becomes `:\:` and every `##[` becomes `#\#[`.
 */
export function neutralize(text: string): string {
  return text
    .replace(LINE_BREAKING, char => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('##[', '#\\#[')
    .replace(/^(\s*):(?=:)/, '$1:\\')
}

/** What the main step saved under `name` (core.saveState), as core.getState reads it. */
export function stateOf(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

/** A plain line, neutralised (log.info's rule, for a step without @actions/core). */
export function printLine(text: string): void {
  // eslint-disable-next-line no-restricted-properties -- the post step's raw write, neutralised first
  process.stdout.write(neutralize(text) + EOL)
}

/** A warning annotation, its message escaped as core.warning escapes it. */
export function printWarning(message: string): void {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  // eslint-disable-next-line no-restricted-properties -- a workflow command: its data escaped above
  process.stdout.write(`::warning::${data}${EOL}`)
}
