import * as core from '@actions/core'

/**
 * The one way to print a plain log line. The runner reads a line as a workflow command when it starts
 * with `::` after leading whitespace, or when it holds `##[` anywhere (the legacy form, still parsed);
 * it breaks lines at CR as well as LF. `core.info` writes raw text, so a path, tag, media type or registry
 * message printed with it could inject `::stop-commands::` or `::add-mask::`. Everything that reaches the
 * log through here is neutralised, whoever wrote it. (`core.warning`, `core.error`, `core.debug` and
 * `core.startGroup` are commands whose data @actions/core escapes: they are safe as they are.)
 */
export function info(message: string): void {
  // eslint-disable-next-line no-restricted-properties -- the one sanctioned raw write
  core.info(neutralize(message))
}

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
