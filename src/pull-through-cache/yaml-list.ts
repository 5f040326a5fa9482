import { isSeq, parseDocument, type Node } from 'yaml'
import { InputError } from '../common/errors.js'

/**
 * An input that is a YAML list (`rules`, `templates`): its items, or one InputError naming the input and,
 * for a syntax error, the line and column (never the text, which may carry a credential).
 */
export function parseYamlList(input: string, raw: string, noun: string): unknown[] {
  if (raw.trim() === '') return []
  const document = parseDocument(raw)
  const syntax = document.errors[0]
  if (syntax) {
    const at = syntax.linePos?.[0]
    throw new InputError(
      input,
      `is not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${syntax.message.split('\n')[0]}`
    )
  }
  if (!isSeq(document.contents))
    throw new InputError(input, `must be a YAML list of ${noun} (each item: - prefix: …)`)
  return document.contents.items as Node[]
}
