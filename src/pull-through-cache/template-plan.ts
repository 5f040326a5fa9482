import type { Repository } from '@aws-sdk/client-ecr'
import { quote } from '../common/errors.js'
import { parseJson, sameJson } from '../common/json.js'
import { templateFromEcr, type AppliedFor, type CreationTemplate } from '../ecr/creation-templates.js'
import { exclusionsOf } from '../ecr/mutability.js'
import { sameKmsKey } from '../ecr/settings-diff.js'
import type { RepositoryCreationTemplate } from '@aws-sdk/client-ecr'

export type TemplateAction =
  | { action: 'create'; template: CreationTemplate }
  | { action: 'update'; template: CreationTemplate; changes: string[] }
  | { action: 'keep'; template: CreationTemplate }
  | { action: 'delete'; prefix: string; appliedFor: AppliedFor[] }
  /** Undeclared, prune is on, but it also serves a scenario no declared template serves: not ours to delete. */
  | { action: 'spare'; prefix: string; appliedFor: AppliedFor[] }

/**
 * Pure: what to do so the registry's templates match the declared ones. A template that differs in any
 * way is updated in place (ECR can change every field). With `prune`, an undeclared template is deleted
 * only when every scenario it applies to is one that the declared templates apply to: a step that declares
 * only its rules' templates (PULL_THROUGH_CACHE) never deletes a REPLICATION template someone else keeps,
 * and a step that declares no template deletes none (the registry's templates are not its business then).
 */
export function planTemplateChanges(
  declared: CreationTemplate[],
  existing: RepositoryCreationTemplate[],
  prune: boolean,
  /** Prefixes of rules the step declares: a template there that the step does not declare is spared. */
  rulePrefixes: string[] = []
): TemplateAction[] {
  const actions: TemplateAction[] = declared.map(template => {
    const current = existing.find(e => e.prefix === template.prefix)
    if (!current) return { action: 'create', template }
    const changes = diffTemplate(templateFromEcr(current), template)
    return changes.length > 0 ? { action: 'update', template, changes } : { action: 'keep', template }
  })
  if (!prune) return actions
  const scenarios = new Set(declared.flatMap(template => template.appliedFor))
  for (const template of existing) {
    const prefix = template.prefix ?? ''
    if (!prefix || declared.some(d => d.prefix === prefix)) continue
    const appliedFor = (template.appliedFor ?? []) as AppliedFor[]
    // A rule declared without template: keeps the template someone made for it by hand.
    const ours =
      !rulePrefixes.includes(prefix) &&
      appliedFor.length > 0 &&
      appliedFor.every(scenario => scenarios.has(scenario))
    actions.push({ action: ours ? 'delete' : 'spare', prefix, appliedFor })
  }
  return actions
}

const NONE = '(none)'
const list = (items: string[] | undefined) => `[${[...(items ?? [])].sort().join(', ')}]`
const sameSet = (a: string[] | undefined, b: string[] | undefined) => list(a) === list(b)

/** Parsed JSON documents compared; a stored document that does not parse is simply different. */
function sameDocument(current: string | undefined, declared: string | undefined): boolean {
  if (current === undefined || declared === undefined) return current === declared
  try {
    return sameJson(parseJson(current), parseJson(declared))
  } catch {
    return false
  }
}

/** `set`, `removed` or `changed`: documents are too long for the log, and may be policy text. */
function documentChange(current: string | undefined, declared: string | undefined): string {
  if (current === undefined) return 'set'
  return declared === undefined ? 'removed' : 'changed'
}

/**
 * Pure: how the declared template differs from the current one, one phrase per field. Compared as ECR
 * reads them: mutability defaults to MUTABLE and encryption to AES256, policies as parsed JSON, applied-for,
 * exclusions and tags as sets, a KMS key given as ID or alias matching the ARN ECR reports.
 */
export function diffTemplate(current: CreationTemplate, declared: CreationTemplate): string[] {
  const changes: string[] = []
  if (!sameSet(current.appliedFor, declared.appliedFor))
    changes.push(`applied-for ${list(current.appliedFor)} → ${list(declared.appliedFor)}`)
  if ((current.description ?? '') !== (declared.description ?? ''))
    changes.push(`description ${quote(current.description ?? '')} → ${quote(declared.description ?? '')}`)
  const mutability = [current.tagMutability ?? 'MUTABLE', declared.tagMutability ?? 'MUTABLE']
  if (mutability[0] !== mutability[1]) changes.push(`mutability ${mutability[0]} → ${mutability[1]}`)
  if (!sameSet(current.tagMutabilityExclusions, declared.tagMutabilityExclusions)) {
    changes.push(
      `mutability-exclusions ${list(current.tagMutabilityExclusions)} → ${list(declared.tagMutabilityExclusions)}`
    )
  }
  const encryption = [current.encryptionType ?? 'AES256', declared.encryptionType ?? 'AES256']
  if (encryption[0] !== encryption[1]) changes.push(`encryption ${encryption[0]} → ${encryption[1]}`)
  const keys = [current.kmsKey, declared.kmsKey]
  const sameKey = keys[0] && keys[1] ? sameKmsKey(keys[0], keys[1]) : keys[0] === keys[1]
  if (!sameKey) changes.push(`kms-key ${keys[0] ?? NONE} → ${keys[1] ?? NONE}`)
  if (!sameDocument(current.lifecyclePolicy, declared.lifecyclePolicy))
    changes.push(`lifecycle-policy ${documentChange(current.lifecyclePolicy, declared.lifecyclePolicy)}`)
  if (!sameDocument(current.repositoryPolicy, declared.repositoryPolicy))
    changes.push(`repository-policy ${documentChange(current.repositoryPolicy, declared.repositoryPolicy)}`)
  const tags = (t: CreationTemplate) => Object.entries(t.tags ?? {}).map(([k, v]) => `${k}=${v}`)
  const added = tags(declared).filter(tag => !tags(current).includes(tag))
  const removed = tags(current).filter(tag => !tags(declared).includes(tag))
  if (added.length > 0 || removed.length > 0) {
    changes.push(
      `tags ${[...added.map(tag => `+${tag}`), ...removed.map(tag => `-${tag}`)].join(' ')}`.trim()
    )
  }
  if ((current.roleArn ?? '') !== (declared.roleArn ?? ''))
    changes.push(`role ${current.roleArn ?? NONE} → ${declared.roleArn ?? NONE}`)
  return changes
}

/**
 * Pure: which template ECR would apply to a repository of this name: the longest prefix it lies under
 * (`hub/` covers `hub/library/nginx`), else ROOT when there is one. ECR adds the `/` to every prefix.
 */
export function templateFor(repository: string, prefixes: string[]): string | undefined {
  const under = prefixes
    .filter(prefix => prefix !== 'ROOT' && repository.startsWith(`${prefix.replace(/\/$/, '')}/`))
    .sort((a, b) => b.length - a.length)[0]
  return under ?? (prefixes.includes('ROOT') ? 'ROOT' : undefined)
}

/** Whether a template sets anything an existing repository can be compared with (and brought in line). */
export function comparable(template: CreationTemplate): boolean {
  return Boolean(template.tagMutability || template.lifecyclePolicy || template.repositoryPolicy)
}

export interface RepositoryDrift {
  mutability?: string
  lifecyclePolicy?: string
  repositoryPolicy?: string
}

/**
 * Pure: how an existing repository differs from what its template would have given it, for the settings
 * the template declares and a repository can change: tag mutability (with its exclusions), lifecycle policy
 * and repository policy (as parsed JSON). Encryption cannot change after creation and tags are left to
 * their owners; a setting the template leaves out is not compared.
 */
export function repositoryDrift(
  template: CreationTemplate,
  repository: Repository,
  current: { lifecyclePolicy?: string; repositoryPolicy?: string }
): RepositoryDrift {
  const drift: RepositoryDrift = {}
  if (template.tagMutability) {
    const mutability = repository.imageTagMutability ?? 'MUTABLE'
    const exclusions = exclusionsOf(repository)
    if (mutability !== template.tagMutability) {
      drift.mutability = `mutability is ${mutability}, the template says ${template.tagMutability}`
    } else if (!sameSet(exclusions, template.tagMutabilityExclusions)) {
      drift.mutability = `mutability-exclusions are ${list(exclusions)}, the template says ${list(template.tagMutabilityExclusions)}`
    }
  }
  if (template.lifecyclePolicy && !sameDocument(current.lifecyclePolicy, template.lifecyclePolicy)) {
    drift.lifecyclePolicy = current.lifecyclePolicy ? 'lifecycle policy differs' : 'no lifecycle policy'
  }
  if (template.repositoryPolicy && !sameDocument(current.repositoryPolicy, template.repositoryPolicy)) {
    drift.repositoryPolicy = current.repositoryPolicy ? 'repository policy differs' : 'no repository policy'
  }
  return drift
}
