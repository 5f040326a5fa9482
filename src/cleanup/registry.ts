import * as core from '@actions/core'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import picomatch from 'picomatch'
import { messageOf, quote } from '../common/errors.js'
import * as log from '../common/log.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { refuseUnofferedEndpoints, type EndpointUse } from '../ecr/endpoints.js'
import { privateImageStore, type ImageStore } from '../ecr/image-store.js'
import type { Manifest } from '../registry/media-types.js'
import { manifestsToRead } from './graph.js'
import { SCAN_SERVICES, type RegistryIdentity } from '../ecr/in-use/references.js'
import { Input } from './constants.js'
import type { CleanupInputs } from './inputs.js'

/** One repository, listed whole: its images and the manifests of its indexes and artifacts. */
export interface Listing {
  details: ImageDetail[]
  manifests: Map<string, Manifest>
}

/** The registry a cleanup works on: how to read and change it, and the region its deployments run in. */
export interface Registry {
  store: ImageStore
  region: string
}

/**
 * ECR's private registry, or ECR Public (its API in us-east-1; its manifests read through the registry).
 * The endpoint choice is checked against everything the run will call before the first call.
 */
export async function openRegistry(inputs: CleanupInputs): Promise<Registry> {
  if (inputs.registryType === 'private') {
    const ecr = createEcrClient(undefined, inputs.endpoint)
    const region = await resolveRegion(ecr)
    const sts = inputs.rules.keepPulledWithinMs !== undefined
    refuseEndpoints(inputs, region, { region, services: sts ? ['ECR', 'STS'] : ['ECR'] })
    if (sts) await warnWithoutPullTimeExclusion(ecr, region, inputs)
    return { store: privateImageStore(ecr, inputs.registryId), region }
  }
  // Deployments that pull public images run in the workflow's region.
  const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1'
  refuseEndpoints(inputs, region, { region: 'us-east-1', services: ['ECR PUBLIC'], registry: 'public' })
  const [
    { createEcrPublicClient, PUBLIC_REGISTRY_HOST },
    { publicImageStore },
    { RegistryClient },
    { registryHooks }
  ] = await Promise.all([
    import('../ecr/public.js'),
    import('../ecr/public-images.js'),
    import('../registry/client.js'),
    import('../common/registry-hooks.js')
  ])
  // Anyone may read public images: the manifests are read without credentials.
  const registry = new RegistryClient({
    endpoint: `https://${PUBLIC_REGISTRY_HOST}`,
    basicToken: '',
    ...registryHooks
  })
  const store = publicImageStore(await createEcrPublicClient(inputs.endpoint), async (path, digest) => {
    const stored = await registry.getManifest(path, digest)
    return stored?.manifest
  })
  return { store, region }
}

/** The registry's use, and every region's deployment scans (Inspector only in the registry's region). */
function refuseEndpoints(inputs: CleanupInputs, region: string, registry: EndpointUse): void {
  const { kinds, regions } = inputs.inUse
  const scans = [...new Set([region, ...regions])].map(scanned => ({
    region: scanned,
    services: kinds
      .filter(kind => kind !== 'inspector' || scanned === region)
      .map(kind => SCAN_SERVICES[kind])
  }))
  refuseUnofferedEndpoints(Input.endpoint, inputs.endpoint, [registry, ...scans], process.env)
}

/** The repositories the patterns match (a pattern matching none warns), and who the registry is. */
export async function findRepositories(
  store: ImageStore,
  inputs: CleanupInputs,
  region: string
): Promise<{ names: string[]; identity?: RegistryIdentity }> {
  const repositories = await store.listRepositories()
  const matched = new Set<string>()
  for (const pattern of inputs.repositories) {
    const hits = repositories.filter(r => picomatch.isMatch(r.name, pattern))
    if (hits.length === 0) core.warning(`repositories: ${quote(pattern)} matches no repository`)
    hits.forEach(r => matched.add(r.name))
  }
  const names = [...matched].sort()
  if (store.kind === 'public') {
    // public.ecr.aws/<alias>/<name>: the alias is what references name the registry by.
    const uri = repositories.find(r => r.uri)?.uri
    const alias = uri?.split('/')[1]
    return { names, identity: alias ? { publicAlias: alias } : undefined }
  }
  const accountId = inputs.registryId ?? repositories[0]?.registryId
  return { names, identity: accountId ? { accountId, region } : undefined }
}

/** Every matched repository listed whole; any failure throws (a partial listing is never a plan). */
export async function listAll(store: ImageStore, names: string[]): Promise<Map<string, Listing>> {
  const listings = new Map<string, Listing>()
  for (const name of names) {
    const details = await store.listImages(name)
    const manifests = await store.getManifests(name, manifestsToRead(details))
    listings.set(name, { details, manifests })
  }
  return listings
}

/**
 * keep-pulled-within trusts lastRecordedPullTime, which reads of a scanner or of this cleanup may refresh:
 * warns when the caller is not registered with RegisterPullTimeUpdateExclusion. Only a note when the caller
 * may not read the exclusions.
 */
async function warnWithoutPullTimeExclusion(
  ecr: ReturnType<typeof createEcrClient>,
  region: string,
  inputs: CleanupInputs
): Promise<void> {
  const { callerArn, coversCaller, pullTimeExclusions } = await import('../ecr/pull-time.js')
  try {
    const [caller, excluded] = await Promise.all([
      callerArn(region, inputs.endpoint),
      pullTimeExclusions(ecr)
    ])
    if (!excluded.some(principal => coversCaller(caller, principal))) {
      core.warning(
        `keep-pulled-within: ${caller} is not registered with RegisterPullTimeUpdateExclusion, so its own reads ` +
          '(and those of other tools using it) may count as pulls and keep images "recently pulled"; see the README'
      )
    }
  } catch (error) {
    log.info(`keep-pulled-within: could not check the pull-time update exclusions (${messageOf(error)})`)
  }
}
