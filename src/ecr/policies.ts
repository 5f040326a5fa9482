import {
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  type ECRClient
} from '@aws-sdk/client-ecr'
import { parseJson, sameJson } from '../common/json.js'
import { awsErrorName, callAws } from './errors.js'
import type { RepositoryRef } from './repositories.js'

export const MAX_REPOSITORY_POLICY_CHARS = 10_240
export const PULL_STATEMENT_SID = 'EcrDeliverAllowPull'
const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']

interface PolicyDocument {
  Version?: string
  Statement?: Record<string, unknown>[] | Record<string, unknown>
  [key: string]: unknown
}

/** A policy's statements as a list: IAM allows a single statement without the array. */
function statementList(statement: PolicyDocument['Statement']): Record<string, unknown>[] {
  return Array.isArray(statement) ? statement : statement ? [statement] : []
}

/** Pure: the statements of a policy's text; none when there is no policy or it is not a JSON object. */
export function policyStatements(text: string | undefined): Record<string, unknown>[] {
  try {
    return statementList((JSON.parse(text ?? '{}') as PolicyDocument).Statement)
  } catch {
    return []
  }
}

/**
 * Pure: the repository policy with the usual cross-account pull statement for `accounts` merged in
 * (a statement of ours from an earlier run is replaced, the others are kept).
 */
export function withPullAccounts(policy: PolicyDocument | undefined, accounts: string[]): PolicyDocument {
  const base: PolicyDocument = policy ?? { Version: '2012-10-17', Statement: [] }
  const statements = statementList(base.Statement)
  if (accounts.length === 0) return base
  return {
    ...base,
    Version: base.Version ?? '2012-10-17',
    Statement: [
      ...statements.filter(statement => statement.Sid !== PULL_STATEMENT_SID),
      {
        Sid: PULL_STATEMENT_SID,
        Effect: 'Allow',
        Principal: { AWS: accounts.map(account => `arn:aws:iam::${account}:root`) },
        Action: PULL_ACTIONS
      }
    ]
  }
}

export type PolicyChange = 'created' | 'changed' | 'unchanged'

/** Puts the lifecycle policy only when it differs from the current one (compared as parsed JSON). */
export async function applyLifecyclePolicy(
  client: ECRClient,
  ref: RepositoryRef,
  text: string
): Promise<PolicyChange> {
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  return applyIfDifferent({
    action: `lifecycle policy of ${ref.name}`,
    notFound: 'LifecyclePolicyNotFoundException',
    read: async () => (await client.send(new GetLifecyclePolicyCommand(repository))).lifecyclePolicyText,
    desired: parseJson(text),
    write: () => client.send(new PutLifecyclePolicyCommand({ ...repository, lifecyclePolicyText: text }))
  })
}

/** Sets the repository policy only when it differs from the current one (compared as parsed JSON). */
export async function applyRepositoryPolicy(
  client: ECRClient,
  ref: RepositoryRef,
  policy: PolicyDocument
): Promise<PolicyChange> {
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  return applyIfDifferent({
    action: `repository policy of ${ref.name}`,
    notFound: 'RepositoryPolicyNotFoundException',
    read: async () => (await client.send(new GetRepositoryPolicyCommand(repository))).policyText,
    desired: policy,
    write: () =>
      client.send(new SetRepositoryPolicyCommand({ ...repository, policyText: JSON.stringify(policy) }))
  })
}

/** Reads the current document (absent: `notFound`), and writes only when it differs from `desired`. */
async function applyIfDifferent(step: {
  action: string
  notFound: string
  read: () => Promise<string | undefined>
  desired: unknown
  write: () => Promise<unknown>
}): Promise<PolicyChange> {
  const current = await readDocument(step)
  if (current !== undefined && sameAsCurrent(current, step.desired)) return 'unchanged'
  await callAws(`writing the ${step.action}`, step.write)
  return current === undefined ? 'created' : 'changed'
}

/** The current document's text; undefined when the repository has none (`notFound`). */
async function readDocument(step: {
  action: string
  notFound: string
  read: () => Promise<string | undefined>
}): Promise<string | undefined> {
  return callAws(`reading the ${step.action}`, async () => {
    try {
      return await step.read()
    } catch (error) {
      if (awsErrorName(error) === step.notFound) return undefined
      throw error
    }
  })
}

/** The repository's lifecycle policy text; undefined when it has none. */
export async function getLifecyclePolicyText(
  client: ECRClient,
  ref: RepositoryRef
): Promise<string | undefined> {
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  return readDocument({
    action: `lifecycle policy of ${ref.name}`,
    notFound: 'LifecyclePolicyNotFoundException',
    read: async () => (await client.send(new GetLifecyclePolicyCommand(repository))).lifecyclePolicyText
  })
}

/** The repository's policy text; undefined when it has none. */
export async function getRepositoryPolicyText(
  client: ECRClient,
  ref: RepositoryRef
): Promise<string | undefined> {
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  return readDocument({
    action: `repository policy of ${ref.name}`,
    notFound: 'RepositoryPolicyNotFoundException',
    read: async () => (await client.send(new GetRepositoryPolicyCommand(repository))).policyText
  })
}

/** A current document that does not parse (or nests absurdly) is simply different. */
function sameAsCurrent(current: string, desired: unknown): boolean {
  try {
    return sameJson(parseJson(current), desired)
  } catch {
    return false
  }
}
