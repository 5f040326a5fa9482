import type { Repository } from '@aws-sdk/client-ecr'
import { wildcardToRegExp } from '../common/inputs.js'

/** Tag mutability: which tags a repository refuses to move (with ECR's exclusions, July 2025). */

export const TAG_MUTABILITIES = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION'
] as const
export type TagMutability = (typeof TAG_MUTABILITIES)[number]

/** The exclusion filters ECR takes for tag patterns. */
export function exclusionFilters(patterns: string[] | undefined) {
  return patterns?.map(filter => ({ filterType: 'WILDCARD' as const, filter }))
}

/** A repository's tag mutability exclusion patterns, as ECR reports them. */
export function exclusionsOf(repository: Repository): string[] {
  return (repository.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '')
}

/** Pure: whether pushing `tag` over an existing, different image is refused by the repository. */
export function isTagImmutable(tag: string, mutability: string | undefined, exclusions: string[]): boolean {
  const excluded = exclusions.some(pattern => wildcardToRegExp(pattern).test(tag))
  switch (mutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded
    default:
      return false
  }
}
