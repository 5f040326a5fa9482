import {
  DescribeImageSigningStatusCommand,
  GetSigningConfigurationCommand,
  PutSigningConfigurationCommand,
  type ECRClient,
  type ImageSigningStatus,
  type SigningRule
} from '@aws-sdk/client-ecr'
import { ActionError, quote } from '../common/errors.js'
import { awsErrorName, callAws } from './errors.js'
import { planSigningRule, type SigningPlan } from './signing-rules.js'

/**
 * ECR managed signing (AWS Signer): the registry's signing configuration read and, when no rule of the
 * profile covers the repository, changed by the one rule planSigningRule decides; and an image's signing
 * status. The configuration belongs to the caller's own registry (the API takes no registry ID).
 */

/** The registry's rules and whose registry they are; none when it has no configuration yet. */
export async function readSigningConfiguration(
  ecr: ECRClient
): Promise<{ registryId?: string; rules: SigningRule[] }> {
  return callAws('GetSigningConfiguration', async () => {
    try {
      const answer = await ecr.send(new GetSigningConfigurationCommand({}))
      return { registryId: answer.registryId, rules: answer.signingConfiguration?.rules ?? [] }
    } catch (error) {
      if (awsErrorName(error) === 'SigningConfigurationNotFoundException') return { rules: [] }
      throw error
    }
  })
}

/** What ensureSigningRule found or did. */
export interface SigningRuleResult {
  plan: Exclude<SigningPlan, { kind: 'refused' }>
  /** The registry the configuration belongs to, when ECR said. */
  registryId?: string
  /** Rules in the configuration after the step. */
  ruleCount: number
}

/**
 * Makes sure a rule of the profile covers the repository: read, planned, put only when it changes. A
 * registry that is not the repository's (registry-id naming another account), or a change over ECR's
 * limits, fails naming what to do.
 */
export async function ensureSigningRule(
  ecr: ECRClient,
  profileArn: string,
  repository: { name: string; registryId?: string }
): Promise<SigningRuleResult> {
  const { registryId, rules } = await readSigningConfiguration(ecr)
  if (registryId && repository.registryId && registryId !== repository.registryId)
    throw new ActionError(
      `Managed signing: the signing configuration these credentials change is registry ${quote(registryId)}'s, ` +
        `the repository ${quote(repository.name)} is in registry ${quote(repository.registryId)}: configure ` +
        "signing with that account's credentials"
    )
  const plan = planSigningRule(rules, profileArn, repository.name)
  if (plan.kind === 'refused')
    throw new ActionError(`Managed signing for ${quote(repository.name)}: ${plan.reason}`)
  if (plan.kind === 'covered') return { plan, registryId, ruleCount: rules.length }
  await callAws('PutSigningConfiguration', () =>
    ecr.send(new PutSigningConfigurationCommand({ signingConfiguration: { rules: plan.rules } }))
  )
  return { plan, registryId, ruleCount: plan.rules.length }
}

/** An image in a repository of a registry, by digest. */
export interface SignedImage {
  repositoryName: string
  registryId?: string
  digest: string
}

/** The image's signing status for the profile; undefined while ECR reports none for it. */
export async function signingStatusOf(
  ecr: ECRClient,
  image: SignedImage,
  profileArn: string
): Promise<ImageSigningStatus | undefined> {
  const answer = await callAws('DescribeImageSigningStatus', () =>
    ecr.send(
      new DescribeImageSigningStatusCommand({
        repositoryName: image.repositoryName,
        registryId: image.registryId,
        imageId: { imageDigest: image.digest }
      })
    )
  )
  return answer.signingStatuses?.find(s => s.signingProfileArn === profileArn)
}
