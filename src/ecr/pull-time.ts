import { ListPullTimeUpdateExclusionsCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { awsClientConfig } from '../common/aws.js'
import type { EndpointVariant } from '../common/endpoints.js'
import { callAws } from './errors.js'

/** At most 100 exclusions exist per account: a page or two. */
const MAX_PAGES = 10

/**
 * Whether a pull-time update exclusion covers the caller: registered principals are IAM roles and users,
 * while the caller is often a role session (`arn:aws:sts::<account>:assumed-role/<name>/<session>`, which
 * drops the role's path): compared by partition, account, kind and name.
 */
export function coversCaller(callerArn: string, excluded: string): boolean {
  const caller = principalOf(callerArn)
  const principal = principalOf(excluded)
  return (
    caller !== undefined &&
    principal !== undefined &&
    caller.partition === principal.partition &&
    caller.account === principal.account &&
    caller.kind === principal.kind &&
    caller.name === principal.name
  )
}

function principalOf(
  arn: string
): { partition: string; account: string; kind: string; name: string } | undefined {
  const match = /^arn:(aws[a-z-]*):(?:iam|sts)::(\d{12}):(assumed-role|role|user)\/(.+)$/.exec(arn)
  if (!match) return undefined
  const [, partition, account, kind, rest] = match as unknown as [string, string, string, string, string]
  const segments = rest.split('/')
  // assumed-role/<name>/<session>; role/<path>/<name>; user/<path>/<name>
  const name = kind === 'assumed-role' ? segments[0] : segments[segments.length - 1]
  return { partition, account, kind: kind === 'assumed-role' ? 'role' : kind, name: name ?? '' }
}

/** The caller's ARN (STS GetCallerIdentity; loaded only by a run that asks). */
export async function callerArn(region: string, endpoint: EndpointVariant): Promise<string> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
  const sts = new STSClient(awsClientConfig('STS', region, endpoint))
  const identity = await sts.send(new GetCallerIdentityCommand({}))
  return identity.Arn ?? ''
}

/** Every principal whose pulls do not update lastRecordedPullTime in this registry. */
export async function pullTimeExclusions(client: ECRClient): Promise<string[]> {
  const principals: string[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await callAws('ListPullTimeUpdateExclusions', () =>
      client.send(new ListPullTimeUpdateExclusionsCommand({ maxResults: 100, nextToken }))
    )
    principals.push(...(response.pullTimeUpdateExclusions ?? []))
    nextToken = response.nextToken
    if (!nextToken) break
  }
  return principals
}
