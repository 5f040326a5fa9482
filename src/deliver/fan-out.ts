import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { LimitFunction } from 'p-limit'
import { ActionError, InputError, messageOf, quote } from '../common/errors.js'
import { formatBytes } from '../common/format.js'
import * as log from '../common/log.js'
import type { DockerCli } from '../docker/cli.js'
import { getRegistryLogins, type RegistryLogin } from '../ecr/auth.js'
import { createEcrClient } from '../ecr/client.js'
import { removeImageTag } from '../ecr/images.js'
import { exclusionsOf, isTagImmutable, repositoryConsoleUrl } from '../ecr/repositories.js'
import type { RegistryClient } from '../registry/client.js'
import type { StoredManifest } from '../registry/manifests.js'
import type { PushResult } from '../registry/push.js'
import type { LayoutImageSource } from '../registry/sources/types.js'
import { Input } from './constants.js'
import { recordOf, resultOf, type Delivery, type DeliveryRecord, type DeliveryTarget } from './delivery.js'
import type { Destination } from './destinations.js'
import { governRepository, type RepositoryReport } from './governance.js'
import type { DeliverInputs } from './inputs.js'
import { dockerLogIn } from './login.js'
import type { ScanGateReport } from './scan-gate.js'

/**
 * Delivery to further registries (`destinations`): each gets the login, the repository ensured and
 * governed as the main one is, the same tags and the same digest. One destination failing does not stop
 * the others: its error is kept, reported, and fails the step at the end (a re-run converges, since what
 * is there already is left alone). An immutable conflict anywhere stops everything before anything is
 * written anywhere.
 */

/** A destination and how far it got. */
export interface DestinationRun {
  destination: Destination
  ecr: ECRClient
  accountId?: string
  login?: RegistryLogin
  report?: RepositoryReport
  target?: DeliveryTarget
  registry?: RegistryClient
  delivery?: Delivery
  scan?: ScanGateReport
  /** What went wrong, once it did: the destination is then left alone for the rest of the step. */
  error?: string
}

/** How an image already in a registry (under a repository URI) is recognised as the one being delivered. */
export type SameImage = (stored: StoredManifest, repositoryUri: string) => boolean

/** Opens a registry client for a login (the push path's modules are loaded only by a run that pushes). */
export type OpenRegistry = (login: RegistryLogin) => Promise<RegistryClient>

const ready = (run: DestinationRun): boolean => run.error === undefined

function fail(run: DestinationRun, phase: string, error: unknown): void {
  run.error = `${phase}: ${messageOf(error)}`
  core.warning(`Destination ${quote(run.destination.label)} failed (${run.error}); the others go on`)
}

/**
 * Logs in to each destination (docker too, when there is a docker CLI), one after the other so that
 * each has its log group. Every account is known by now: a destination that turns out to be the main
 * registry, or another destination, is bad input, refused before anything changes.
 */
export async function logInToDestinations(
  inputs: DeliverInputs,
  docker: DockerCli | undefined,
  main: { host: string; region: string }
): Promise<DestinationRun[]> {
  const runs: DestinationRun[] = []
  // Registries by account/region, now that every account is known: a destination named by region in the
  // caller's account, or by a FIPS host, may turn out to be the main registry or another destination.
  const seen = new Map([[`${main.host.split('.')[0]}/${main.region}`, `the main registry ${main.host}`]])
  for (const destination of inputs.destinations) {
    const run: DestinationRun = {
      destination,
      accountId: destination.accountId ?? inputs.registryId,
      ecr: createEcrClient(destination.region, {
        useFipsEndpoint: destination.fips || undefined,
        useDualstackEndpoint: destination.dualStack || undefined
      })
    }
    runs.push(run)
    await core.group(`Log in to ${destination.label}`, async () => {
      try {
        const [login] = await getRegistryLogins(run.ecr, run.accountId ? [run.accountId] : [], {
          maskPassword: inputs.maskPassword
        })
        if (!login) throw new ActionError('GetAuthorizationToken returned no registry')
        const host = destination.host ?? login.host
        run.accountId ??= login.host.split('.')[0]
        const key = `${run.accountId}/${destination.region}`
        const same = seen.get(key)
        if (same !== undefined)
          throw new InputError(
            Input.destinations,
            `${quote(destination.label)} is ${same}: list each registry once`
          )
        seen.set(key, quote(destination.label))
        run.login = { ...login, host, endpoint: `https://${host}` }
        if (docker) await dockerLogIn(docker, run.login)
        log.info(`Logged in to ${host}`)
      } catch (error) {
        if (error instanceof InputError) throw error
        fail(run, 'login', error)
      }
    })
  }
  return runs
}

/** Ensures and governs the repository in each destination that logged in, with the main one's settings. */
export async function ensureDestinationRepositories(
  runs: DestinationRun[],
  inputs: DeliverInputs,
  name: string
): Promise<void> {
  for (const run of runs.filter(ready)) {
    await core.group(`Ensure repository ${name} in ${run.destination.label}`, async () => {
      try {
        run.report = await governRepository(run.ecr, { ...inputs, registryId: run.accountId }, name)
        const { repository } = run.report
        const exclusions = exclusionsOf(repository)
        run.target = {
          repositoryUri: `${run.login?.host}/${name}`,
          repository: name,
          isImmutable: tag => isTagImmutable(tag, repository.imageTagMutability, exclusions),
          removeTag: tag => removeImageTag(run.ecr, name, tag, run.accountId)
        }
      } catch (error) {
        fail(run, 'repository', error)
      }
    })
  }
}

/**
 * Reads each immutable tag in the main registry and every destination before anything is pushed
 * anywhere: one that holds another image fails the step, naming each, before the first write. A
 * destination that cannot be read is failed on its own; the main registry's failure is the step's.
 */
export async function refuseImmutableConflicts(
  main: { registry: RegistryClient; target: DeliveryTarget },
  runs: DestinationRun[],
  tags: string[],
  sameImage: SameImage,
  openRegistry: OpenRegistry
): Promise<void> {
  const conflicts: string[] = []
  const check = async (registry: RegistryClient, target: DeliveryTarget) => {
    for (const tag of tags.filter(target.isImmutable)) {
      const stored = await registry.getManifest(target.repository, tag)
      if (stored && !sameImage(stored, target.repositoryUri))
        conflicts.push(
          `${target.repositoryUri}:${tag} already holds ${stored.digest}, another image than this one`
        )
    }
  }
  await Promise.all([
    check(main.registry, main.target),
    ...runs.filter(ready).map(async run => {
      try {
        run.registry = await openRegistry(run.login as RegistryLogin)
        await check(run.registry, run.target as DeliveryTarget)
      } catch (error) {
        fail(run, 'reading its tags', error)
      }
    })
  ])
  if (conflicts.length > 0) {
    throw new ActionError(
      `Immutable tag${conflicts.length > 1 ? 's' : ''} would change: ${conflicts.join('; ')}. Nothing was ` +
        'pushed to any registry: immutable tags cannot be moved to another image, push under a new tag.'
    )
  }
}

/** What a push into a destination gave, as the outputs and the summary show it. */
function deliveryOf(run: DestinationRun, result: PushResult, size: number): Delivery {
  const uri = run.target?.repositoryUri ?? ''
  return {
    digest: result.digest,
    size,
    tags: result.tags.map(({ tag, outcome }) => ({ tag, reference: `${uri}:${tag}`, result: outcome })),
    platforms: result.platforms,
    blobs: result.blobs
  }
}

/**
 * Pushes a layout straight from its files into every ready destination at once (alongside the main
 * push, which the caller runs): blobs through the one shared limit, each destination read from the page
 * cache, each registry's HEAD first. A failure is that destination's.
 */
export async function pushLayoutToDestinations(
  runs: DestinationRun[],
  image: LayoutImageSource,
  tags: string[],
  options: { limit: LimitFunction; mountFrom?: string }
): Promise<void> {
  const { pushImage } = await import('../registry/push.js')
  const size = image.blobs.reduce((sum, blob) => sum + blob.size, 0)
  await Promise.all(
    runs.filter(ready).map(async run => {
      const target = run.target as DeliveryTarget
      try {
        const result = await pushImage(run.registry as RegistryClient, target.repository, image, tags, {
          concurrency: 1,
          limit: options.limit,
          mountFrom: options.mountFrom,
          isImmutable: target.isImmutable
        })
        run.delivery = deliveryOf(run, result, size)
        log.info(`${target.repositoryUri}: ${describe(run.delivery)}`)
      } catch (error) {
        fail(run, 'push', error)
      }
    })
  )
}

/**
 * Copies what the main registry now holds into every ready destination at once, registry to registry
 * (the docker engine pushed only to the main one; an archive was compressed once, for it).
 */
export async function copyToDestinations(
  runs: DestinationRun[],
  main: { registry: RegistryClient; repository: string },
  delivery: Delivery,
  options: { limit: LimitFunction; mountFrom?: string }
): Promise<void> {
  const { copyImage } = await import('../registry/copy.js')
  const tags = delivery.tags.map(t => t.tag)
  await Promise.all(
    runs.filter(ready).map(async run => {
      const target = run.target as DeliveryTarget
      try {
        const result = await copyImage(
          main,
          { registry: run.registry as RegistryClient, repository: target.repository },
          delivery.digest,
          tags,
          { limit: options.limit, mountFrom: options.mountFrom, isImmutable: target.isImmutable }
        )
        run.delivery = deliveryOf(run, result, delivery.size)
        log.info(`${target.repositoryUri}: ${describe(run.delivery)}`)
      } catch (error) {
        fail(run, 'copy', error)
      }
    })
  )
}

/** The same manifest bytes give the same digest everywhere: a destination that says otherwise failed. */
export function checkSameDigest(runs: DestinationRun[], digest: string): void {
  for (const run of runs) {
    if (run.delivery && run.delivery.digest !== digest) {
      const other = run.delivery.digest
      run.delivery = undefined
      fail(run, 'digest', new ActionError(`the registry holds ${other}, the main registry ${digest}`))
    }
  }
}

/** With scan-destinations: the scan gate in each destination the image reached. */
export async function scanDestinations(runs: DestinationRun[], inputs: DeliverInputs): Promise<void> {
  const { runScanGate } = await import('./scan-gate.js')
  for (const run of runs.filter(ready)) {
    if (!run.delivery || !run.report) continue
    const { report, delivery } = run
    await core.group(`Scan gate in ${run.destination.label}`, async () => {
      try {
        run.scan = await runScanGate(run.ecr, report.repository, delivery, inputs.scan)
        if (run.scan.failure) fail(run, 'scan gate', new ActionError(run.scan.failure))
      } catch (error) {
        fail(run, 'scan gate', error)
      }
    })
  }
}

function describe(delivery: Delivery): string {
  const sent = (delivery.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0)
  return resultOf(delivery) === 'unchanged'
    ? `every tag already points at ${delivery.digest}`
    : `${delivery.digest} under ${delivery.tags.length} tag${delivery.tags.length > 1 ? 's' : ''}, ${formatBytes(sent)} sent`
}

/** The record of each destination, in the order given. */
export function destinationRecords(runs: DestinationRun[], name: string): DeliveryRecord[] {
  return runs.map(run =>
    recordOf(
      run.login?.host ?? run.destination.host ?? run.destination.label,
      run.destination.region,
      run.target?.repositoryUri ?? (run.login ? `${run.login.host}/${name}` : ''),
      run.delivery,
      run.error
    )
  )
}

/** The console link of a destination's repository. */
export function destinationConsoleUrl(run: DestinationRun, name: string): string {
  return repositoryConsoleUrl(run.destination.region, run.accountId ?? '', name)
}

/** The failure at the end of the step when any destination failed, naming each. */
export function destinationsFailure(runs: DestinationRun[]): ActionError | undefined {
  const failed = runs.filter(run => run.error !== undefined)
  if (failed.length === 0) return undefined
  return new ActionError(
    `Delivery failed in ${failed.length} of ${runs.length} destination${runs.length > 1 ? 's' : ''}: ` +
      failed.map(run => `${run.destination.label} (${run.error})`).join('; ') +
      '. The other registries have the image; a re-run delivers what is missing and leaves the rest alone.'
  )
}
