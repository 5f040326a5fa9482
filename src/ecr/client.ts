import { ECRClient } from '@aws-sdk/client-ecr'
import { ActionError } from '../common/errors.js'
import { awsClientConfig } from '../common/aws.js'
import type { EndpointVariant } from '../common/endpoints.js'

/**
 * The ECR API client. Credentials and the endpoint come from the SDK's standard chain
 * (AWS_* variables, web identity, profiles, AWS_ENDPOINT_URL_ECR); throttling ("Rate exceeded",
 * a bare 429) is handled by the SDK's adaptive retry mode. The endpoint variant as common/endpoints.ts decides.
 */
export function createEcrClient(region: string | undefined, endpoint: EndpointVariant): ECRClient {
  return new ECRClient(awsClientConfig('ECR', region, endpoint))
}

/** The region the client will call, or a clear error saying how to provide one. */
export async function resolveRegion(client: { config: { region: () => Promise<string> } }): Promise<string> {
  let region: string | undefined
  try {
    region = await client.config.region()
  } catch {
    region = undefined
  }
  if (!region) {
    throw new ActionError(
      'No AWS region is set: give aws-region to aws-actions/configure-aws-credentials before this step, ' +
        'or set AWS_REGION in the environment.'
    )
  }
  return region
}
