import { InputError } from './errors.js'
import { FileReadError, readFileInside, workspaceRoot } from './files.js'

/** Deeper nesting than any policy or manifest needs; deep enough nesting overflows recursive code. */
export const MAX_JSON_DEPTH = 64

/**
 * Parses JSON, or fails with a message that says where but never quotes the text (V8's own messages
 * quote it, and the text may come from a file that must not be shown). Nesting is bounded.
 */
export function parseJson(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // No cause attached on purpose: V8's message quotes the text.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`is not valid JSON${whereInvalid(text, error)}`)
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new Error(`nests deeper than ${MAX_JSON_DEPTH} levels`)
  }
  return value
}

/** Parses an input's JSON, or fails naming the input, the line and the column. */
export function parseJsonInput(input: string, text: string): unknown {
  try {
    return parseJson(text)
  } catch (error) {
    throw new InputError(input, (error as Error).message)
  }
}

function whereInvalid(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN)
  if (!Number.isNaN(position)) return ` at ${lineColumn(text, position)}`
  if (text.trim() === '') return ': it is empty'
  const first = text.search(/\S/)
  if (!/["{[\-0-9tfn]/.test(text.charAt(first)))
    return ` at ${lineColumn(text, first)}: it does not start like JSON`
  return ''
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n')
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
}

/** The nesting depth of a parsed value, counted without recursion and without going past `limit + 1`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of Object.values(node as object)) stack.push([child, depth + 1])
  }
  return deepest
}

/**
 * An input that holds JSON inline (starting with `{` or `[`) or names a file in the workspace (relative,
 * or absolute but inside it; regular files only, at most `maxBytes`); undefined when empty.
 */
export function readJsonInput(
  input: string,
  raw: string,
  maxBytes: number
): { text: string; value: unknown } | undefined {
  const trimmed = raw.trim()
  if (trimmed === '') return undefined
  let text = trimmed
  if (!/^[[{]/.test(trimmed)) {
    try {
      text = readFileInside(trimmed, workspaceRoot(), maxBytes).toString('utf8')
    } catch (error) {
      if (error instanceof FileReadError) {
        throw new InputError(input, `is neither inline JSON nor a readable file: ${error.message}`)
      }
      throw error
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
