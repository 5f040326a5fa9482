import {
  GetLifecyclePolicyPreviewCommand,
  StartLifecyclePolicyPreviewCommand,
  type ECRClient,
  type LifecyclePolicyPreviewResult
} from '@aws-sdk/client-ecr'
import { ActionError } from '../common/errors.js'
import { pollUntil } from '../common/poll.js'
import { awsErrorName, callAws, explainAwsError } from './errors.js'
import type { RepositoryRef } from './repositories.js'

export interface PreviewOutcome {
  status: string
  /** The images the policy would expire or transition. */
  results: LifecyclePolicyPreviewResult[]
}

/**
 * Runs ECR's lifecycle policy preview for `text` (nothing is applied) and waits, bounded, for its result,
 * reading every page. A preview already running for the repository is waited out first.
 */
export async function previewLifecyclePolicy(
  client: ECRClient,
  ref: RepositoryRef,
  text: string,
  options: { deadline: number; sleep?: (ms: number) => Promise<void>; now?: () => number }
): Promise<PreviewOutcome> {
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  const poll = { ...options, baseDelayMs: 2000, maxDelayMs: 15_000 }
  const started = await pollUntil(async () => {
    try {
      await client.send(new StartLifecyclePolicyPreviewCommand({ ...repository, lifecyclePolicyText: text }))
      return true
    } catch (error) {
      if (awsErrorName(error) !== 'LifecyclePolicyPreviewInProgressException') {
        throw explainAwsError(error, 'StartLifecyclePolicyPreview')
      }
      return undefined
    }
  }, poll)
  if (!started)
    throw new ActionError(
      'The lifecycle policy preview could not start (another preview kept running) in time'
    )
  const outcome = await pollUntil(async () => {
    const results: LifecyclePolicyPreviewResult[] = []
    let status: string | undefined
    let nextToken: string | undefined
    do {
      const page = await callAws('GetLifecyclePolicyPreview', () =>
        client.send(new GetLifecyclePolicyPreviewCommand({ ...repository, maxResults: 100, nextToken }))
      )
      status = page.status
      results.push(...(page.previewResults ?? []))
      nextToken = status === 'COMPLETE' ? page.nextToken : undefined
    } while (nextToken)
    if (status === 'COMPLETE') return { status, results }
    if (status === 'FAILED' || status === 'EXPIRED')
      throw new ActionError(`The lifecycle policy preview ${status}`)
    return undefined
  }, poll)
  if (!outcome) throw new ActionError('The lifecycle policy preview did not finish in time')
  return outcome
}
