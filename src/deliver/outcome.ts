import * as core from '@actions/core'
import { ActionError, messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import type { RegistryLogin } from '../ecr/auth.js'
import { accountOfHost } from '../ecr/hosts.js'
import { galleryUrl } from '../ecr/public.js'
import { repositoryConsoleUrl } from '../ecr/console.js'
import { Output } from './constants.js'
import { recordOf, type Delivery, type DeliveryTarget } from './delivery.js'
import type { RepositoryReport } from './governance.js'
import type { Clients } from './clients.js'
import type { ManagedSigningReport } from './managed-signing.js'
import type { ScanGateReport } from './scan-gate.js'
import type { SignatureRow } from './signing.js'
import { writeDeliverySummary, type DestinationRow } from './summary.js'
import { destinationRecords, destinationRows, destinationsFailure } from './fan-out/report.js'
import type { Reached, Stage } from './fan-out/state.js'

/** What a run did, whatever it reached: the outputs, the summary and the step's failure are made from it. */
export interface Outcome {
  login: RegistryLogin
  region: string
  name?: string
  repository?: RepositoryReport
  target?: DeliveryTarget
  delivery?: Delivery
  /** With signing-profile: what ECR managed signing reported in each registry. */
  signing?: { main: ManagedSigningReport; destinations: ManagedSigningReport[] }
  scan?: ScanGateReport
  /** The signatures made or found in every registry, with the key. */
  signatures?: { keyArn: string; rows: SignatureRow[] }
  destinations: Stage<Reached>[]
  /** The main push's failure, held until every destination ended and the outputs say where the image went. */
  failure?: unknown
}

/** The outputs of a delivery, set right after the push (before a scan gate that may take minutes). */
export function setDeliveryOutputs(
  repositoryUri: string,
  delivery: Delivery,
  destinations: Stage<Reached>[]
): void {
  core.setOutput(Output.imageDigest, delivery.digest)
  core.setOutput(Output.imageUri, `${repositoryUri}@${delivery.digest}`)
  const references = [delivery, ...destinations.map(d => d.delivery)].flatMap(
    d => d?.tags.map(t => t.reference) ?? []
  )
  core.setOutput(Output.imageUris, references.join('\n'))
  core.setOutput(Output.platformDigests, delivery.platforms.map(p => `${p.platform}=${p.digest}`).join('\n'))
  core.setOutput(Output.referrers, JSON.stringify(delivery.referrers))
  log.info(`Delivered ${repositoryUri}@${delivery.digest}`)
}

/**
 * `deliveries` (when anything was pushed), the job summary, then the step's failure: the main push's, managed
 * signing's, the scan gate's, or the destinations' that failed.
 */
export async function writeOutcome(clients: Clients, outcome: Outcome): Promise<void> {
  const { login, region, repository, target, delivery, destinations } = outcome
  const name = outcome.name ?? ''
  if (target && (delivery || outcome.failure !== undefined)) {
    const main = recordOf(
      login.host,
      region,
      target.repositoryUri,
      delivery,
      outcome.failure === undefined ? undefined : messageOf(outcome.failure)
    )
    core.setOutput(Output.deliveries, JSON.stringify([main, ...destinationRecords(destinations, name)]))
  }
  const consoleUrl = repository ? consoleUrlOf(clients, repository, name) : ''
  await writeDeliverySummary({
    registry: login.host,
    repository: repository && {
      name,
      uri: repository.repository.repositoryUri ?? '',
      consoleUrl,
      created: repository.created,
      differences: repository.differences,
      governance: repository.changes,
      lifecyclePreview: repository.lifecyclePreview
    },
    delivery,
    signing: outcome.signing && [outcome.signing.main, ...outcome.signing.destinations],
    scan: outcome.scan,
    signatures: outcome.signatures,
    registries:
      destinations.length > 0 && repository
        ? [mainRow(login, region, repository, consoleUrl, delivery), ...destinationRows(destinations, name)]
        : undefined
  })
  if (outcome.failure !== undefined) throw outcome.failure
  if (outcome.signing?.main.failure) throw new ActionError(outcome.signing.main.failure)
  if (outcome.scan?.failure) throw new ActionError(outcome.scan.failure)
  const failed = destinationsFailure(destinations)
  if (failed) throw failed
}

function mainRow(
  login: RegistryLogin,
  region: string,
  repository: RepositoryReport,
  consoleUrl: string,
  delivery: Delivery | undefined
): DestinationRow {
  return {
    label: 'main',
    registry: login.host,
    region,
    account: accountOfHost(login.host) ?? '',
    consoleUrl,
    repositoryUri: repository.repository.repositoryUri ?? '',
    delivery
  }
}

function consoleUrlOf(clients: Clients, report: RepositoryReport, name: string): string {
  return clients.public
    ? galleryUrl(report.repository.repositoryUri ?? '')
    : repositoryConsoleUrl(clients.region, report.repository.registryId ?? '', name)
}
