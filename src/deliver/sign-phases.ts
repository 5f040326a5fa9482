import * as core from '@actions/core'
import { Output } from './constants.js'
import type { RepositoryReport } from './governance.js'
import type { RegistryClient } from '../registry/client.js'
import { load } from './lazy.js'
import type { Delivering } from './main.js'
import type { ManagedSigningInputs } from './managed-signing-inputs.js'
import type { Outcome } from './outcome.js'
import type { PushOutcome } from './push.js'
import type { ReadySigning, SignatureRow } from './signing.js'
import type { deliveryTarget } from './target.js'

type Target = ReturnType<typeof deliveryTarget>
type Pushed = Extract<PushOutcome, { ok: true }>

/**
 * With signing-key: the delivered digest signed in the main registry and in every destination, each read
 * back and verified. A main signature that fails fails the step (the outputs and the summary still say
 * what was delivered).
 */
export async function signWithKey(
  run: Delivering,
  signing: ReadySigning,
  target: Target,
  mainClient: Promise<RegistryClient>,
  pushed: Pushed
): Promise<{ rows: SignatureRow[]; destinations: PushOutcome['destinations'] } | { failure: unknown }> {
  const [module, registry] = await Promise.all([load.signing(), mainClient])
  return core.group('Sign', async () => {
    try {
      const rows = await module.signDelivered(signing, registry, target, pushed.delivery)
      module.setSignatureOutput(rows, pushed.delivery.digest)
      const others = await module.signDestinations(signing, pushed.destinations)
      return { rows: [...rows, ...others.rows], destinations: others.stages }
    } catch (error) {
      return { failure: error }
    }
  })
}

/**
 * With signing-profile: the wait for ECR managed signing in the main registry and every destination at
 * once; the signatures join the referrers (the `referrers` output is written again with them).
 */
export async function managedSigning(
  run: Delivering,
  target: Target,
  mainClient: Promise<RegistryClient>,
  repository: RepositoryReport,
  pushed: Pushed
): Promise<Omit<Pushed, 'ok'> & Pick<Outcome, 'signing'>> {
  const { inputs, clients, fanOut } = run
  const signing = inputs.managedSigning as ManagedSigningInputs
  const [module, registry] = await Promise.all([load.managedSigning(), mainClient])
  return core.group('ECR managed signing', async () => {
    const main = {
      ecr: clients.ecr,
      registry,
      repository: target.repository,
      registryId: repository.repository.registryId ?? inputs.registryId,
      repositoryUri: target.repositoryUri,
      label: 'main'
    }
    const [report, others] = await Promise.all([
      module.waitForManagedSignature(main, pushed.delivery.digest, signing),
      fanOut
        ? fanOut.signDestinations(pushed.destinations, signing)
        : { stages: pushed.destinations, reports: [] }
    ])
    const delivery = module.withSignatures(pushed.delivery, report)
    core.setOutput(Output.referrers, JSON.stringify(delivery.referrers))
    return { delivery, destinations: others.stages, signing: { main: report, destinations: others.reports } }
  })
}
