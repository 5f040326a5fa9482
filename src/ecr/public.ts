import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import type { Repository } from '@aws-sdk/client-ecr'
import { ActionError, quote } from '../common/errors.js'
import { loginFromToken, type RegistryLogin } from './auth.js'
import { awsClientConfig } from '../common/aws.js'
import type { EndpointVariant } from '../common/endpoints.js'
import { awsErrorName, callAws, explainAwsError } from './errors.js'
import { catalogChanges, type PublicCatalog } from './public-catalog.js'

/** ECR Public's API exists only in us-east-1, whatever AWS_REGION says. */
export const PUBLIC_API_REGION = 'us-east-1'
export const PUBLIC_REGISTRY_HOST = 'public.ecr.aws'

/** The ECR Public SDK, loaded only by a run that uses ECR Public (ncc puts it in a chunk of its own). */
export const publicSdk = () => import('@aws-sdk/client-ecr-public')

/** The ECR Public client; a variant other than the default is refused before (ecr/endpoints.ts). */
export async function createEcrPublicClient(endpoint: EndpointVariant): Promise<ECRPUBLICClient> {
  const { ECRPUBLICClient } = await publicSdk()
  return new ECRPUBLICClient(awsClientConfig('ECR PUBLIC', PUBLIC_API_REGION, endpoint))
}

/** Credentials for public.ecr.aws; the token and password are masked before anything can print them. */
export async function getPublicLogin(client: ECRPUBLICClient, maskPassword: boolean): Promise<RegistryLogin> {
  const { GetAuthorizationTokenCommand } = await publicSdk()
  const { authorizationData } = await callAws('ecr-public GetAuthorizationToken', () =>
    client.send(new GetAuthorizationTokenCommand({}))
  )
  return loginFromToken(
    authorizationData?.authorizationToken ?? '',
    PUBLIC_REGISTRY_HOST,
    maskPassword,
    'ecr-public GetAuthorizationToken'
  )
}

/**
 * Makes sure the public repository exists, creating it with the catalog data when missing (a concurrent
 * creation counts as success). Returned in the private client's shape, which the push code takes.
 */
export async function ensurePublicRepository(
  client: ECRPUBLICClient,
  name: string,
  catalog: PublicCatalog,
  options: { create: boolean }
): Promise<{ repository: Repository; created: boolean; changes: string[] }> {
  const { CreateRepositoryCommand, DescribeRepositoriesCommand } = await publicSdk()
  const describe = () =>
    callAws(`ecr-public DescribeRepositories ${name}`, async () => {
      try {
        const { repositories } = await client.send(
          new DescribeRepositoriesCommand({ repositoryNames: [name] })
        )
        return repositories?.[0]
      } catch (error) {
        if (awsErrorName(error) === 'RepositoryNotFoundException') return undefined
        throw error
      }
    })
  const toPrivateShape = (r: {
    repositoryName?: string
    repositoryUri?: string
    registryId?: string
    repositoryArn?: string
  }) => ({
    repositoryName: r.repositoryName,
    repositoryUri: r.repositoryUri,
    registryId: r.registryId,
    repositoryArn: r.repositoryArn
  })
  const existing = await describe()
  if (existing) {
    const changes = await updateCatalog(client, name, catalog)
    return { repository: toPrivateShape(existing), created: false, changes }
  }
  if (!options.create) {
    throw new ActionError(`Public repository ${quote(name)} does not exist and create-repository is false`)
  }
  try {
    const { repository } = await client.send(
      new CreateRepositoryCommand({
        repositoryName: name,
        catalogData: hasCatalog(catalog) ? catalog : undefined
      })
    )
    if (!repository)
      throw new ActionError(`ecr-public CreateRepository returned no repository for ${quote(name)}`)
    return { repository: toPrivateShape(repository), created: true, changes: [] }
  } catch (error) {
    if (awsErrorName(error) === 'RepositoryAlreadyExistsException') {
      const raced = await describe()
      if (raced) return { repository: toPrivateShape(raced), created: false, changes: [] }
    }
    throw explainAwsError(error, `ecr-public CreateRepository ${name}`)
  }
}

/**
 * An existing repository's catalog data brought in line with what is declared (as settings are governed
 * on private repositories): read, compared field by field, put only when a declared field differs.
 */
async function updateCatalog(
  client: ECRPUBLICClient,
  name: string,
  declared: PublicCatalog
): Promise<string[]> {
  if (!hasCatalog(declared)) return []
  const { GetRepositoryCatalogDataCommand, PutRepositoryCatalogDataCommand } = await publicSdk()
  const { catalogData } = await callAws(`ecr-public GetRepositoryCatalogData ${name}`, () =>
    client.send(new GetRepositoryCatalogDataCommand({ repositoryName: name }))
  )
  const { changed, catalog } = catalogChanges(declared, catalogData ?? {})
  if (changed.length === 0) return []
  await callAws(`ecr-public PutRepositoryCatalogData ${name}`, () =>
    client.send(new PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: catalog }))
  )
  return [`catalog data updated: ${changed.join(', ')}`]
}

function hasCatalog(catalog: PublicCatalog): boolean {
  return Object.values(catalog).some(value => (Array.isArray(value) ? value.length > 0 : Boolean(value)))
}

/** The gallery page of a public repository (`public.ecr.aws/<alias>/<name>` → gallery.ecr.aws/<alias>/<name>). */
export function galleryUrl(repositoryUri: string): string {
  return `https://gallery.ecr.aws/${repositoryUri.replace(/^public\.ecr\.aws\//, '')}`
}

/** Removes one tag from a public repository (the image goes with its last tag); a tag already gone is fine. */
export async function removePublicImageTag(
  client: ECRPUBLICClient,
  repositoryName: string,
  tag: string
): Promise<void> {
  const { BatchDeleteImageCommand } = await publicSdk()
  const response = await callAws(`ecr-public BatchDeleteImage ${repositoryName}:${tag}`, () =>
    client.send(new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageTag: tag }] }))
  )
  const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound')
  if (failure) {
    throw new ActionError(
      `ecr-public BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`
    )
  }
}
