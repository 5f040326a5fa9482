import { InputError, quote } from './errors.js'

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
export type DurationUnit = keyof typeof UNIT_MS

/** `30d`, `12h`, `2w`, `10m` (`0d`: no age at all) → milliseconds. */
export function parseDuration(
  input: string,
  raw: string,
  units: readonly DurationUnit[] = ['h', 'd', 'w']
): number {
  const value = raw.trim()
  const match = /^(\d+)([a-z]+)$/.exec(value)
  const unit = match?.[2] as DurationUnit | undefined
  if (!match || !unit || !units.includes(unit)) {
    throw new InputError(
      input,
      `must be a whole number followed by ${units.join(', ')} (like 30d), got ${quote(value)}`
    )
  }
  return Number(match[1]) * UNIT_MS[unit]
}

/** 90061000 → "1d 1h". */
export function formatAge(ms: number): string {
  const days = Math.floor(ms / UNIT_MS.d)
  const hours = Math.floor((ms % UNIT_MS.d) / UNIT_MS.h)
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`
  const minutes = Math.floor((ms % UNIT_MS.h) / UNIT_MS.m)
  return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`
}

export interface DurationBounds {
  /** Used when the input is empty. */
  fallback: string
  units: readonly DurationUnit[]
  minMs: number
  maxMs: number
}

/** A duration input within bounds, e.g. a timeout: `30s`, `5m`. */
export function parseDurationWithin(input: string, raw: string, bounds: DurationBounds): number {
  const ms = parseDuration(input, raw.trim() || bounds.fallback, bounds.units)
  if (ms < bounds.minMs || ms > bounds.maxMs) {
    throw new InputError(
      input,
      `must be from ${formatDuration(bounds.minMs)} to ${formatDuration(bounds.maxMs)}, got ${quote(raw.trim())}`
    )
  }
  return ms
}

function formatDuration(ms: number): string {
  const unit = (['w', 'd', 'h', 'm', 's'] as const).find(u => ms % UNIT_MS[u] === 0) ?? 's'
  return `${ms / UNIT_MS[unit]}${unit}`
}
