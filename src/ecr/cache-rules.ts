import {
  CreatePullThroughCacheRuleCommand,
  DeletePullThroughCacheRuleCommand,
  paginateDescribePullThroughCacheRules,
  UpdatePullThroughCacheRuleCommand,
  ValidatePullThroughCacheRuleCommand,
  type ECRClient,
  type PullThroughCacheRule
} from '@aws-sdk/client-ecr'
import { callAws, collectPages } from './errors.js'
import type { UpstreamCredential } from './secrets.js'

/** ECR's names for the registries it can cache. */
export type UpstreamKind =
  | 'docker-hub'
  | 'quay'
  | 'github-container-registry'
  | 'k8s'
  | 'ecr-public'
  | 'gitlab-container-registry'
  | 'azure-container-registry'
  | 'chainguard'
  | 'ecr'

/** A pull-through-cache rule as declared, checked and resolved to what the ECR API takes. */
export interface CacheRule {
  prefix: string
  upstream: UpstreamKind
  upstreamUrl: string
  /** A Secrets Manager secret ARN (full, or partial when given by name). */
  credentialArn?: string
  /** The values the secret is to hold, when the rule gives them; never sent to ECR, never output. */
  credentialValues?: UpstreamCredential
  upstreamPrefix?: string
  roleArn?: string
}

/** Every pull-through-cache rule of the registry, every page. */
export async function listCacheRules(
  client: ECRClient,
  registryId?: string
): Promise<PullThroughCacheRule[]> {
  const pages = paginateDescribePullThroughCacheRules({ client, pageSize: 1000 }, { registryId })
  return collectPages('DescribePullThroughCacheRules', pages, page => page.pullThroughCacheRules)
}

export async function createCacheRule(
  client: ECRClient,
  rule: CacheRule,
  registryId?: string
): Promise<void> {
  await callAws(`CreatePullThroughCacheRule ${rule.prefix}`, () =>
    client.send(
      new CreatePullThroughCacheRuleCommand({
        registryId,
        ecrRepositoryPrefix: rule.prefix,
        upstreamRegistryUrl: rule.upstreamUrl,
        upstreamRegistry: rule.upstream,
        credentialArn: rule.credentialArn,
        customRoleArn: rule.roleArn,
        upstreamRepositoryPrefix: rule.upstreamPrefix
      })
    )
  )
}

export async function updateCacheRule(
  client: ECRClient,
  rule: CacheRule,
  registryId?: string
): Promise<void> {
  await callAws(`UpdatePullThroughCacheRule ${rule.prefix}`, () =>
    client.send(
      new UpdatePullThroughCacheRuleCommand({
        registryId,
        ecrRepositoryPrefix: rule.prefix,
        credentialArn: rule.credentialArn,
        customRoleArn: rule.roleArn
      })
    )
  )
}

export async function deleteCacheRule(client: ECRClient, prefix: string, registryId?: string): Promise<void> {
  await callAws(`DeletePullThroughCacheRule ${prefix}`, () =>
    client.send(new DeletePullThroughCacheRuleCommand({ registryId, ecrRepositoryPrefix: prefix }))
  )
}

/** ECR's own check of a rule (can it reach the upstream with the credential?): the reason when it cannot. */
export async function validateCacheRule(
  client: ECRClient,
  prefix: string,
  registryId?: string
): Promise<{ valid: boolean; failure?: string }> {
  const result = await callAws(`ValidatePullThroughCacheRule ${prefix}`, () =>
    client.send(new ValidatePullThroughCacheRuleCommand({ registryId, ecrRepositoryPrefix: prefix }))
  )
  return { valid: result.isValid === true, failure: result.failure }
}
