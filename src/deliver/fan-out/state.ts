import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { messageOf, quote } from '../../common/errors.js'
import type { RegistryLogin } from '../../ecr/auth.js'
import type { RegistryClient } from '../../registry/client.js'
import type { HeldTag } from '../../registry/tags.js'
import type { Delivery, DeliveryTarget } from '../delivery.js'
import type { Destination } from '../destinations.js'
import type { RepositoryReport } from '../governance.js'
import type { ScanGateReport } from '../scan-gate.js'

/**
 * A destination as each phase leaves it: every phase takes the destinations still going and returns
 * each one further along, or failed. A failed destination is left alone for the rest of the step, and
 * fails it at the end (a re-run converges: what is there already is left alone).
 */
export interface Failed {
  destination: Destination
  /** `<phase>: <what went wrong>`. */
  error: string
  /** What was known of it when it failed, for the outputs and the summary. */
  accountId?: string
  host?: string
  repositoryUri?: string
  /** What it holds when it failed after the push (its scan gate failed). */
  delivery?: Delivery
}
export interface LoggedIn {
  destination: Destination
  ecr: ECRClient
  accountId: string
  login: RegistryLogin
}
export interface Ensured extends LoggedIn {
  report: RepositoryReport
  target: DeliveryTarget
}
/** Its registry open and its tags read (once, before anything is written anywhere). */
export interface Opened extends Ensured {
  registry: RegistryClient
  held: HeldTag[]
}
export interface Delivered extends Opened {
  delivery: Delivery
  scan?: ScanGateReport
}
export type Stage<T> = T | Failed
/** A destination however far it got, as the outputs and the summary read it. */
export type Reached = LoggedIn & Partial<Pick<Delivered, 'report' | 'target' | 'delivery' | 'scan'>>

export function isFailed<T>(stage: Stage<T>): stage is Failed {
  return typeof stage === 'object' && stage !== null && 'error' in stage
}

/** What is known of a destination at any stage, for a failure record. */
function knownOf(stage: object): Pick<Failed, 'accountId' | 'host' | 'repositoryUri' | 'delivery'> {
  const s = stage as Partial<Delivered & Failed>
  return {
    accountId: s.accountId,
    host: s.login?.host ?? s.host ?? s.destination?.host,
    repositoryUri: s.target?.repositoryUri ?? s.repositoryUri,
    delivery: s.delivery
  }
}

/** Marks a destination failed in a phase, with a warning: the others go on. */
export function failed(stage: { destination: Destination }, phase: string, error: unknown): Failed {
  const result: Failed = {
    destination: stage.destination,
    error: `${phase}: ${messageOf(error)}`,
    ...knownOf(stage)
  }
  core.warning(`Destination ${quote(stage.destination.label)} failed (${result.error}); the others go on`)
  return result
}

/**
 * Runs a phase on each destination still going (all at once, or one after another), keeping failures
 * where they are: the order of the destinations is the order of the input.
 */
export async function eachGoing<A extends { destination: Destination }, B>(
  stages: Stage<A>[],
  phase: string,
  work: (stage: A) => Promise<B>,
  options: { oneByOne?: boolean; rethrow?: (error: unknown) => boolean } = {}
): Promise<Stage<B>[]> {
  const one = async (stage: Stage<A>): Promise<Stage<B>> => {
    if (isFailed(stage)) return stage
    try {
      return await work(stage)
    } catch (error) {
      if (options.rethrow?.(error)) throw error
      return failed(stage, phase, error)
    }
  }
  if (!options.oneByOne) return Promise.all(stages.map(one))
  const results: Stage<B>[] = []
  for (const stage of stages) results.push(await one(stage))
  return results
}
