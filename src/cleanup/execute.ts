import pLimit from 'p-limit'
import { messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import { BATCH_SIZE, type DeleteOutcome } from '../ecr/images.js'
import type { ImageStore } from '../ecr/image-store.js'
import { toImageRecord } from './graph.js'
import type { Verdict } from './planner.js'
import { recheckBatch, type RegistryView } from './recheck.js'

export interface ExecutionResult {
  deleted: Set<string>
  archived: Set<string>
  /** Gone (or archived) before our call reached them, by another cleanup or a lifecycle rule: reported apart. */
  alreadyGone: Set<string>
  /** Planned, but no longer to go when read again right before the call (a rollback moved a kept tag...). */
  spared: Map<string, string>
  failed: DeleteOutcome['failed']
}

type Going = { digest: string; verdict: Exclude<Verdict, 'keep'> }

/** Tries per image: a child that an index deleted in the same batch still referenced goes on the next. */
const ATTEMPTS_PER_IMAGE = 3
/** UpdateImageStorageClass takes one image a call: a few at once, well under ECR's rate. */
const ARCHIVE_CONCURRENCY = 5

/**
 * Deletes or archives one repository's planned images in the planned order (parents before children),
 * 100 a batch. Right before each batch's calls, the batch is read again (one DescribeImages) and decided
 * again against what the registry holds now: what a rollback or a new tag made wanted is spared. A child
 * ECR still finds referenced (its index went in the same batch, or another index not listed as going
 * holds it) is queued again behind the rest, a bounded number of times; what still fails is reported,
 * never counted as done. Calls: 2 × ceil(n / 100) for deletions, plus the retries; an archival is one
 * call per image, and the archived statuses are read back at the end.
 */
export async function executePlan(
  store: ImageStore,
  repository: string,
  going: Going[],
  view: RegistryView
): Promise<ExecutionResult> {
  const result: ExecutionResult = {
    deleted: new Set(),
    archived: new Set(),
    alreadyGone: new Set(),
    spared: new Map(),
    failed: []
  }
  const attempts = new Map<string, number>()
  const queue = [...going]
  while (queue.length > 0) {
    const batch = queue.splice(0, BATCH_SIZE)
    const now = await store.describeImagesNow(
      repository,
      batch.map(g => g.digest)
    )
    const fresh = new Map([...now].map(([digest, detail]) => [digest, toImageRecord(detail)]))
    const decided = recheckBatch(view, batch, fresh)
    decided.done.forEach(digest => result.alreadyGone.add(digest))
    for (const { digest, reason } of decided.spared) result.spared.set(digest, reason)
    if (decided.spared.length > 0) {
      log.info(
        `${repository}: ${decided.spared.length} spared, read again right before the call: ` +
          decided.spared
            .slice(0, 5)
            .map(s => `${s.digest.slice(0, 19)}… (${s.reason})`)
            .join(', ')
      )
    }
    const deletions = decided.go.filter(g => g.verdict === 'delete').map(g => g.digest)
    const archivals = decided.go.filter(g => g.verdict === 'archive').map(g => g.digest)
    if (deletions.length > 0) {
      const referenced = await deleteBatch(store, repository, deletions, result)
      for (const digest of referenced) {
        const tries = (attempts.get(digest) ?? 1) + 1
        attempts.set(digest, tries)
        if (tries <= ATTEMPTS_PER_IMAGE) queue.push({ digest, verdict: 'delete' })
        else {
          result.failed.push({
            digest,
            code: 'ImageReferencedByManifestList',
            reason: 'an image index that is kept still references it'
          })
        }
      }
    }
    if (archivals.length > 0) await archiveBatch(store, repository, archivals, result, view)
  }
  if (result.archived.size > 0) await checkArchived(store, repository, result)
  return result
}

/** One BatchDeleteImage; returns the digests ECR refused for now because an index still references them. */
async function deleteBatch(
  store: ImageStore,
  repository: string,
  digests: string[],
  result: ExecutionResult
): Promise<string[]> {
  const outcome = await store.deleteImages(repository, digests)
  log.info(
    `${repository}: BatchDeleteImage ${digests.length} → ${outcome.deleted.length} deleted` +
      (outcome.alreadyGone.length ? `, ${outcome.alreadyGone.length} already gone` : '') +
      (outcome.referenced.length ? `, ${outcome.referenced.length} still referenced (retried later)` : '') +
      (outcome.failed.length ? `, ${outcome.failed.length} failed` : '')
  )
  outcome.deleted.forEach(digest => result.deleted.add(digest))
  outcome.alreadyGone.forEach(digest => result.alreadyGone.add(digest))
  result.failed.push(...outcome.failed)
  return outcome.referenced
}

/** UpdateImageStorageClass for each image, a few at a time; a refusal is that image's failure. */
async function archiveBatch(
  store: ImageStore,
  repository: string,
  digests: string[],
  result: ExecutionResult,
  view: RegistryView
): Promise<void> {
  const limit = pLimit(ARCHIVE_CONCURRENCY)
  const outcomes = await Promise.all(
    digests.map(digest =>
      limit(async () => {
        try {
          return { digest, status: await store.archiveImage(repository, digest) }
        } catch (error) {
          return { digest, error: messageOf(error) }
        }
      })
    )
  )
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      result.failed.push({
        digest: outcome.digest,
        code: 'UpdateImageStorageClass',
        reason: outcome.error ?? ''
      })
    } else if (outcome.status !== 'ARCHIVED') {
      result.failed.push({
        digest: outcome.digest,
        code: outcome.status,
        reason: 'not ARCHIVED after the call'
      })
    } else {
      result.archived.add(outcome.digest)
      const record = view.records.get(outcome.digest)
      if (record) view.records.set(outcome.digest, { ...record, status: 'ARCHIVED' })
    }
  }
  log.info(
    `${repository}: archived ${outcomes.filter(o => 'status' in o && o.status === 'ARCHIVED').length} of ${digests.length}`
  )
}

/**
 * Reads back every image archived: what ECR does with the children of an archived index is not
 * documented, so each image's own status is what counts.
 */
async function checkArchived(store: ImageStore, repository: string, result: ExecutionResult): Promise<void> {
  const now = await store.describeImagesNow(repository, [...result.archived])
  for (const digest of [...result.archived]) {
    const status = now.get(digest)?.imageStatus ?? 'gone'
    if (status === 'ARCHIVED') continue
    result.archived.delete(digest)
    result.failed.push({ digest, code: String(status), reason: 'not ARCHIVED when read back' })
  }
}
