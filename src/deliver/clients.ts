import type { ECRClient } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { which } from '@actions/io'
import * as log from '../common/log.js'
import { DockerCli } from '../docker/cli.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { refuseUnofferedEndpoints, type EndpointUse } from '../ecr/endpoints.js'
import { PUBLIC_API_REGION, createEcrPublicClient } from '../ecr/public.js'
import { Input } from './constants.js'
import type { DeliverInputs } from './inputs.js'

/** The clients a run uses: ECR's, ECR Public's for registry-type public, and the docker CLI when there is one. */
export interface Clients {
  ecr: ECRClient
  public?: ECRPUBLICClient
  region: string
  docker?: DockerCli
}

export async function prepareClients(inputs: DeliverInputs): Promise<Clients> {
  const ecr = createEcrClient(undefined, inputs.endpoint)
  const publicClient = inputs.public ? await createEcrPublicClient(inputs.endpoint) : undefined
  // ECR Public's API is in us-east-1 whatever the region: only private registries need one.
  const region = publicClient ? PUBLIC_API_REGION : await resolveRegion(ecr)
  // A daemonless push may run where there is no docker CLI: it then only skips `docker login`.
  const docker =
    inputs.work.kind === 'source' && !(await which('docker', false))
      ? undefined
      : new DockerCli({ print: log.info })
  return { ecr, public: publicClient, region, docker }
}

/**
 * The endpoint choice against what the main registry and the destinations given as regions offer, and each
 * destination given as a host against what its name says: refused before any call.
 */
export function refuseEndpoints(inputs: DeliverInputs, region: string): void {
  const main: EndpointUse = inputs.public
    ? { region, services: ['ECR PUBLIC'], registry: 'public' }
    : { region, services: inputs.signing ? ['ECR', 'KMS'] : ['ECR'], registry: 'private' }
  const inheriting = inputs.destinations.filter(d => !d.host)
  const uses = [
    main,
    ...inheriting.map(d => ({ region: d.region, services: ['ECR'] as const, registry: 'private' as const }))
  ]
  refuseUnofferedEndpoints(Input.endpoint, inputs.endpoint, uses, process.env)
  for (const d of inputs.destinations.filter(d => d.host))
    refuseUnofferedEndpoints(
      Input.destinations,
      d,
      [{ region: d.region, services: ['ECR'], registry: 'private' }],
      process.env
    )
}
