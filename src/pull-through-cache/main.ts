import * as core from '@actions/core'
import { DescribeImagesCommand, type ECRClient } from '@aws-sdk/client-ecr'
import pLimit from 'p-limit'
import { ActionError } from '../common/errors.js'
import { getRegistryLogins } from '../ecr/auth.js'
import {
  createCacheRule,
  deleteCacheRule,
  listCacheRules,
  updateCacheRule,
  validateCacheRule
} from '../ecr/cache-rules.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { parseRegistryHost } from '../ecr/hosts.js'
import { RegistryClient } from '../registry/client.js'
import { registryLogHooks } from '../registry/logging.js'
import { parseCacheInputs } from './inputs.js'
import { planRuleChanges, type RuleAction } from './plan.js'
import { parseCacheRules } from './rules.js'
import { writeCacheSummary, type RuleReport } from './summary.js'
import { resolveWarmTarget, warmImage, type WarmResult, type WarmRuleView } from './warm.js'
import * as log from '../common/log.js'
import { Output } from './constants.js'

const WARM_CONCURRENCY = 4

/** The pull-through-cache action: upsert and validate the declared rules, then warm the listed images. */
export async function run(): Promise<void> {
  const ecr = createEcrClient()
  // The region comes from the environment or profile: no call is made for it.
  const region = await resolveRegion(ecr)
  const inputs = parseCacheInputs(name => core.getInput(name), { region })
  const { registryId, prune, warm } = inputs
  const [login] = await getRegistryLogins(ecr, registryId ? [registryId] : [])
  if (!login) throw new ActionError('GetAuthorizationToken returned no registry')
  const host = parseRegistryHost(login.host)
  const accountId = registryId ?? (host?.kind === 'private' ? host.accountId : undefined)
  if (!accountId)
    throw new ActionError(`Cannot tell the registry's account from ${login.host}: set registry-id`)
  // Checked once already; now the credential ARNs get (and are compared with) the registry's account.
  const declared = registryId ? inputs.rules : parseCacheRules(inputs.rulesText, { accountId, region })

  // Read-only calls and every check first: a bad warm reference must fail before any rule changes.
  const existing =
    declared.length > 0 || warm.length > 0 || prune ? await listCacheRules(ecr, registryId) : []
  const views: WarmRuleView[] = [
    ...declared.map(rule => ({ prefix: rule.prefix, upstream: rule.upstream })),
    ...existing
      .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix))
      .map(rule => ({ prefix: rule.ecrRepositoryPrefix ?? '', upstream: rule.upstreamRegistry ?? '' }))
  ]
  const targets = warm.map(reference => resolveWarmTarget(reference, views))
  for (const target of targets.filter(t => t.rewritten)) {
    log.info(
      `${target.input} → ${target.repository}:${target.reference} (Docker Hub official images live under library/)`
    )
  }

  const actions = planRuleChanges(declared, existing, prune)
  const reports = await core.group('Pull-through-cache rules', () => applyRules(ecr, actions, registryId))

  let results: WarmResult[] = []
  if (targets.length > 0) {
    const registry = new RegistryClient({
      endpoint: login.endpoint,
      basicToken: login.token,
      stallTimeoutMs: inputs.stallTimeoutMs,
      ...registryLogHooks
    })
    const deadline = Date.now() + inputs.warmTimeoutMs
    const limit = pLimit(WARM_CONCURRENCY)
    results = await core.group('Warm images', () =>
      Promise.all(
        targets.map(target =>
          limit(async () => {
            const cachedBefore = await imageExists(ecr, target.repository, target.reference, registryId)
            const result = await warmImage(registry, target, { deadline, cachedBefore })
            log.info(
              `${target.input}: ${result.status}${result.digest ? ` ${result.digest}` : ''}` +
                (result.message ? ` (${result.message})` : '')
            )
            return result
          })
        )
      )
    )
  }

  const standing = [
    ...declared,
    ...existing
      .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix) && !prune)
      .map(rule => ({
        prefix: rule.ecrRepositoryPrefix,
        upstream: rule.upstreamRegistry,
        upstreamUrl: rule.upstreamRegistryUrl,
        credentialArn: rule.credentialArn,
        upstreamPrefix: rule.upstreamRepositoryPrefix,
        roleArn: rule.customRoleArn
      }))
  ]
  core.setOutput(Output.rules, JSON.stringify(standing))
  core.setOutput(
    Output.images,
    results.map(r => `${login.host}/${r.target.repository}:${r.target.reference}`).join('\n')
  )
  core.setOutput(Output.imageDigests, results.map(r => r.digest ?? '').join('\n'))
  await writeCacheSummary(reports, results, login.host)

  const invalid = reports.filter(r => r.valid === false)
  const failed = results.filter(r => r.status === 'failed')
  if (invalid.length > 0 || failed.length > 0) {
    const problems = [
      ...invalid.map(r => `rule ${r.prefix} is not valid: ${r.failure ?? 'no reason given'}`),
      ...failed.map(r => `${r.target.input} could not be warmed: ${r.message ?? 'unknown error'}`)
    ]
    throw new ActionError(problems.join('; '))
  }
}

async function applyRules(ecr: ECRClient, actions: RuleAction[], registryId?: string): Promise<RuleReport[]> {
  const reports: RuleReport[] = []
  for (const step of actions) {
    if (step.action === 'delete') {
      await deleteCacheRule(ecr, step.prefix, registryId)
      log.info(`${step.prefix}: deleted (not declared, prune is true)`)
      reports.push({ prefix: step.prefix, action: 'deleted' })
      continue
    }
    const { rule } = step
    if (step.action === 'create') await createCacheRule(ecr, rule, registryId)
    if (step.action === 'update') await updateCacheRule(ecr, rule, registryId)
    if (step.action === 'replace') {
      await deleteCacheRule(ecr, rule.prefix, registryId)
      await createCacheRule(ecr, rule, registryId)
    }
    const detail = 'changes' in step ? `: ${step.changes.join(', ')}` : ''
    log.info(`${rule.prefix} → ${rule.upstreamUrl}: ${step.action}${detail}`)
    const validation = await validateCacheRule(ecr, rule.prefix, registryId)
    reports.push({
      prefix: rule.prefix,
      upstream: rule.upstreamUrl,
      action: step.action === 'keep' ? 'unchanged' : `${step.action}d`,
      valid: validation.valid,
      failure: validation.failure
    })
  }
  return reports
}

/** Whether ECR had the image before this pull; any doubt counts as "not yet". */
async function imageExists(ecr: ECRClient, repository: string, reference: string, registryId?: string) {
  const imageId = reference.startsWith('sha256:') ? { imageDigest: reference } : { imageTag: reference }
  try {
    const { imageDetails } = await ecr.send(
      new DescribeImagesCommand({ repositoryName: repository, registryId, imageIds: [imageId] })
    )
    return (imageDetails ?? []).length > 0
  } catch {
    return false
  }
}
