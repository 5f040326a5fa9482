import type { SigningRule } from '@aws-sdk/client-ecr'
import { wildcardToRegExp } from '../common/inputs.js'

/**
 * ECR managed signing's registry configuration, pure: which rule covers a repository with a profile, and
 * the smallest change that makes one cover it. The configuration is registry-wide: every rule but the one
 * touched is kept exactly as it was.
 */

/** ECR's limits (SigningConfiguration, SigningRule): rules per registry, filters per rule. */
export const MAX_SIGNING_RULES = 10
export const MAX_SIGNING_FILTERS = 100

/** An AWS Signer signing-profile ARN, as ECR's model constrains `signingProfileArn` (≤ 200 characters). */
export const SIGNING_PROFILE_ARN =
  /^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\/signing-profiles\/[a-zA-Z0-9_]{2,}$/
export const MAX_SIGNING_PROFILE_ARN = 200

/** What a WILDCARD_MATCH filter may be (SigningRepositoryFilter.filter, ≤ 256 characters). */
const FILTER = /^(?:[a-z0-9*]+(?:[._-][a-z0-9*]+)*\/)*[a-z0-9*]+(?:[._-][a-z0-9*]+)*$/
const MAX_FILTER = 256

/** Pure: a WILDCARD_MATCH filter against a repository name: `*` is any run of characters, `/` included. */
export function filterMatches(filter: string, repository: string): boolean {
  return wildcardToRegExp(filter).test(repository)
}

/** Pure: whether a rule signs the repository's images (a rule without filters covers every repository). */
export function ruleCovers(rule: SigningRule, repository: string): boolean {
  const filters = rule.repositoryFilters ?? []
  return (
    filters.length === 0 ||
    filters.some(f => f.filterType === 'WILDCARD_MATCH' && filterMatches(f.filter ?? '', repository))
  )
}

/** What the configuration needs so that the profile signs the repository's images. */
export type SigningPlan =
  /** A rule of this profile covers it already (its index, and the filter that matched, if any). */
  | { kind: 'covered'; rule: number; filter?: string }
  /** The repository's name appended to the filters of the profile's rule at `rule`. */
  | { kind: 'append'; rule: number; filter: string; rules: SigningRule[] }
  /** A new rule for the profile, with the repository's name as its one filter. */
  | { kind: 'add'; filter: string; rules: SigningRule[] }
  /** Nothing can be added within ECR's limits, or the name is no filter: why. */
  | { kind: 'refused'; reason: string }

/**
 * Pure: the plan for a repository and a profile. Covered when a rule of this profile covers the name;
 * otherwise the name (an exact filter: no `*`) goes into the first rule of this profile that has filters
 * and room (a rule is not spent on what one filter does), else into a new rule. Other rules are returned
 * as they were, in their order.
 */
export function planSigningRule(rules: SigningRule[], profileArn: string, repository: string): SigningPlan {
  const own = rules
    .map((rule, index) => ({ rule, index }))
    .filter(r => r.rule.signingProfileArn === profileArn)
  for (const { rule, index } of own) {
    if (!ruleCovers(rule, repository)) continue
    const filter = rule.repositoryFilters?.find(f => filterMatches(f.filter ?? '', repository))?.filter
    return { kind: 'covered', rule: index, ...(filter ? { filter } : {}) }
  }
  if (!FILTER.test(repository) || repository.length > MAX_FILTER)
    return {
      kind: 'refused',
      reason:
        'the repository name cannot be a signing filter (ECR allows one separator between letters or digits ' +
        'there): add a rule whose filter covers it'
    }
  const filter = { filter: repository, filterType: 'WILDCARD_MATCH' as const }
  const roomy = own.find(r => (r.rule.repositoryFilters?.length ?? 0) < MAX_SIGNING_FILTERS)
  if (roomy) {
    const changed = { ...roomy.rule, repositoryFilters: [...(roomy.rule.repositoryFilters ?? []), filter] }
    return {
      kind: 'append',
      rule: roomy.index,
      filter: repository,
      rules: rules.map((rule, index) => (index === roomy.index ? changed : rule))
    }
  }
  if (rules.length >= MAX_SIGNING_RULES)
    return {
      kind: 'refused',
      reason:
        `the registry's signing configuration has ${rules.length} rules, ECR's limit is ${MAX_SIGNING_RULES}` +
        (own.length > 0 ? ` (this profile's have ${MAX_SIGNING_FILTERS} filters each, the limit)` : '') +
        ': widen a filter (a `*`) so that a rule of this profile covers the repository'
    }
  return {
    kind: 'add',
    filter: repository,
    rules: [...rules, { signingProfileArn: profileArn, repositoryFilters: [filter] }]
  }
}
