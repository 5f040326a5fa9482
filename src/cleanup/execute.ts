import type { ECRClient } from '@aws-sdk/client-ecr'
import { BATCH_SIZE, deleteImages, type DeleteOutcome } from '../ecr/images.js'
import * as log from '../common/log.js'

export interface ExecutionResult {
  deleted: Set<string>
  /** Gone before our call reached them (another cleanup ran at the same time): reported apart. */
  alreadyGone: Set<string>
  failed: DeleteOutcome['failed']
}

/** Tries per image: a child that an index deleted in the same batch still referenced goes on the next. */
const ATTEMPTS_PER_IMAGE = 3

/**
 * Deletes one repository's doomed images in the planned order (parents before children), 100 per
 * BatchDeleteImage. A child ECR still finds referenced (its index went in the same batch, or another
 * index not listed as going holds it) is queued again behind the rest, a bounded number of times; what
 * still fails is reported, never counted as deleted. Calls: ceil(deletions / 100) plus those retries.
 */
export async function executeDeletions(
  client: ECRClient,
  repository: string,
  waves: string[][],
  registryId?: string
): Promise<ExecutionResult> {
  const result: ExecutionResult = { deleted: new Set(), alreadyGone: new Set(), failed: [] }
  const attempts = new Map<string, number>()
  const queue = waves.flat()
  while (queue.length > 0) {
    const batch = queue.splice(0, BATCH_SIZE)
    const outcome = await deleteImages(client, repository, batch, registryId)
    log.info(
      `${repository}: BatchDeleteImage ${batch.length} → ${outcome.deleted.length} deleted` +
        (outcome.alreadyGone.length ? `, ${outcome.alreadyGone.length} already gone` : '') +
        (outcome.referenced.length ? `, ${outcome.referenced.length} still referenced (retried later)` : '') +
        (outcome.failed.length ? `, ${outcome.failed.length} failed` : '')
    )
    outcome.deleted.forEach(digest => result.deleted.add(digest))
    outcome.alreadyGone.forEach(digest => result.alreadyGone.add(digest))
    result.failed.push(...outcome.failed)
    for (const digest of outcome.referenced) {
      const tries = (attempts.get(digest) ?? 1) + 1
      attempts.set(digest, tries)
      if (tries <= ATTEMPTS_PER_IMAGE) queue.push(digest)
      else {
        result.failed.push({
          digest,
          code: 'ImageReferencedByManifestList',
          reason: 'an image index that is kept still references it'
        })
      }
    }
  }
  return result
}
