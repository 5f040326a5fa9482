import { parse as parseYaml } from 'yaml'
import { InputError, quote } from '../common/errors.js'
import { formatBytes } from '../common/format.js'
import { TAG_MUTABILITIES, type TagMutability } from '../ecr/mutability.js'
import { ENCRYPTION_TYPES, type EncryptionType } from '../ecr/settings-diff.js'
import { Input } from './constants.js'

/** The facts about one repository that the requirements judge (a slice of its report entry). */
export interface RepositoryFacts {
  images: number
  untagged: number
  bytes: number
  settings: { mutability: string; scanOnPush: boolean; encryption: string }
  lifecyclePolicy: { present: boolean }
  repositoryPolicy: { present: boolean; publicAccess: boolean }
  /** Severity counts of the newest image's scan; undefined when findings were not read or none exist. */
  findings?: { status: string; counts?: Record<string, number> }
}

/** The rules `require` may hold, each with its parsed value. */
export interface Requirements {
  'scan-on-push'?: boolean
  mutability?: TagMutability[]
  encryption?: EncryptionType[]
  'lifecycle-policy'?: 'present' | 'absent'
  'repository-policy'?: 'present' | 'absent'
  'public-access'?: false
  'max-images'?: number
  'max-untagged'?: number
  'max-bytes'?: number
  'max-critical-findings'?: number
  'max-high-findings'?: number
}
export type RuleName = keyof Requirements

/** A predicate: undefined when the repository meets the rule, else the reason it does not. */
type Check<V> = (value: V, facts: RepositoryFacts) => string | undefined

const atMost =
  (
    what: string,
    of: (facts: RepositoryFacts) => number,
    show: (n: number) => string = String
  ): Check<number> =>
  (max, facts) =>
    of(facts) > max ? `${what} ${show(of(facts))}, more than ${show(max)}` : undefined

const findingsAtMost =
  (severity: 'CRITICAL' | 'HIGH'): Check<number> =>
  (max, facts) => {
    if (!facts.findings) return undefined
    if (!facts.findings.counts) return `no scan findings for the newest image (${facts.findings.status})`
    const count = facts.findings.counts[severity] ?? 0
    return count > max ? `${count} ${severity.toLowerCase()} findings, more than ${max}` : undefined
  }

const presence =
  (what: string, of: (facts: RepositoryFacts) => boolean): Check<'present' | 'absent'> =>
  (wanted, facts) =>
    (wanted === 'present') === of(facts) ? undefined : `${what} ${of(facts) ? 'present' : 'absent'}`

/** Each rule's predicate: pure, judged on the facts alone. */
const CHECKS: { [R in RuleName]-?: Check<NonNullable<Requirements[R]>> } = {
  'scan-on-push': (wanted, f) =>
    f.settings.scanOnPush === wanted ? undefined : `scan on push ${f.settings.scanOnPush ? 'on' : 'off'}`,
  mutability: (allowed, f) =>
    allowed.includes(f.settings.mutability as TagMutability)
      ? undefined
      : `tag mutability ${f.settings.mutability}`,
  encryption: (allowed, f) =>
    (allowed as string[]).includes(f.settings.encryption) ? undefined : `encryption ${f.settings.encryption}`,
  'lifecycle-policy': presence('lifecycle policy', f => f.lifecyclePolicy.present),
  'repository-policy': presence('repository policy', f => f.repositoryPolicy.present),
  'public-access': (_wanted, f) =>
    f.repositoryPolicy.publicAccess
      ? 'the repository policy allows Principal "*" without a condition'
      : undefined,
  'max-images': atMost('images', f => f.images),
  'max-untagged': atMost('untagged images', f => f.untagged),
  'max-bytes': atMost('stores', f => f.bytes, formatBytes),
  'max-critical-findings': findingsAtMost('CRITICAL'),
  'max-high-findings': findingsAtMost('HIGH')
}

export const RULE_NAMES = Object.keys(CHECKS) as RuleName[]

/** Pure: each rule given, met or not, with the reason when not. */
export function evaluate(
  requirements: Requirements,
  facts: RepositoryFacts
): { rule: RuleName; met: boolean; reason?: string }[] {
  return RULE_NAMES.filter(rule => requirements[rule] !== undefined).map(rule => {
    const check = CHECKS[rule] as Check<unknown>
    const reason = check(requirements[rule], facts)
    return reason === undefined ? { rule, met: true } : { rule, met: false, reason: `${rule}: ${reason}` }
  })
}

const SIZE_UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40
}

/** `50GiB`, `1.5 TB`, `1000` (bytes): a size in bytes, or undefined when it is not one. */
export function parseSize(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(String(raw).trim())
  const factor = SIZE_UNITS[(match?.[2] || 'B').toUpperCase()]
  if (!match || factor === undefined) return undefined
  const bytes = Math.round(Number(match[1]) * factor)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

const fail = (rule: string, why: string): never => {
  throw new InputError(Input.require, `${rule}: ${why}`)
}

const count = (rule: string, value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : fail(rule, `must be a whole number (0 or more), got ${quote(value)}`)

/** One value or a list, each one of `allowed` (case-insensitive, canonical spelling kept). */
const oneOf = <T extends string>(rule: string, value: unknown, allowed: readonly T[]): T[] => {
  const values = Array.isArray(value) ? value : [value]
  if (values.length === 0) fail(rule, `must name at least one of ${allowed.join(' | ')}`)
  return values.map(
    v =>
      allowed.find(a => a.toLowerCase() === String(v).toLowerCase()) ??
      fail(rule, `must be one of ${allowed.join(' | ')} (or a list of them), got ${quote(v)}`)
  )
}

const PARSERS: { [R in RuleName]-?: (value: unknown) => NonNullable<Requirements[R]> } = {
  'scan-on-push': v =>
    typeof v === 'boolean' ? v : fail('scan-on-push', `must be true or false, got ${quote(v)}`),
  mutability: v => oneOf('mutability', v, TAG_MUTABILITIES),
  encryption: v => oneOf('encryption', v, ENCRYPTION_TYPES),
  'lifecycle-policy': v => oneOf('lifecycle-policy', v, ['present', 'absent'] as const)[0] as 'present',
  'repository-policy': v => oneOf('repository-policy', v, ['present', 'absent'] as const)[0] as 'present',
  'public-access': v =>
    v === false
      ? false
      : fail('public-access', `can only be false (no public repository policy), got ${quote(v)}`),
  'max-images': v => count('max-images', v),
  'max-untagged': v => count('max-untagged', v),
  'max-bytes': v =>
    parseSize(v) ??
    fail('max-bytes', `must be a size such as 50GiB, 500MB or a number of bytes, got ${quote(v)}`),
  'max-critical-findings': v => count('max-critical-findings', v),
  'max-high-findings': v => count('max-high-findings', v)
}

/**
 * The `require` input: a YAML map of rule → value. An unknown rule, a value a rule does not take, or a
 * findings rule without `findings: true` is one `Input "require"` error, before any call.
 */
export function parseRequirements(raw: string, findings: boolean): Requirements {
  if (raw.trim() === '') return {}
  let document: unknown
  try {
    document = parseYaml(raw)
  } catch (error) {
    throw new InputError(Input.require, `is not YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError(
      Input.require,
      'must be a YAML map of rule: value (for example "scan-on-push: true")'
    )
  }
  const requirements: Requirements = {}
  for (const [rule, value] of Object.entries(document)) {
    if (!(RULE_NAMES as string[]).includes(rule))
      fail(quote(rule), `is not a rule; the rules are ${RULE_NAMES.join(', ')}`)
    const parse = PARSERS[rule as RuleName] as (value: unknown) => never
    ;(requirements as Record<string, unknown>)[rule] = parse(value)
  }
  const needsFindings = (['max-critical-findings', 'max-high-findings'] as const).find(
    rule => requirements[rule] !== undefined
  )
  if (needsFindings && !findings)
    fail(needsFindings, 'needs findings: true (the findings are read only then)')
  return requirements
}
