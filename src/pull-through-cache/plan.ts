import type { PullThroughCacheRule } from '@aws-sdk/client-ecr'
import type { CacheRule } from './rules.js'

export type RuleAction =
  | { action: 'create'; rule: CacheRule }
  | { action: 'update'; rule: CacheRule; changes: string[] }
  /** The upstream or its prefix changed: ECR cannot update those, so the rule is deleted and created again. */
  | { action: 'replace'; rule: CacheRule; changes: string[] }
  | { action: 'keep'; rule: CacheRule }
  | { action: 'delete'; prefix: string }

/** A secret given by name is a partial ARN; ECR reports the full one, with Secrets Manager's `-XXXXXX` suffix. */
function sameSecret(existing: string | undefined, declared: string | undefined): boolean {
  if (!existing || !declared) return existing === declared
  if (existing === declared) return true
  const suffix = existing.slice(declared.length)
  return existing.startsWith(declared) && /^-[A-Za-z0-9]{6}$/.test(suffix)
}

/**
 * Pure: what to do so the registry's rules match the declared ones. Credential and role can be updated in
 * place; anything else about an existing prefix means replacing it. Undeclared rules go only with `prune`.
 */
export function planRuleChanges(
  declared: CacheRule[],
  existing: PullThroughCacheRule[],
  prune: boolean
): RuleAction[] {
  const actions: RuleAction[] = declared.map(rule => {
    const current = existing.find(e => e.ecrRepositoryPrefix === rule.prefix)
    if (!current) return { action: 'create', rule }
    const fixed: string[] = []
    if (current.upstreamRegistryUrl !== rule.upstreamUrl) {
      fixed.push(`upstream ${current.upstreamRegistryUrl} → ${rule.upstreamUrl}`)
    }
    if ((current.upstreamRepositoryPrefix ?? 'ROOT') !== (rule.upstreamPrefix ?? 'ROOT')) {
      fixed.push(
        `upstream-prefix ${current.upstreamRepositoryPrefix ?? 'ROOT'} → ${rule.upstreamPrefix ?? 'ROOT'}`
      )
    }
    if (fixed.length > 0) return { action: 'replace', rule, changes: fixed }
    const changes: string[] = []
    if (!sameSecret(current.credentialArn, rule.credentialArn)) {
      changes.push(`credential ${current.credentialArn ?? '(none)'} → ${rule.credentialArn ?? '(none)'}`)
    }
    if ((current.customRoleArn ?? undefined) !== rule.roleArn) {
      changes.push(`role ${current.customRoleArn ?? '(none)'} → ${rule.roleArn ?? '(none)'}`)
    }
    return changes.length > 0 ? { action: 'update', rule, changes } : { action: 'keep', rule }
  })
  if (prune) {
    for (const rule of existing) {
      const prefix = rule.ecrRepositoryPrefix ?? ''
      if (prefix && !declared.some(d => d.prefix === prefix)) actions.push({ action: 'delete', prefix })
    }
  }
  return actions
}
