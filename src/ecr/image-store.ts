import type { ECRClient, ImageDetail } from '@aws-sdk/client-ecr'
import type { Manifest } from '../registry/media-types.js'
import { archiveImage, describeImagesNow } from './image-status.js'
import {
  deleteEmptyRepository,
  deleteImages,
  getManifests,
  listImages,
  listRepositories,
  type DeleteOutcome
} from './images.js'

/**
 * A registry's images as a cleanup (or a report) reads and changes them: ECR's private registries, or
 * ECR Public (public-images.ts), behind one interface, so the same planner runs on both.
 */
export interface ImageStore {
  kind: 'private' | 'public'
  /** Every repository: its name, and its registry's account (private) or its URI (public). */
  listRepositories(): Promise<{ name: string; registryId?: string; uri?: string }[]>
  /** Every image of a repository, every page, whatever its status: a failure throws. */
  listImages(repository: string): Promise<ImageDetail[]>
  /** Manifests by digest, read as stored. */
  getManifests(repository: string, digests: string[]): Promise<Map<string, Manifest>>
  /** The images with these digests as the registry holds them now; gone ones are absent. */
  describeImagesNow(repository: string, digests: string[]): Promise<Map<string, ImageDetail>>
  deleteImages(repository: string, digests: string[]): Promise<DeleteOutcome>
  /** Moves an image to the archive storage class (private registries only); the status after the call. */
  archiveImage(repository: string, digest: string): Promise<string>
  deleteEmptyRepository(repository: string): Promise<'deleted' | 'not empty'>
}

/** ECR's private registry (the caller's own, or `registryId`'s). */
export function privateImageStore(client: ECRClient, registryId?: string): ImageStore {
  return {
    kind: 'private',
    listRepositories: () => listRepositories(client, registryId),
    listImages: repository => listImages(client, repository, registryId),
    getManifests: (repository, digests) => getManifests(client, repository, digests, registryId),
    describeImagesNow: (repository, digests) => describeImagesNow(client, repository, digests, registryId),
    deleteImages: (repository, digests) => deleteImages(client, repository, digests, registryId),
    archiveImage: (repository, digest) => archiveImage(client, repository, digest, registryId),
    deleteEmptyRepository: repository => deleteEmptyRepository(client, repository, registryId)
  }
}
