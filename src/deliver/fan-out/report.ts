import { ActionError } from '../../common/errors.js'
import { repositoryConsoleUrl } from '../../ecr/console.js'
import { recordOf, type DeliveryRecord } from '../delivery.js'
import type { DestinationRow } from '../summary.js'
import { isFailed, type Reached, type Stage } from './state.js'

/** The record of each destination in `deliveries`, in the order given. */
export function destinationRecords(stages: Stage<Reached>[], name: string): DeliveryRecord[] {
  return stages.map(stage => {
    const host = isFailed(stage) ? (stage.host ?? stage.destination.label) : stage.login.host
    const uri = isFailed(stage)
      ? (stage.repositoryUri ?? (stage.host ? `${stage.host}/${name}` : ''))
      : (stage.target?.repositoryUri ?? `${stage.login.host}/${name}`)
    return recordOf(
      host,
      stage.destination.region,
      uri,
      stage.delivery,
      isFailed(stage) ? stage.error : undefined
    )
  })
}

/** The summary's row of each destination. */
export function destinationRows(stages: Stage<Reached>[], name: string): DestinationRow[] {
  return stages.map(stage => {
    const account = stage.accountId ?? ''
    return {
      label: stage.destination.label,
      registry: isFailed(stage) ? (stage.host ?? '') : stage.login.host,
      region: stage.destination.region,
      account,
      consoleUrl: repositoryConsoleUrl(stage.destination.region, account, name),
      repositoryUri: isFailed(stage) ? (stage.repositoryUri ?? '') : (stage.target?.repositoryUri ?? ''),
      delivery: stage.delivery,
      error: isFailed(stage) ? stage.error : undefined
    }
  })
}

/** The failure at the end of the step when any destination failed, naming each. */
export function destinationsFailure(stages: Stage<Reached>[]): ActionError | undefined {
  const failures = stages.filter(isFailed)
  if (failures.length === 0) return undefined
  return new ActionError(
    `Delivery failed in ${failures.length} of ${stages.length} destination${stages.length > 1 ? 's' : ''}: ` +
      failures.map(f => `${f.destination.label} (${f.error})`).join('; ') +
      '. The other registries have the image; a re-run delivers what is missing and leaves the rest alone.'
  )
}
