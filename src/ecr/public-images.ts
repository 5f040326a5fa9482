import type { ImageDetail, ImageFailure } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import type { Manifest } from '../registry/media-types.js'
import { collectPages, callAws } from './errors.js'
import type { ImageStore } from './image-store.js'
import { BATCH_SIZE, chunks, PAGE_SIZE, sortFailures, type DeleteOutcome } from './images.js'
import { publicSdk } from './public.js'

/**
 * ECR Public behind the cleanup's interface. Its API has no BatchGetImage, no image status and no
 * lastRecordedPullTime: manifests are read through the registry (anonymous pulls are allowed there), and
 * every image is ACTIVE.
 */
export function publicImageStore(
  client: ECRPUBLICClient,
  readManifest: (path: string, digest: string) => Promise<Manifest | undefined>
): ImageStore {
  /** name → the registry path (`<alias>/<name>`), learnt from the listing's URIs. */
  const paths = new Map<string, string>()
  const store: ImageStore = {
    kind: 'public',
    listRepositories: async () => {
      const { paginateDescribeRepositories } = await publicSdk()
      const pages = paginateDescribeRepositories({ client, pageSize: PAGE_SIZE }, {})
      const repositories = await collectPages(
        'ecr-public DescribeRepositories',
        pages,
        page => page.repositories
      )
      return repositories
        .filter(r => r.repositoryName)
        .map(r => {
          const name = r.repositoryName as string
          if (r.repositoryUri) paths.set(name, r.repositoryUri.slice(r.repositoryUri.indexOf('/') + 1))
          return { name, registryId: r.registryId, uri: r.repositoryUri }
        })
    },
    listImages: async repository => {
      const { paginateDescribeImages } = await publicSdk()
      const pages = paginateDescribeImages({ client, pageSize: PAGE_SIZE }, { repositoryName: repository })
      return (await collectPages(
        `ecr-public DescribeImages ${repository}`,
        pages,
        page => page.imageDetails
      )) as ImageDetail[]
    },
    getManifests: async (repository, digests) => {
      const path = paths.get(repository) ?? repository
      const manifests = new Map<string, Manifest>()
      for (const digest of digests) {
        const manifest = await readManifest(path, digest)
        if (manifest) manifests.set(digest, manifest)
      }
      return manifests
    },
    describeImagesNow: async (repository, digests) => {
      // No filter beside imageIds here, and one missing image fails the call: the listing is the one read.
      const wanted = new Set(digests)
      const details = await store.listImages(repository)
      return new Map(
        details.filter(d => wanted.has(d.imageDigest ?? '')).map(d => [d.imageDigest as string, d])
      )
    },
    deleteImages: async (repository, digests) => {
      const { BatchDeleteImageCommand } = await publicSdk()
      const total: DeleteOutcome = { deleted: [], alreadyGone: [], referenced: [], failed: [] }
      for (const batch of chunks(digests, BATCH_SIZE)) {
        const response = await callAws(`ecr-public BatchDeleteImage ${repository}`, () =>
          client.send(
            new BatchDeleteImageCommand({
              repositoryName: repository,
              imageIds: batch.map(imageDigest => ({ imageDigest }))
            })
          )
        )
        const outcome = sortFailures(batch, (response.failures ?? []) as ImageFailure[])
        total.deleted.push(...outcome.deleted)
        total.alreadyGone.push(...outcome.alreadyGone)
        total.referenced.push(...outcome.referenced)
        total.failed.push(...outcome.failed)
      }
      return total
    },
    archiveImage: async () => {
      throw new Error('ECR Public has no archive storage class')
    },
    deleteEmptyRepository: async repository => {
      const { DeleteRepositoryCommand } = await publicSdk()
      return callAws(`ecr-public DeleteRepository ${repository}`, async () => {
        try {
          await client.send(new DeleteRepositoryCommand({ repositoryName: repository }))
          return 'deleted' as const
        } catch (error) {
          if (error instanceof Error && error.name === 'RepositoryNotEmptyException')
            return 'not empty' as const
          throw error
        }
      })
    }
  }
  return store
}
