import {
  GetLifecyclePolicyPreviewCommand,
  StartLifecyclePolicyPreviewCommand,
  type ECRClient,
  type LifecyclePolicyPreviewResult
} from '@aws-sdk/client-ecr'
import { ActionError } from '../common/errors.js'
import { backoffDelay, sleep as realSleep } from '../common/retry.js'
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
  const wait = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  const repository = { repositoryName: ref.name, registryId: ref.registryId }
  const pause = async (attempt: number, what: string) => {
    const delay = backoffDelay(attempt, 2000, 15_000, () => 1)
    if (now() + delay > options.deadline)
      throw new ActionError(`The lifecycle policy preview ${what} in time`)
    await wait(delay)
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new StartLifecyclePolicyPreviewCommand({ ...repository, lifecyclePolicyText: text }))
      break
    } catch (error) {
      if (awsErrorName(error) !== 'LifecyclePolicyPreviewInProgressException') {
        throw explainAwsError(error, 'StartLifecyclePolicyPreview')
      }
      await pause(attempt, 'could not start (another preview kept running)')
    }
  }
  for (let attempt = 1; ; attempt++) {
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
    await pause(attempt, 'did not finish')
  }
}
