import {
  CreatePullThroughCacheRuleCommand,
  DeletePullThroughCacheRuleCommand,
  paginateDescribePullThroughCacheRules,
  UpdatePullThroughCacheRuleCommand,
  ValidatePullThroughCacheRuleCommand,
  type ECRClient,
  type PullThroughCacheRule
} from '@aws-sdk/client-ecr'
import type { CacheRule } from '../pull-through-cache/rules.js'
import { callAws, collectPages } from './errors.js'

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
