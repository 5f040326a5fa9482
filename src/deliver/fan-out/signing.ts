import { ActionError } from '../../common/errors.js'
import type { ManagedSigningInputs } from '../managed-signing-inputs.js'
import { waitForManagedSignature, withSignatures, type ManagedSigningReport } from '../managed-signing.js'
import { eachGoing, type Delivered, type Stage } from './state.js'

/**
 * With signing-profile: the wait for ECR managed signing in each destination the image reached, at once
 * (each registry signs with its own configuration, ensured with its repository). A destination whose
 * signing failed or timed out fails on its own, its delivery kept; the signature joins its referrers.
 */
export async function signDestinations(
  stages: Stage<Delivered>[],
  inputs: ManagedSigningInputs
): Promise<{ stages: Stage<Delivered>[]; reports: ManagedSigningReport[] }> {
  const reports = new Map<Stage<Delivered>, ManagedSigningReport>()
  const signed = await eachGoing(stages, 'managed signing', async stage => {
    const report = await waitForManagedSignature(
      {
        ecr: stage.ecr,
        registry: stage.registry,
        repository: stage.target.repository,
        registryId: stage.accountId,
        repositoryUri: stage.target.repositoryUri,
        label: stage.destination.label
      },
      stage.delivery.digest,
      inputs
    )
    reports.set(stage, report)
    if (report.failure) throw new ActionError(report.failure)
    return { ...stage, delivery: withSignatures(stage.delivery, report) }
  })
  // In the order of the input, whatever order the waits ended in.
  return { stages: signed, reports: stages.flatMap(stage => reports.get(stage) ?? []) }
}
