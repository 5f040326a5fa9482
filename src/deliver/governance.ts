import * as core from '@actions/core'
import type { ECRClient, LifecyclePolicyPreviewResult, Repository } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import { coveringTemplate, listCreationTemplates } from '../ecr/creation-templates.js'
import { ensurePublicRepository } from '../ecr/public.js'
import { applyRepositorySettings, ensureRepository } from '../ecr/repositories.js'
import { describeDifference } from '../ecr/settings-diff.js'
import type { DeliverInputs } from './inputs.js'
import { load } from './lazy.js'

/** How long a lifecycle policy preview may take before the step gives up on it. */
const LIFECYCLE_PREVIEW_TIMEOUT_MS = 5 * 60_000

/** What the step found and did to the repository, for the log and the job summary. */
export interface RepositoryReport {
  repository: Repository
  created: boolean
  /** Declared settings the repository still lacks (left unchanged), one sentence each. */
  differences: string[]
  /** What this step changed besides creating it (settings, policies), one sentence each. */
  changes: string[]
  /** With lifecycle-policy-preview: the images the policy would expire or transition. */
  lifecyclePreview?: LifecyclePolicyPreviewResult[]
  /** Not there yet: the push creates it from this CREATE_ON_PUSH template (CreateRepository was denied). */
  createdOnPush?: string
}

/**
 * Makes sure the private repository exists with the declared settings, and governs it: update-repository
 * brings its settings in line (all but encryption, which cannot change), the lifecycle policy is put (or
 * previewed) and the repository policy set, each only when it differs. Differences left are a warning.
 */
export async function governRepository(
  ecr: ECRClient,
  inputs: DeliverInputs,
  name: string,
  /** The repository as described already (main.ts asks at once, beside the payload's check). */
  described?: Promise<Repository | undefined>
): Promise<RepositoryReport> {
  const ref = { name, registryId: inputs.registryId }
  const ensured = await ensureRepository(ecr, ref, inputs.settings, {
    create: inputs.createRepository,
    described,
    // Templates belong to the caller's own registry: another account's cannot be read from here.
    onPushTemplate: inputs.registryId ? undefined : () => createOnPushTemplate(ecr, name)
  })
  // Registry-wide, and needed before the push (ECR signs on push), a repository created by it included.
  const signing = inputs.managedSigning
    ? await (
        await load.managedSigning()
      ).configureManagedSigning(ecr, inputs.managedSigning.profileArn, {
        name,
        registryId: ensured.repository.registryId ?? inputs.registryId
      })
    : undefined
  const changes = signing ? [signing] : []
  if (ensured.createdOnPush) {
    // Governed once the push has created it (main.ts asks again).
    return {
      repository: ensured.repository,
      created: false,
      differences: [],
      changes,
      createdOnPush: ensured.createdOnPush
    }
  }
  log.info(`${ensured.created ? 'Created' : 'Found'} repository ${ensured.repository.repositoryUri}`)
  const report: RepositoryReport = {
    repository: ensured.repository,
    created: ensured.created,
    differences: [],
    changes
  }
  let differences = ensured.differences
  if (inputs.updateRepository && differences.some(d => d.changeable)) {
    const changed = await applyRepositorySettings(ecr, ensured.repository, inputs.settings)
    changed.forEach(change => log.info(`${name}: ${change}`))
    report.changes.push(...changed)
    differences = differences.filter(d => !d.changeable)
  }
  report.differences = differences.map(describeDifference)
  if (report.differences.length > 0) {
    core.warning(
      `Repository ${name} differs from the declared settings, and was left unchanged:\n- ${report.differences.join('\n- ')}`
    )
  }
  await governPolicies(ecr, inputs, ref, report)
  return report
}

/** The lifecycle policy (put, or previewed) and the repository policy (set), each only when it differs. */
async function governPolicies(
  ecr: ECRClient,
  inputs: DeliverInputs,
  ref: { name: string; registryId?: string },
  report: RepositoryReport
): Promise<void> {
  const { name } = ref
  for (const warning of inputs.lifecyclePolicy?.warnings ?? []) core.warning(`lifecycle-policy: ${warning}`)
  if (inputs.lifecyclePolicy?.preview) {
    const { previewLifecyclePolicy } = await load.lifecyclePreview()
    const preview = await previewLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text, {
      deadline: Date.now() + LIFECYCLE_PREVIEW_TIMEOUT_MS
    })
    log.info(
      `${name}: lifecycle policy preview: ${preview.results.length} images would be affected (nothing applied)`
    )
    report.lifecyclePreview = preview.results
  } else if (inputs.lifecyclePolicy) {
    const { applyLifecyclePolicy } = await load.policies()
    const change = await applyLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text)
    log.info(`${name}: lifecycle policy ${change}`)
    report.changes.push(`lifecycle policy ${change}`)
  }
  if (inputs.repositoryPolicy) {
    const { applyRepositoryPolicy } = await load.policies()
    const change = await applyRepositoryPolicy(ecr, ref, inputs.repositoryPolicy)
    log.info(`${name}: repository policy ${change}`)
    report.changes.push(`repository policy ${change}`)
  }
}

/** The CREATE_ON_PUSH template that would create the repository on push; none when templates cannot be read. */
async function createOnPushTemplate(
  ecr: ECRClient,
  name: string
): Promise<{ prefix: string; imageTagMutability?: string } | undefined> {
  try {
    const { templates } = await listCreationTemplates(ecr)
    const template = coveringTemplate(templates, name, 'CREATE_ON_PUSH')
    return template
      ? { prefix: template.prefix ?? '', imageTagMutability: template.imageTagMutability }
      : undefined
  } catch (error) {
    log.info(`Could not read the repository creation templates (${messageOf(error)}): the denial stands`)
    return undefined
  }
}

/** ECR Public: the repository is created with its catalog data when missing; nothing else is governed there. */
export async function ensurePublic(
  client: ECRPUBLICClient,
  inputs: DeliverInputs,
  name: string
): Promise<RepositoryReport> {
  const { repository, created, changes } = await ensurePublicRepository(client, name, inputs.public ?? {}, {
    create: inputs.createRepository
  })
  log.info(`${created ? 'Created' : 'Found'} public repository ${repository.repositoryUri}`)
  changes.forEach(change => log.info(`${name}: ${change}`))
  return { repository, created, differences: [], changes }
}
