import * as core from '@actions/core'
import { DescribeImagesCommand, type ECRClient, type PullThroughCacheRule } from '@aws-sdk/client-ecr'
import pLimit from 'p-limit'
import { DEFAULT_ENDPOINT } from '../common/endpoints.js'
import { ActionError } from '../common/errors.js'
import { getRegistryLogins, type RegistryLogin } from '../ecr/auth.js'
import {
  createCacheRule,
  deleteCacheRule,
  listCacheRules,
  updateCacheRule,
  validateCacheRule
} from '../ecr/cache-rules.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { accountOfHost } from '../ecr/hosts.js'
import { RegistryClient } from '../registry/client.js'
import { registryHooks } from '../common/registry-hooks.js'
import { parseCacheInputs, refuseEndpoints, type CacheInputs } from './inputs.js'
import { planRuleChanges, type RuleAction } from './plan.js'
import { parseCacheRules, type CacheRule } from './rules.js'
import { writeCacheSummary, type RuleReport } from './summary.js'
import { applyTemplates, readTemplates, templatesOutput, type TemplateReport } from './template-sync.js'
import { resolveWarmTarget, warmImage, type WarmResult, type WarmRuleView, type WarmTarget } from './warm.js'
import * as log from '../common/log.js'
import { Output } from './constants.js'
import type { RouteRule } from './base-images.js'
import {
  baseWarmTargets,
  buildContexts,
  readDockerfiles,
  routeDockerfiles,
  writeRewrittenDockerfiles,
  type BaseImages
} from './warm-from.js'

const WARM_CONCURRENCY = 4
// A credential's values come from the step's `env:`, where GitHub passes a secret's bytes unchanged.
const environment = (name: string): string | undefined => process.env[name]

/**
 * The pull-through-cache action, in phases: read the inputs, log in (to learn the registry's account),
 * read the rules (and the creation templates, when any are declared) there are and check the warm
 * references against them, upsert the templates, upsert and validate the rules, warm the images, report.
 */
export async function run(): Promise<void> {
  // The region comes from the environment or profile: no call is made for it.
  const region = await resolveRegion(createEcrClient(undefined, DEFAULT_ENDPOINT))
  const inputs = parseCacheInputs(name => core.getInput(name), { region, env: environment })
  refuseEndpoints(inputs, region, process.env)
  const ecr = createEcrClient(region, inputs.endpoint)
  // The Dockerfiles are read (and refused when missing or outside the workspace) before any call.
  const dockerfiles = inputs.warmFrom.length > 0 ? await readDockerfiles(inputs.warmFrom) : []
  const { login, declared } = await logIn(ecr, inputs, region)
  // Read-only calls and every check first: a bad warm reference must fail before any rule changes.
  const existing =
    declared.length > 0 || inputs.warm.length > 0 || inputs.prune || dockerfiles.length > 0
      ? await listCacheRules(ecr, inputs.registryId)
      : []
  const existingTemplates = await readTemplates(ecr, inputs)
  const bases = routeDockerfiles(dockerfiles, routeRules(declared, existing))
  reportBaseImages(bases)
  const targets = uniqueTargets([...warmTargets(inputs.warm, declared, existing), ...baseWarmTargets(bases)])
  if (declared.some(rule => rule.credentialValues))
    await core.group('Upstream credentials', () => ensureCredentials(declared, region, inputs))
  const actions = planRuleChanges(declared, existing, inputs.prune)
  // Templates before rules and warming: a template applies only to repositories created after it.
  const templateReports: TemplateReport[] = existingTemplates
    ? await core.group('Repository creation templates', () => applyTemplates(ecr, inputs, existingTemplates))
    : []
  const reports = await core.group('Pull-through-cache rules', () =>
    applyRules(ecr, actions, inputs.registryId)
  )
  const results =
    targets.length > 0 ? await core.group('Warm images', () => warmAll(ecr, inputs, login, targets)) : []

  core.setOutput(Output.rules, JSON.stringify(standingRules(declared, existing, inputs.prune)))
  core.setOutput(
    Output.images,
    results.map(r => `${login.host}/${r.target.repository}:${r.target.reference}`).join('\n')
  )
  core.setOutput(Output.imageDigests, results.map(r => r.digest ?? '').join('\n'))
  core.setOutput(
    Output.templates,
    templatesOutput(
      inputs.templates.templates,
      existingTemplates,
      inputs.prune,
      inputs.rules.map(rule => rule.prefix)
    )
  )
  if (dockerfiles.length > 0) {
    core.setOutput(Output.buildContexts, buildContexts(login.host, bases).join('\n'))
    core.setOutput(Output.dockerfile, (await writeRewrittenDockerfiles(login.host, bases)).join('\n'))
  }
  await writeCacheSummary(reports, results, login.host, templateReports, bases)

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

/** The registry's login, and the rules with their credential ARNs in the registry's account. */
async function logIn(
  ecr: ECRClient,
  inputs: CacheInputs,
  region: string
): Promise<{ login: RegistryLogin; declared: CacheRule[] }> {
  const { registryId } = inputs
  const [login] = await getRegistryLogins(ecr, registryId ? [registryId] : [], inputs.endpoint)
  const accountId = registryId ?? accountOfHost(login.host)
  if (!accountId)
    throw new ActionError(`Cannot tell the registry's account from ${login.host}: set registry-id`)
  // Checked once already; now the credential ARNs get (and are compared with) the registry's account.
  const declared = registryId
    ? inputs.rules
    : parseCacheRules(inputs.rulesText, { accountId, region }, environment)
  return { login, declared }
}

/** Each warm reference against the declared rules and the ones already there; the library/ rewrite logged. */
function warmTargets(warm: string[], declared: CacheRule[], existing: PullThroughCacheRule[]): WarmTarget[] {
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
  return targets
}

async function warmAll(
  ecr: ECRClient,
  inputs: CacheInputs,
  login: RegistryLogin,
  targets: WarmTarget[]
): Promise<WarmResult[]> {
  const registry = new RegistryClient({
    endpoint: login.endpoint,
    basicToken: login.token,
    stallTimeoutMs: inputs.stallTimeoutMs,
    ...registryHooks
  })
  const deadline = Date.now() + inputs.warmTimeoutMs
  const limit = pLimit(WARM_CONCURRENCY)
  return Promise.all(
    targets.map(target =>
      limit(async () => {
        const cachedBefore = await imageExists(ecr, target.repository, target.reference, inputs.registryId)
        const result = await warmImage(registry, target, { deadline, cachedBefore })
        log.info(
          `${target.input}: ${result.status}${result.digest ? ` ${result.digest}` : ''}` +
            (result.message ? ` (${result.message})` : '')
        )
        return result
      })
    )
  )
}

/** The rules as they now stand: the declared ones, and the others unless prune deleted them. */
function standingRules(declared: CacheRule[], existing: PullThroughCacheRule[], prune: boolean) {
  return [
    // The credential's values stay out of the output: the rule names its secret's ARN.
    ...declared.map(({ credentialValues: _values, ...rule }) => rule),
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

/** The rules as routing base images needs them: the declared ones, and the others there are. */
function routeRules(declared: CacheRule[], existing: PullThroughCacheRule[]): RouteRule[] {
  return [
    ...declared.map(rule => ({
      prefix: rule.prefix,
      upstreamUrl: rule.upstreamUrl,
      upstreamPrefix: rule.upstreamPrefix
    })),
    ...existing
      .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix))
      .map(rule => ({
        prefix: rule.ecrRepositoryPrefix ?? '',
        upstreamUrl: rule.upstreamRegistryUrl ?? '',
        upstreamPrefix: rule.upstreamRepositoryPrefix || undefined
      }))
  ]
}

/** Where each FROM goes; an image no rule caches is listed, not an error; an unreadable FROM is a warning. */
function reportBaseImages(files: BaseImages[]): void {
  for (const file of files) {
    for (const warning of file.warnings) core.warning(`warm-from: ${warning}`)
    for (const { from, target, reason } of file.bases) {
      log.info(
        target
          ? `${file.path}:${from.line}: ${from.image} → ${target.repository}:${target.reference}`
          : `${file.path}:${from.line}: ${from.image}: not through the cache (${reason})`
      )
    }
  }
}

/** Warm targets once each (a warm line and a FROM may name the same image). */
function uniqueTargets(targets: WarmTarget[]): WarmTarget[] {
  const seen = new Set<string>()
  return targets.filter(target => {
    const key = `${target.repository}:${target.reference}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Rules that give their credential's values: the secret made to hold them (created, or a new version only
 * when they differ), and the rule pointed at its ARN. Secrets Manager is loaded only then.
 */
async function ensureCredentials(declared: CacheRule[], region: string, inputs: CacheInputs): Promise<void> {
  const { createSecretsClient, ensureCredentialSecret } = await import('../ecr/secrets.js')
  const client = await createSecretsClient(region, inputs.endpoint)
  for (const rule of declared) {
    if (!rule.credentialValues) continue
    const { arn, change } = await ensureCredentialSecret(client, rule.credentialValues)
    rule.credentialArn = arn
    log.info(`${rule.prefix}: credential secret ${rule.credentialValues.secretName} ${change}`)
  }
}
