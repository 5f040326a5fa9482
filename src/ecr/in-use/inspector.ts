import { Inspector2Client, paginateListCoverage } from '@aws-sdk/client-inspector2'
import { awsClientConfig } from '../../common/aws.js'
import type { EndpointVariant } from '../../common/endpoints.js'
import type { FoundReference } from './references.js'
import { scanPages } from './scan-call.js'

// arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<hex>
const IMAGE_ARN = /^arn:aws[a-z-]*:ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)\/(sha256:[a-f0-9]{64})$/

/**
 * Amazon Inspector's coverage of the registry's images (enhanced scanning): an image counts as in use
 * when Inspector sees it in ECS tasks or EKS pods now (`inUseCount`), or saw it there within
 * `keepPulledWithinMs` (`lastInUseAt`). This is how an account protects what runs on EKS without access
 * to the clusters.
 */
export async function scanInspector(
  region: string,
  options: { keepPulledWithinMs?: number; now: Date },
  endpoint: EndpointVariant,
  client = new Inspector2Client(awsClientConfig('Inspector2', region, endpoint))
): Promise<FoundReference[]> {
  const covered = await scanPages(
    'inspector2:ListCoverage',
    region,
    paginateListCoverage(
      { client },
      { filterCriteria: { resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' }] } }
    ),
    page => page.coveredResources
  )
  const found: FoundReference[] = []
  for (const resource of covered) {
    const match = IMAGE_ARN.exec(resource.resourceId ?? '')
    const image = resource.resourceMetadata?.ecrImage
    if (!match || !image) continue
    const [, imageRegion, account, repository, digest] = match as unknown as [
      string,
      string,
      string,
      string,
      string
    ]
    const inUse = (image.inUseCount ?? 0) > 0
    const lastUsed = image.lastInUseAt
    const recently =
      lastUsed !== undefined &&
      options.keepPulledWithinMs !== undefined &&
      options.now.getTime() - lastUsed.getTime() < options.keepPulledWithinMs
    if (!inUse && !recently) continue
    found.push({
      image: `${account}.dkr.ecr.${imageRegion}.amazonaws.com/${repository}@${digest}`,
      digest,
      source: 'inspector',
      where: inUse
        ? `in use by ${image.inUseCount} ECS task${image.inUseCount === 1 ? '' : 's'} or EKS pod${image.inUseCount === 1 ? '' : 's'}`
        : `last in use ${lastUsed?.toISOString().slice(0, 10)}`
    })
  }
  return found
}
