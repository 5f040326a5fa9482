import { DescribeImageScanFindingsCommand, type ECRClient, type Repository } from '@aws-sdk/client-ecr'
import * as log from '../common/log.js'
import { awsErrorName, callAws } from '../ecr/errors.js'
import { listImages, readManifests } from '../ecr/images.js'
import { getLifecyclePolicyText, getRepositoryPolicyText } from '../ecr/policies.js'
import type { Manifest } from '../registry/media-types.js'
import type { RepositoryEntry } from './document.js'
import { newestScannable, referrersOf, type RepositoryRead } from './facts.js'

/**
 * Every manifest of the repository, 100 a BatchGetImage, as stored (every type accepted). One gone since
 * the listing, or one ECR will not give, is left out: its blobs are then not counted, which the log says.
 */
async function manifestsOf(
  client: ECRClient,
  repositoryName: string,
  digests: string[],
  registryId?: string
): Promise<Map<string, Manifest>> {
  const { manifests, unread, malformed } = await readManifests(client, repositoryName, digests, registryId)
  for (const digest of malformed)
    log.info(`${repositoryName}: the manifest ${digest} is not JSON: its blobs are not counted`)
  if (unread.length > 0)
    log.info(`${repositoryName}: ${unread.length} manifests could not be read: their blobs are not counted`)
  return manifests
}

/** The newest image's scan: its severity counts when the scan is done (one call, one finding a page). */
async function readFindings(
  client: ECRClient,
  repositoryName: string,
  image: string,
  registryId?: string
): Promise<NonNullable<RepositoryEntry['findings']>> {
  return callAws(`DescribeImageScanFindings ${repositoryName}@${image}`, async () => {
    try {
      const answer = await client.send(
        new DescribeImageScanFindingsCommand({
          repositoryName,
          registryId,
          imageId: { imageDigest: image },
          maxResults: 1
        })
      )
      const status = answer.imageScanStatus?.status ?? 'UNKNOWN'
      const done = status === 'COMPLETE' || status === 'ACTIVE'
      const counts = answer.imageScanFindings?.findingSeverityCounts ?? {}
      return { image, status, ...(done ? { counts } : {}) }
    } catch (error) {
      if (awsErrorName(error) === 'ScanNotFoundException') return { image, status: 'NOT_SCANNED' }
      throw error
    }
  })
}

/**
 * One repository read whole: its images (every status, 1,000 a page), every manifest (100 a call), its
 * lifecycle and repository policies, and with `findings` the newest image's scan. Any failure throws: a
 * report from a partial read would be wrong without saying so.
 */
export async function readRepository(
  client: ECRClient,
  repository: Repository,
  options: { registryId?: string; findings: boolean }
): Promise<Omit<RepositoryRead, 'inUse' | 'registryScansOnPush'>> {
  const name = repository.repositoryName ?? ''
  const { registryId } = options
  const details = await listImages(client, name, registryId)
  const digests = details.map(d => d.imageDigest ?? '').filter(Boolean)
  const [manifests, lifecyclePolicyText, repositoryPolicyText] = await Promise.all([
    manifestsOf(client, name, digests, registryId),
    getLifecyclePolicyText(client, { name, registryId }),
    getRepositoryPolicyText(client, { name, registryId })
  ])
  let findings: RepositoryEntry['findings']
  if (options.findings) {
    const newest = newestScannable(details, referrersOf(details, manifests))
    if (newest) findings = await readFindings(client, name, newest, registryId)
  }
  return { repository, details, manifests, lifecyclePolicyText, repositoryPolicyText, findings }
}
