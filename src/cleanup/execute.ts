import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { deleteImages, type DeleteOutcome } from '../ecr/images.js'

export interface ExecutionResult {
  deleted: Set<string>
  failed: DeleteOutcome['failed']
}

/**
 * Deletes one repository's doomed images wave by wave (parents before children). A child ECR still
 * finds referenced (another index not listed as going) is tried again after the later waves; what
 * still fails is reported, never counted as deleted.
 */
export async function executeDeletions(
  client: ECRClient,
  repository: string,
  waves: string[][],
  registryId?: string
): Promise<ExecutionResult> {
  const result: ExecutionResult = { deleted: new Set(), failed: [] }
  let deferred: string[] = []
  const log = (batch: string[], outcome: DeleteOutcome) =>
    core.info(
      `${repository}: BatchDeleteImage ${batch.length} → ${outcome.deleted.length} deleted` +
        (outcome.referenced.length ? `, ${outcome.referenced.length} still referenced (retried later)` : '') +
        (outcome.failed.length ? `, ${outcome.failed.length} failed` : '')
    )
  for (const wave of waves) {
    const outcome = await deleteImages(client, repository, [...deferred, ...wave], registryId, log)
    outcome.deleted.forEach(digest => result.deleted.add(digest))
    result.failed.push(...outcome.failed)
    deferred = outcome.referenced
  }
  // Last chances for the deferred: each pass must make progress, or they are reported.
  while (deferred.length > 0) {
    const outcome = await deleteImages(client, repository, deferred, registryId, log)
    outcome.deleted.forEach(digest => result.deleted.add(digest))
    result.failed.push(...outcome.failed)
    if (outcome.referenced.length === deferred.length) {
      result.failed.push(
        ...outcome.referenced.map(digest => ({
          digest,
          code: 'ImageReferencedByManifestList',
          reason: 'an image index that is kept still references it'
        }))
      )
      break
    }
    deferred = outcome.referenced
  }
  return result
}
