import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  DeleteRepositoryCommand,
  paginateDescribeImages,
  type ECRClient,
  type ImageDetail,
  type ImageFailure
} from '@aws-sdk/client-ecr'
import { ACCEPT_ALL_MANIFESTS, type Manifest } from '../registry/media-types.js'
import { ActionError, quote } from '../common/errors.js'
import { callAws, collectPages } from './errors.js'
import { describeAllRepositories } from './repositories.js'

export const PAGE_SIZE = 1000
export const BATCH_SIZE = 100

/** Every repository of the registry (name and registry ID), every page. */
export async function listRepositories(
  client: ECRClient,
  registryId?: string
): Promise<{ name: string; registryId?: string }[]> {
  return (await describeAllRepositories(client, registryId))
    .filter(r => r.repositoryName)
    .map(r => ({ name: r.repositoryName as string, registryId: r.registryId }))
}

/**
 * Deletes a repository that is empty (no `force`): a repository that got an image meanwhile makes ECR
 * refuse, and that is an answer, not an error: 'not empty'.
 */
export async function deleteEmptyRepository(
  client: ECRClient,
  repositoryName: string,
  registryId?: string
): Promise<'deleted' | 'not empty'> {
  return callAws(`DeleteRepository ${repositoryName}`, async () => {
    try {
      await client.send(new DeleteRepositoryCommand({ repositoryName, registryId }))
      return 'deleted' as const
    } catch (error) {
      if (error instanceof Error && error.name === 'RepositoryNotEmptyException') return 'not empty' as const
      throw error
    }
  })
}

/**
 * Every image of a repository, every page, archived ones included. Any failure throws: a partial
 * listing must never become a cleanup plan.
 */
export async function listImages(
  client: ECRClient,
  repositoryName: string,
  registryId?: string
): Promise<ImageDetail[]> {
  const pages = paginateDescribeImages(
    { client, pageSize: PAGE_SIZE },
    { repositoryName, registryId, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } }
  )
  return collectPages(`DescribeImages ${repositoryName}`, pages, page => page.imageDetails)
}

/** What a batch read of manifests gave: those read, those ECR would not give, those that are not JSON. */
export interface ManifestRead {
  manifests: Map<string, Manifest>
  /** BatchGetImage's failures but ImageNotFound (an image gone since the listing is simply not there). */
  unread: ImageFailure[]
  /** Digests whose manifest is not JSON. */
  malformed: string[]
}

/** Manifests by digest, read as stored (every manifest type accepted), 100 per call. */
export async function readManifests(
  client: ECRClient,
  repositoryName: string,
  digests: string[],
  registryId?: string
): Promise<ManifestRead> {
  const read: ManifestRead = { manifests: new Map(), unread: [], malformed: [] }
  for (const batch of chunks(digests, BATCH_SIZE)) {
    const { images, failures } = await callAws(`BatchGetImage ${repositoryName}`, () =>
      client.send(
        new BatchGetImageCommand({
          repositoryName,
          registryId,
          imageIds: batch.map(imageDigest => ({ imageDigest })),
          acceptedMediaTypes: ACCEPT_ALL_MANIFESTS.split(', ')
        })
      )
    )
    for (const image of images ?? []) {
      const digest = image.imageId?.imageDigest
      if (!digest || !image.imageManifest) continue
      try {
        read.manifests.set(digest, JSON.parse(image.imageManifest) as Manifest)
      } catch {
        read.malformed.push(digest)
      }
    }
    read.unread.push(...(failures ?? []).filter(f => f.failureCode !== 'ImageNotFound'))
  }
  return read
}

/**
 * Manifests by digest for a cleanup: one that could not be read leaves the graph incomplete (its children
 * would look orphaned), so that fails; one gone since the listing is fine (the deletions read every image
 * again first).
 */
export async function getManifests(
  client: ECRClient,
  repositoryName: string,
  digests: string[],
  registryId?: string
): Promise<Map<string, Manifest>> {
  const { manifests, unread, malformed } = await readManifests(client, repositoryName, digests, registryId)
  const first = unread[0]
  if (first || malformed.length > 0) {
    const what = first
      ? `${first.imageId?.imageDigest ?? 'a manifest'} (${first.failureCode ?? 'failed'}: ${quote(first.failureReason ?? 'no reason given')})`
      : `${malformed[0]} (not JSON)`
    throw new ActionError(
      `BatchGetImage ${repositoryName}: could not read ${what}; nothing is deleted while the image graph is incomplete`
    )
  }
  return manifests
}

export interface DeleteOutcome {
  deleted: string[]
  /** ImageNotFound: gone before this call (another cleanup, a lifecycle rule): not a deletion of ours. */
  alreadyGone: string[]
  /** Digests ECR refused for now because an index still references them. */
  referenced: string[]
  failed: { digest: string; code: string; reason: string }[]
}

/**
 * BatchDeleteImage by digest, 100 per call. Per-image `failures` are outcomes, not exceptions:
 * ImageNotFound was gone already (not deleted by this call), ImageReferencedByManifestList is for a
 * later try, the rest failed.
 */
export async function deleteImages(
  client: ECRClient,
  repositoryName: string,
  digests: string[],
  registryId?: string
): Promise<DeleteOutcome> {
  const total: DeleteOutcome = { deleted: [], alreadyGone: [], referenced: [], failed: [] }
  for (const batch of chunks(digests, BATCH_SIZE)) {
    const response = await callAws(`BatchDeleteImage ${repositoryName}`, () =>
      client.send(
        new BatchDeleteImageCommand({
          repositoryName,
          registryId,
          imageIds: batch.map(imageDigest => ({ imageDigest }))
        })
      )
    )
    const outcome = sortFailures(batch, response.failures ?? [])
    total.deleted.push(...outcome.deleted)
    total.alreadyGone.push(...outcome.alreadyGone)
    total.referenced.push(...outcome.referenced)
    total.failed.push(...outcome.failed)
  }
  return total
}

export function sortFailures(batch: string[], failures: ImageFailure[]): DeleteOutcome {
  const outcome: DeleteOutcome = { deleted: [], alreadyGone: [], referenced: [], failed: [] }
  const byDigest = new Map(failures.map(f => [f.imageId?.imageDigest ?? '', f]))
  for (const digest of batch) {
    const failure = byDigest.get(digest)
    if (!failure) outcome.deleted.push(digest)
    else if (failure.failureCode === 'ImageNotFound') outcome.alreadyGone.push(digest)
    else if (failure.failureCode === 'ImageReferencedByManifestList') outcome.referenced.push(digest)
    else {
      outcome.failed.push({
        digest,
        code: failure.failureCode ?? 'Unknown',
        reason: failure.failureReason ?? 'no reason given'
      })
    }
  }
  return outcome
}

/**
 * Removes one tag from a repository through the ECR API (the registry API cannot delete tags). The
 * image goes with it when that was its last tag, as ECR does; a tag already gone is fine.
 */
export async function removeImageTag(
  client: ECRClient,
  repositoryName: string,
  tag: string,
  registryId?: string
): Promise<void> {
  const response = await callAws(`BatchDeleteImage ${repositoryName}:${tag}`, () =>
    client.send(new BatchDeleteImageCommand({ repositoryName, registryId, imageIds: [{ imageTag: tag }] }))
  )
  const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound')
  if (failure) {
    throw new ActionError(
      `BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`
    )
  }
}

export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size))
  return result
}
