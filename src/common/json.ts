import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { InputError } from './errors.js'

/** Parses JSON, or fails naming the input, the line and the column. */
export function parseJsonInput(input: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN)
    const at = Number.isNaN(position) ? '' : ` at ${lineColumn(text, position)}`
    throw new InputError(
      input,
      `is not valid JSON${at}: ${message.replace(/ in JSON at position \d+.*$/, '')}`
    )
  }
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n')
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
}

/** An input that holds JSON inline (starting with `{` or `[`) or names a file in the workspace; undefined when empty. */
export function readJsonInput(input: string, raw: string): { text: string; value: unknown } | undefined {
  const trimmed = raw.trim()
  if (trimmed === '') return undefined
  let text = trimmed
  if (!/^[[{]/.test(trimmed)) {
    const path = isAbsolute(trimmed)
      ? trimmed
      : resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), trimmed)
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      throw new InputError(input, `is neither inline JSON nor a readable file: ${trimmed}`)
    }
  }
  return { text, value: parseJsonInput(input, text) }
}

/** Structural equality of parsed JSON, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical((value as Record<string, unknown>)[key])])
    )
  }
  return value
}
