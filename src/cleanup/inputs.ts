import { InputError, quote } from '../common/errors.js'
import { parseDuration } from '../common/duration.js'
import { parseBoolean, parseEnum, parseInteger, parseLines, parseList } from '../common/inputs.js'
import type { CleanupRules } from './planner.js'

export interface CleanupInputs {
  /** Repository names or globs (`team/*`, `**`). */
  repositories: string[]
  registryId?: string
  rules: CleanupRules
  dryRun: boolean
  maxDeletions: number
  /** Allowed but risky settings, for the log. */
  warnings: string[]
}

/** A push uploads an index's children before the index: younger untagged images may be one in flight. */
const SAFE_UNTAGGED_AGE_MS = 3_600_000

const DIGEST = /^sha256:[a-f0-9]{64}$/
const ACCOUNT_ID = /^\d{12}$/

/** Reads and checks every cleanup input, before any AWS call. */
export function parseCleanupInputs(get: (name: string) => string): CleanupInputs {
  const repositories = parseList(get('repositories'))
  if (repositories.length === 0) {
    throw new InputError('repositories', 'must name at least one repository or pattern (team/*, **)')
  }
  const registryId = get('registry-id').trim() || undefined
  if (registryId && !ACCOUNT_ID.test(registryId)) {
    throw new InputError('registry-id', `${quote(registryId)} is not an AWS account ID (12 digits)`)
  }
  const untaggedOlderThanMs = parseDuration('untagged-older-than', get('untagged-older-than') || '1d')
  const untagged = parseEnum('untagged', get('untagged'), ['delete', 'keep'] as const) ?? 'delete'
  const warnings =
    untagged === 'delete' && untaggedOlderThanMs < SAFE_UNTAGGED_AGE_MS
      ? [
          'untagged-older-than is below 1h: the untagged children of a multi-platform push still in flight ' +
            '(pushed before their index) can be deleted from under it'
        ]
      : []
  return {
    repositories,
    registryId,
    warnings,
    rules: {
      keepLast: parseInteger('keep-last', get('keep-last'), { min: 0, max: 100_000, fallback: 10 }),
      olderThanMs: parseDuration('older-than', get('older-than') || '30d'),
      tagPatterns: orDefault(parseList(get('tag-patterns')), ['*']),
      keepTags: parseList(get('keep-tags')),
      untagged,
      untaggedOlderThanMs,
      keepDigests: new Set(parseLines(get('keep-digests')).map(parseKeepDigest))
    },
    dryRun: parseBoolean('dry-run', get('dry-run'), false),
    maxDeletions: parseInteger('max-deletions', get('max-deletions'), {
      min: 0,
      max: 1_000_000,
      fallback: 500
    })
  }
}

function orDefault(values: string[], fallback: string[]): string[] {
  return values.length > 0 ? values : fallback
}

/** `sha256:…` or an image URI ending in `@sha256:…` (what a deployment references). */
function parseKeepDigest(entry: string): string {
  const digest = entry.includes('@') ? entry.slice(entry.lastIndexOf('@') + 1) : entry
  if (!DIGEST.test(digest)) {
    throw new InputError(
      'keep-digests',
      `${quote(entry)} is neither a sha256:… digest nor an image URI ending in @sha256:…`
    )
  }
  return digest
}
