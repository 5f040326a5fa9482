import * as core from '@actions/core'
import type { ECRClient, Repository, RepositoryCreationTemplate } from '@aws-sdk/client-ecr'
import pLimit from 'p-limit'
import { ActionError, messageOf } from '../common/errors.js'
import { parseJson } from '../common/json.js'
import * as log from '../common/log.js'
import {
  createCreationTemplate,
  deleteCreationTemplate,
  listCreationTemplates,
  templateFromEcr,
  updateCreationTemplate,
  type CreationTemplate
} from '../ecr/creation-templates.js'
import {
  applyLifecyclePolicy,
  applyRepositoryPolicy,
  getLifecyclePolicyText,
  getRepositoryPolicyText
} from '../ecr/policies.js'
import { applyRepositorySettings, describeAllRepositories } from '../ecr/repositories.js'
import type { CacheInputs } from './inputs.js'
import {
  comparable,
  planTemplateChanges,
  repositoryDrift,
  templateFor,
  type RepositoryDrift,
  type TemplateAction
} from './template-plan.js'

const READ_CONCURRENCY = 4

/** An existing repository under a template's prefix that differs from it, and what was done about it. */
export interface DifferingRepository {
  repository: string
  differences: string[]
  /** Set with apply-to-existing: what was changed to bring it in line. */
  fixed?: string[]
}

export interface TemplateReport {
  prefix: string
  appliedFor: string[]
  action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'kept (not pruned)'
  changes?: string[]
  differing: DifferingRepository[]
}

/**
 * Read-only, before any change: the registry's templates, when the step declares any (a step that
 * declares none neither reads nor needs ecr:DescribeRepositoryCreationTemplates). Templates belong to the
 * caller's own registry (the API takes no registry ID): a `registry-id` naming another account is refused
 * here, before anything changes.
 */
export async function readTemplates(
  ecr: ECRClient,
  inputs: CacheInputs
): Promise<RepositoryCreationTemplate[] | undefined> {
  if (inputs.templates.templates.length === 0) return undefined
  const { registryId, templates } = await listCreationTemplates(ecr)
  if (inputs.registryId && registryId && registryId !== inputs.registryId) {
    throw new ActionError(
      `Repository creation templates belong to the caller's own registry (${registryId}), not registry-id ` +
        `${inputs.registryId}: run the step with credentials of ${inputs.registryId} to declare templates there`
    )
  }
  return templates
}

/**
 * The templates phase: warnings first, then create, update, delete as planned; then the existing
 * repositories under each declared template that differ from it, listed, or brought in line with
 * apply-to-existing. Runs before the rules and the warming, so repositories created from here on get it.
 */
export async function applyTemplates(
  ecr: ECRClient,
  inputs: CacheInputs,
  existing: RepositoryCreationTemplate[]
): Promise<TemplateReport[]> {
  const { templates: declared, warnings, applyToExisting } = inputs.templates
  for (const warning of warnings) core.warning(warning)
  const rulePrefixes = inputs.rules.map(rule => rule.prefix)
  const actions = planTemplateChanges(declared, existing, inputs.prune, rulePrefixes)
  const reports: TemplateReport[] = []
  for (const step of actions) reports.push(await applyTemplateAction(ecr, step))

  const standing = standingTemplates(declared, existing, actions).map(t => t.prefix)
  const differing = await differingRepositories(ecr, inputs, standing)
  for (const report of reports) {
    report.differing = differing.get(report.prefix) ?? []
    if (report.differing.length === 0 || report.action === 'deleted') continue
    for (const repository of report.differing) {
      const fixed = repository.fixed ? ` → brought in line: ${repository.fixed.join('; ')}` : ''
      log.info(`  ${repository.repository}: ${repository.differences.join('; ')}${fixed}`)
    }
    if (applyToExisting && report.prefix === 'ROOT') {
      core.warning(
        `Template ROOT covers every repository no other template does: apply-to-existing leaves the ` +
          `${report.differing.length} that differ from it as they are (${report.differing.map(r => r.repository).join(', ')})`
      )
    } else if (!applyToExisting) {
      core.warning(
        `Template ${report.prefix} applies only to repositories created after it: ${report.differing.length} ` +
          `existing ${report.differing.length === 1 ? 'repository differs' : 'repositories differ'} from it ` +
          `(${report.differing.map(r => r.repository).join(', ')}); apply-to-existing: true brings them in line`
      )
    }
  }
  return reports
}

async function applyTemplateAction(ecr: ECRClient, step: TemplateAction): Promise<TemplateReport> {
  switch (step.action) {
    case 'delete':
      await deleteCreationTemplate(ecr, step.prefix)
      log.info(`template ${step.prefix}: deleted (not declared, prune is true)`)
      return { prefix: step.prefix, appliedFor: step.appliedFor, action: 'deleted', differing: [] }
    case 'spare':
      log.info(
        `template ${step.prefix}: not declared, kept: it applies to ${step.appliedFor.join(', ') || 'nothing'}, ` +
          'which no declared template does'
      )
      return { prefix: step.prefix, appliedFor: step.appliedFor, action: 'kept (not pruned)', differing: [] }
    case 'create':
      await createCreationTemplate(ecr, step.template)
      break
    case 'update':
      await updateCreationTemplate(ecr, step.template)
      break
    case 'keep':
      break
  }
  const { template } = step
  const changes = step.action === 'update' ? step.changes : undefined
  const action = ({ create: 'created', update: 'updated', keep: 'unchanged' } as const)[step.action]
  log.info(
    `template ${template.prefix} (${template.appliedFor.join(', ')}): ${action}${changes ? `: ${changes.join(', ')}` : ''}`
  )
  return { prefix: template.prefix, appliedFor: template.appliedFor, action, changes, differing: [] }
}

/** The templates as they now stand: the declared ones, and the others unless prune deleted them. */
export function standingTemplates(
  declared: CreationTemplate[],
  existing: RepositoryCreationTemplate[],
  actions: TemplateAction[]
): CreationTemplate[] {
  const deleted = new Set(actions.flatMap(a => (a.action === 'delete' ? [a.prefix] : [])))
  return [
    ...declared,
    ...existing
      .map(templateFromEcr)
      .filter(t => !deleted.has(t.prefix) && !declared.some(d => d.prefix === t.prefix))
  ]
}

/** The `templates` output: policies as JSON objects rather than text within text. */
export function templatesOutput(
  declared: CreationTemplate[],
  existing: RepositoryCreationTemplate[] | undefined,
  prune: boolean,
  rulePrefixes: string[] = []
): string {
  if (!existing) return '[]'
  const standing = standingTemplates(
    declared,
    existing,
    planTemplateChanges(declared, existing, prune, rulePrefixes)
  )
  const document = (text: string | undefined) => {
    if (text === undefined) return undefined
    try {
      return parseJson(text)
    } catch {
      return text
    }
  }
  return JSON.stringify(
    standing.map(t => ({
      ...t,
      lifecyclePolicy: document(t.lifecyclePolicy),
      repositoryPolicy: document(t.repositoryPolicy)
    }))
  )
}

/**
 * Per declared template prefix, the existing repositories ECR would have given that template (the
 * longest standing prefix they lie under, else ROOT) whose settings differ from it. Listing needs
 * ecr:DescribeRepositories and the policy reads: without apply-to-existing a denial there is a warning
 * (the templates are in place; only the list is missing), with it a failure.
 */
async function differingRepositories(
  ecr: ECRClient,
  inputs: CacheInputs,
  standing: string[]
): Promise<Map<string, DifferingRepository[]>> {
  const result = new Map<string, DifferingRepository[]>()
  const { templates: declared, applyToExisting } = inputs.templates
  const checked = declared.filter(comparable)
  if (checked.length === 0) return result
  try {
    const repositories = await describeAllRepositories(ecr, inputs.registryId)
    const limit = pLimit(READ_CONCURRENCY)
    const found = await Promise.all(
      repositories.map(repository =>
        limit(async () => {
          const prefix = templateFor(repository.repositoryName ?? '', standing)
          const template = checked.find(t => t.prefix === prefix)
          if (!template) return undefined
          return compareRepository(ecr, template, repository, applyToExisting)
        })
      )
    )
    for (const entry of found) {
      if (!entry) continue
      result.set(entry.prefix, [...(result.get(entry.prefix) ?? []), entry.differing])
    }
    for (const list of result.values()) list.sort((a, b) => a.repository.localeCompare(b.repository))
  } catch (error) {
    if (applyToExisting) throw error
    core.warning(
      `Could not list the existing repositories under the templates' prefixes: ${messageOf(error)}`
    )
  }
  return result
}

async function compareRepository(
  ecr: ECRClient,
  template: CreationTemplate,
  repository: Repository,
  applyToExisting: boolean
): Promise<{ prefix: string; differing: DifferingRepository } | undefined> {
  const ref = { name: repository.repositoryName ?? '', registryId: repository.registryId }
  const current = {
    lifecyclePolicy: template.lifecyclePolicy ? await getLifecyclePolicyText(ecr, ref) : undefined,
    repositoryPolicy: template.repositoryPolicy ? await getRepositoryPolicyText(ecr, ref) : undefined
  }
  const drift = repositoryDrift(template, repository, current)
  const differences = Object.values(drift).filter((d): d is string => d !== undefined)
  if (differences.length === 0) return undefined
  const differing: DifferingRepository = { repository: ref.name, differences }
  // ROOT covers every repository no other template does: never rewrite them all; list them only.
  if (applyToExisting && template.prefix !== 'ROOT')
    differing.fixed = await bringInLine(ecr, template, repository, drift)
  return { prefix: template.prefix, differing }
}

/** apply-to-existing: the repository's mutability, lifecycle policy and repository policy set as the template's. */
async function bringInLine(
  ecr: ECRClient,
  template: CreationTemplate,
  repository: Repository,
  drift: RepositoryDrift
): Promise<string[]> {
  const ref = { name: repository.repositoryName ?? '', registryId: repository.registryId }
  const fixed: string[] = []
  if (drift.mutability) {
    fixed.push(
      ...(await applyRepositorySettings(ecr, repository, {
        tagMutability: template.tagMutability,
        tagMutabilityExclusions: template.tagMutabilityExclusions
      }))
    )
  }
  if (drift.lifecyclePolicy && template.lifecyclePolicy) {
    await applyLifecyclePolicy(ecr, ref, template.lifecyclePolicy)
    fixed.push('lifecycle policy put')
  }
  if (drift.repositoryPolicy && template.repositoryPolicy) {
    await applyRepositoryPolicy(ecr, ref, parseJson(template.repositoryPolicy) as Record<string, unknown>)
    fixed.push('repository policy set')
  }
  return fixed
}
