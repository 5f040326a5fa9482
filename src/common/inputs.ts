import type { DurationBounds } from './duration.js'
import { InputError, quote } from './errors.js'

/**
 * Helpers that turn raw input strings into typed values. Each action's `inputs.ts` calls them
 * from one parse function, so every rule is checked in one place before any work starts.
 * They take the raw string, not a name to look up, so they stay pure and table-testable.
 */

/** Items separated by newlines or commas, trimmed, blanks dropped, duplicates removed (order kept). */
export function parseList(raw: string): string[] {
  const items = raw
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
  return [...new Set(items)]
}

/** Items one per line (for values that may contain commas), trimmed, blanks and `#` comments dropped. */
export function parseLines(raw: string): string[] {
  return raw
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

const TRUE = new Set(['true', 'yes', 'on', '1'])
const FALSE = new Set(['false', 'no', 'off', '0'])

/** YAML-ish booleans; empty gives the fallback (or undefined: "not given"). */
export function parseBoolean(input: string, raw: string): boolean | undefined
export function parseBoolean(input: string, raw: string, fallback: boolean): boolean
export function parseBoolean(input: string, raw: string, fallback?: boolean): boolean | undefined {
  const value = raw.trim().toLowerCase()
  if (value === '') return fallback
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new InputError(input, `must be true or false, got ${quote(raw.trim())}`)
}

/** A whole number within bounds; empty gives the fallback. */
export function parseInteger(
  input: string,
  raw: string,
  bounds: { min: number; max: number; fallback: number }
): number {
  const value = raw.trim()
  if (value === '') return bounds.fallback
  if (!/^\d+$/.test(value) || Number(value) < bounds.min || Number(value) > bounds.max) {
    throw new InputError(
      input,
      `must be a whole number from ${bounds.min} to ${bounds.max}, got ${quote(value)}`
    )
  }
  return Number(value)
}

/** One of a fixed set of values (case-insensitive match, canonical spelling returned); empty → undefined. */
export function parseEnum<T extends string>(
  input: string,
  raw: string,
  allowed: readonly T[]
): T | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  const match = allowed.find(candidate => candidate.toLowerCase() === value.toLowerCase())
  if (match === undefined)
    throw new InputError(input, `must be one of ${allowed.join(' | ')}, got ${quote(value)}`)
  return match
}

/** `key=value` per line (or comma separated); keys unique. */
export function parseKeyValues(input: string, raw: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const item of parseList(raw)) {
    const separator = item.indexOf('=')
    if (separator <= 0) throw new InputError(input, `each entry must be key=value, got ${quote(item)}`)
    const key = item.slice(0, separator).trim()
    if (key in result) throw new InputError(input, `key ${quote(key)} is given twice`)
    result[key] = item.slice(separator + 1).trim()
  }
  return result
}

/** A wildcard pattern where `*` matches any run of characters and nothing else is special. */
export function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`)
}

/** The `stall-timeout` input of the actions that reach a registry (deliver, pull-through-cache). */
export const STALL_TIMEOUT: DurationBounds = {
  fallback: '60s',
  units: ['s', 'm'],
  minMs: 1000,
  maxMs: 3_600_000
}
