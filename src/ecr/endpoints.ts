import { InputError } from '../common/errors.js'
import { apiEndpointRefusal } from '../common/endpoint-regions.js'
import { choiceOf, endpointOverride, type AwsService, type EndpointVariant } from '../common/endpoints.js'
import { registryRefusal } from './hosts.js'

/** What a step will reach in one region: the AWS APIs it calls there, and the registry it talks to. */
export interface EndpointUse {
  region: string
  services: readonly AwsService[]
  registry?: 'private' | 'public'
}

type Env = Record<string, string | undefined>

/**
 * Refuses, before any call, an endpoint choice that something the step uses does not offer: the registry
 * host (which follows the choice whatever the API overrides), and each API without an override (an
 * override, AWS_ENDPOINT_URL[_<SERVICE>], wins for the API calls). One error naming the input, each region
 * and what exists there.
 */
export function refuseUnofferedEndpoints(
  input: string,
  variant: EndpointVariant,
  uses: readonly EndpointUse[],
  env: Env
): void {
  if (!variant.fips && !variant.dualStack) return
  const reasons = new Set<string>()
  for (const use of uses) {
    if (use.registry === 'private') {
      const refusal = registryRefusal(use.region, variant)
      if (refusal) reasons.add(refusal)
    }
    if (use.registry === 'public')
      reasons.add(
        `ECR Public's registry has no ${choiceOf(variant)} host confirmed (public.ecr.aws: default only)`
      )
    for (const service of use.services) {
      if (endpointOverride(service, env) !== undefined) continue
      const refusal = apiEndpointRefusal(service, use.region, variant)
      if (refusal) reasons.add(refusal)
    }
  }
  if (reasons.size > 0)
    throw new InputError(input, `${choiceOf(variant)} is not offered: ${[...reasons].join('; ')}`)
}
