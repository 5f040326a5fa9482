import {
  DescribeImagesCommand,
  paginateListImages,
  UpdateImageStorageClassCommand,
  type ECRClient,
  type ImageDetail
} from '@aws-sdk/client-ecr'
import { awsErrorName, callAws, collectPages } from './errors.js'
import { BATCH_SIZE, chunks, listImages } from './images.js'

/** Answers that mean "read the listing instead": an image of the batch is gone, or the call shape refused. */
const FALL_BACK_TO_LISTING = new Set(['ImageNotFoundException', 'InvalidParameterException'])

/**
 * The images with these digests as the registry holds them now, whatever their status; gone ones are
 * absent. One DescribeImages by image IDs (status ANY) per 100 digests. ECR answers such a call with
 * ImageNotFoundException when any one of them is gone (and may refuse `filter` beside `imageIds`): then
 * the repository's listing (status ANY, 1,000 a page) is read instead, which cannot miss an image. Not
 * BatchGetImage: its reads may count as pulls.
 */
export async function describeImagesNow(
  client: ECRClient,
  repositoryName: string,
  digests: string[],
  registryId?: string
): Promise<Map<string, ImageDetail>> {
  const found = new Map<string, ImageDetail>()
  for (const batch of chunks(digests, BATCH_SIZE)) {
    let details: ImageDetail[]
    try {
      const response = await callAws(`DescribeImages ${repositoryName}`, () =>
        client.send(
          new DescribeImagesCommand({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest })),
            filter: { imageStatus: 'ANY' }
          })
        )
      )
      details = response.imageDetails ?? []
    } catch (error) {
      if (!FALL_BACK_TO_LISTING.has(awsErrorName(error) ?? '')) throw error
      const wanted = new Set(batch)
      details = (await listImages(client, repositoryName, registryId)).filter(d =>
        wanted.has(d.imageDigest ?? '')
      )
    }
    for (const detail of details) if (detail.imageDigest) found.set(detail.imageDigest, detail)
  }
  return found
}

/** Moves one image to the archive storage class; the status ECR reports after the call. */
export async function archiveImage(
  client: ECRClient,
  repositoryName: string,
  imageDigest: string,
  registryId?: string
): Promise<string> {
  const response = await callAws(`UpdateImageStorageClass ${repositoryName}@${imageDigest}`, () =>
    client.send(
      new UpdateImageStorageClassCommand({
        repositoryName,
        registryId,
        imageId: { imageDigest },
        targetStorageClass: 'ARCHIVE'
      })
    )
  )
  return response.imageStatus ?? 'UNKNOWN'
}

/**
 * The digests of a repository's archived images (ListImages, status ARCHIVED: usually one page). Empty
 * where they cannot be read (no ecr:ListImages, or a registry without the archive storage class): a
 * delivery then reports a restored image as pushed.
 */
export async function archivedDigests(
  client: ECRClient,
  repositoryName: string,
  registryId?: string
): Promise<Set<string>> {
  try {
    const pages = paginateListImages(
      { client, pageSize: 1000 },
      { repositoryName, registryId, filter: { imageStatus: 'ARCHIVED' } }
    )
    const ids = await collectPages(`ListImages ${repositoryName}`, pages, page => page.imageIds)
    return new Set(ids.map(id => id.imageDigest ?? '').filter(Boolean))
  } catch {
    return new Set()
  }
}
