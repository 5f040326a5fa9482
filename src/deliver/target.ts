import { exclusionsOf, isTagImmutable } from '../ecr/mutability.js'
import type { DeliveryTarget } from './delivery.js'
import type { RepositoryReport } from './governance.js'

/**
 * Where an image goes, in any registry: built once from the repository as ensured, the URI the outputs
 * name, and how a tag is removed there (the docker path's staging tag).
 */
export function deliveryTarget(
  report: RepositoryReport,
  repositoryUri: string,
  removeTag: (tag: string) => Promise<void>
): DeliveryTarget {
  const { repository } = report
  const exclusions = exclusionsOf(repository)
  return {
    repositoryUri,
    // The path under /v2/: the repository's name (ECR Public adds its alias: see the URI).
    repository: repositoryUri.slice(repositoryUri.indexOf('/') + 1),
    isImmutable: tag => isTagImmutable(tag, repository.imageTagMutability, exclusions),
    removeTag
  }
}
