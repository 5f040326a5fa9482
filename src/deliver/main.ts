import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { which } from '@actions/io'
import { ActionError, messageOf } from '../common/errors.js'
import { startupMark } from '../common/run.js'
import * as log from '../common/log.js'
import { DockerCli } from '../docker/cli.js'
import type { RegistryLogin } from '../ecr/auth.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { removeImageTag } from '../ecr/images.js'
import { archivedDigests } from '../ecr/image-status.js'
import { PUBLIC_API_REGION, createEcrPublicClient, galleryUrl, removePublicImageTag } from '../ecr/public.js'
import { exclusionsOf, isTagImmutable, repositoryConsoleUrl } from '../ecr/repositories.js'
import { Input, Output, State } from './constants.js'
import { markRestored, recordOf, type Delivery, type DeliveryTarget } from './delivery.js'
import { ensurePublic, governRepository, type RepositoryReport } from './governance.js'
import { parseDeliverInputs, repositoryOf, type DeliverInputs } from './inputs.js'
import { logInToPublic, logInToRegistries } from './login.js'
import { findPayload, type Payload } from './payload.js'
import type { ScanGateReport } from './scan-gate.js'
import { writeDeliverySummary, type DestinationRow } from './summary.js'
import { refuseMainRegistry } from './destinations.js'
import type { DestinationRun, SameImage } from './fan-out.js'
import type { RegistryClient } from '../registry/client.js'

/** The clients a run uses: ECR's, ECR Public's for registry-type public, and the docker CLI when there is one. */
interface Clients {
  ecr: ECRClient
  public?: ECRPUBLICClient
  region: string
  docker?: DockerCli
}

/**
 * The deliver action, in phases: read the inputs, find what to push, log in, ensure and govern the
 * repository, push and verify, wait for the scan gate, write the summary.
 */
export async function run(): Promise<void> {
  // GITHUB_SHA is what @actions/github's context.sha reads: not worth loading Octokit for.
  const inputs = parseDeliverInputs(name => core.getInput(name), { sha: process.env.GITHUB_SHA ?? '' })
  core.saveState(State.skipLogout, String(inputs.skipLogout))
  const clients = await prepareClients(inputs)
  refuseMainRegistry(Input.destinations, inputs.destinations, {
    region: clients.region,
    accountId: inputs.registryId
  })
  startupMark('set up')
  const payload = await findPayload(inputs.work, clients.docker)
  try {
    const login = await core.group('Log in to Amazon ECR', () => logIn(clients, inputs))
    const runs = await destinationsModule(inputs, fanOut =>
      fanOut.logInToDestinations(inputs, clients.docker, { host: login.host, region: clients.region })
    )
    const name = repositoryOf(inputs.work)
    let repository = name ? await ensureTarget(clients, inputs, name, login.host) : undefined
    if (name && runs.length > 0)
      await (await import('./fan-out.js')).ensureDestinationRepositories(runs, inputs, name)
    let delivery: Delivery | undefined
    let scan: ScanGateReport | undefined
    if (repository && payload.kind !== 'none') {
      const target = deliveryTarget(clients, inputs, repository, login.host)
      delivery = await core.group(`Push to ${target.repositoryUri}`, () =>
        push(clients, inputs, login, target, payload, runs)
      )
      setDeliveryOutputs(target.repositoryUri, delivery, runs)
      // Created by the push itself (a CREATE_ON_PUSH template): governed now that it exists.
      if (repository.createdOnPush)
        repository = await ensureTarget(clients, inputs, name as string, login.host)
      if (inputs.scan.wait) scan = await scanGate(clients.ecr, inputs, repository, target, delivery)
      if (inputs.scan.wait && inputs.scanDestinations)
        await (await import('./fan-out.js')).scanDestinations(runs, inputs)
      await setDeliveriesOutput(clients.region, login.host, target.repositoryUri, { delivery }, runs)
    }
    await writeDeliverySummary({
      registry: login.host,
      repository: repository && {
        name: name as string,
        uri: repository.repository.repositoryUri ?? '',
        consoleUrl: consoleUrl(clients, repository, name as string),
        created: repository.created,
        differences: repository.differences,
        governance: repository.changes,
        lifecyclePreview: repository.lifecyclePreview
      },
      delivery,
      scan,
      registries: await registryRows(clients, login, repository, delivery, runs)
    })
    if (scan?.failure) throw new ActionError(scan.failure)
    if (runs.length > 0) {
      const failure = (await import('./fan-out.js')).destinationsFailure(runs)
      if (failure) throw failure
    }
  } finally {
    if (payload.kind === 'source') await payload.image.dispose()
  }
}

async function prepareClients(inputs: DeliverInputs): Promise<Clients> {
  const ecr = createEcrClient()
  const publicClient = inputs.public ? await createEcrPublicClient() : undefined
  // ECR Public's API is in us-east-1 whatever the region: only private registries need one.
  const region = publicClient ? PUBLIC_API_REGION : await resolveRegion(ecr)
  // A daemonless push may run where there is no docker CLI: it then only skips `docker login`.
  const docker =
    inputs.work.kind === 'source' && !(await which('docker', false)) ? undefined : new DockerCli()
  return { ecr, public: publicClient, region, docker }
}

/** Logs in (docker too), outputs the registry and the credentials; the password is masked unless asked not to be. */
async function logIn(clients: Clients, inputs: DeliverInputs): Promise<RegistryLogin> {
  const logins = clients.public
    ? await logInToPublic(clients.public, clients.docker, inputs.maskPassword)
    : await logInToRegistries(clients.ecr, clients.docker, inputs)
  const login = logins[0]
  if (!login) throw new ActionError('No registry to log in to')
  startupMark('logged in')
  core.setOutput(Output.registry, login.host)
  core.setOutput(Output.dockerUsername, login.username)
  if (!inputs.maskPassword) {
    core.warning('mask-password is false: docker-password is not masked, so it can be passed to other jobs.')
  }
  core.setOutput(Output.dockerPassword, login.password)
  return login
}

async function ensureTarget(
  clients: Clients,
  inputs: DeliverInputs,
  name: string,
  host: string
): Promise<RepositoryReport> {
  const report = clients.public
    ? await core.group(`Ensure public repository ${name}`, () =>
        ensurePublic(clients.public as ECRPUBLICClient, inputs, name)
      )
    : await core.group(`Ensure repository ${name}`, () => governRepository(clients.ecr, inputs, name))
  // A repository the push will create has no URI yet: it is the login's host and the name.
  report.repository.repositoryUri ??= `${host}/${name}`
  core.setOutput(Output.repositoryUri, report.repository.repositoryUri)
  return report
}

function deliveryTarget(
  clients: Clients,
  inputs: DeliverInputs,
  report: RepositoryReport,
  host: string
): DeliveryTarget {
  const { repository } = report
  const name = repository.repositoryName ?? (repositoryOf(inputs.work) as string)
  const exclusions = exclusionsOf(repository)
  return {
    repositoryUri: repository.repositoryUri ?? `${host}/${name}`,
    repository: name,
    isImmutable: tag => isTagImmutable(tag, repository.imageTagMutability, exclusions),
    removeTag: tag =>
      clients.public
        ? removePublicImageTag(clients.public, name, tag)
        : removeImageTag(clients.ecr, name, tag, inputs.registryId)
  }
}

/** A registry client for a login; the push path is loaded only by a run that pushes. */
async function openRegistry(login: RegistryLogin, stallTimeoutMs: number): Promise<RegistryClient> {
  const [{ RegistryClient }, { registryLogHooks }] = await Promise.all([
    import('../registry/client.js'),
    import('../registry/logging.js')
  ])
  return new RegistryClient({
    endpoint: `https://${login.host}`,
    basicToken: login.token,
    stallTimeoutMs,
    ...registryLogHooks
  })
}

/**
 * Pushes to the main registry, and to every destination: a layout straight from its files to all at once;
 * an archive (compressed once) or a docker engine image to the main registry, then copied from there,
 * registry to registry. Immutable tags are read everywhere first.
 */
async function push(
  clients: Clients,
  inputs: DeliverInputs,
  login: RegistryLogin,
  target: DeliveryTarget,
  payload: Exclude<Payload, { kind: 'none' }>,
  runs: DestinationRun[]
): Promise<Delivery> {
  const registry = await openRegistry(
    { ...login, host: target.repositoryUri.split('/')[0] as string },
    inputs.stallTimeoutMs
  )
  const { work } = inputs
  const fanOut = runs.length > 0 ? await import('./fan-out.js') : undefined
  const limit = fanOut
    ? (await import('p-limit')).default(work.kind === 'source' ? work.maxConcurrency : 5)
    : undefined
  const mountFrom = work.kind === 'source' ? work.mountFrom : undefined
  // Read beside the push: an archived image's tags read as missing, and writing them restores it.
  const archived = clients.public
    ? Promise.resolve(new Set<string>())
    : archivedDigests(clients.ecr, target.repository, inputs.registryId)
  if (fanOut) {
    const tags = work.kind === 'image' || work.kind === 'source' ? work.tags : []
    await fanOut.refuseImmutableConflicts({ registry, target }, runs, tags, await sameImageAs(payload), l =>
      openRegistry(l, inputs.stallTimeoutMs)
    )
  }
  let delivery: Delivery
  if (payload.kind === 'image' && work.kind === 'image') {
    const { deliverDockerImage } = await import('./docker-push.js')
    delivery = await deliverDockerImage(
      clients.docker as DockerCli,
      registry,
      payload.image,
      target,
      work.tags
    )
  } else if (payload.kind === 'source' && work.kind === 'source') {
    const { deliverSourceImage } = await import('./source-push.js')
    const options = { concurrency: work.maxConcurrency, mountFrom, limit }
    const image = payload.image
    if (fanOut && limit && image.kind !== 'docker-archive') {
      // Every registry at once from the files; the main push's failure is the step's, after the others end.
      const [main] = await Promise.allSettled([
        deliverSourceImage(registry, image, target, work.tags, options),
        fanOut.pushLayoutToDestinations(runs, image, work.tags, { limit, mountFrom })
      ])
      if (main.status === 'rejected') {
        // The destinations may have the image already: say where it went before failing the step.
        await setDeliveriesOutput(
          clients.region,
          login.host,
          target.repositoryUri,
          { error: messageOf(main.reason) },
          runs
        )
        throw main.reason
      }
      delivery = main.value
    } else {
      delivery = await deliverSourceImage(registry, image, target, work.tags, options)
    }
  } else {
    throw new ActionError(`Nothing to push for ${work.kind}`)
  }
  if (fanOut && limit) {
    const copies = runs.filter(run => run.error === undefined && !run.delivery)
    if (copies.length > 0)
      await fanOut.copyToDestinations(copies, { registry, repository: target.repository }, delivery, {
        limit,
        mountFrom
      })
    fanOut.checkSameDigest(runs, delivery.digest)
  }
  return markRestored(delivery, await archived)
}

/** How an image already in a registry is recognised as this one, for the immutable-tag check. */
async function sameImageAs(payload: Exclude<Payload, { kind: 'none' }>): Promise<SameImage> {
  const { isIndex } = await import('../registry/media-types.js')
  if (payload.kind === 'image') {
    const { isSameImage } = await import('./tag-plan.js')
    return (stored, repositoryUri) => isSameImage(payload.image, repositoryUri, stored)
  }
  const image = payload.image
  if (image.kind === 'docker-archive')
    return stored => !isIndex(stored.manifest) && stored.manifest.config.digest === image.config.digest
  return stored => stored.digest === image.top.digest
}

/** Runs `use` with the destinations module when there are destinations (loaded only then). */
async function destinationsModule(
  inputs: DeliverInputs,
  use: (fanOut: typeof import('./fan-out.js')) => Promise<DestinationRun[]>
): Promise<DestinationRun[]> {
  return inputs.destinations.length > 0 ? use(await import('./fan-out.js')) : []
}

async function scanGate(
  ecr: ECRClient,
  inputs: DeliverInputs,
  report: RepositoryReport,
  target: DeliveryTarget,
  delivery: Delivery
): Promise<ScanGateReport> {
  const { runScanGate, setScanOutputs } = await import('./scan-gate.js')
  const scan = await core.group('Scan gate', () => runScanGate(ecr, report.repository, delivery, inputs.scan))
  await setScanOutputs(scan, `${target.repositoryUri}@${delivery.digest}`)
  return scan
}

function consoleUrl(clients: Clients, report: RepositoryReport, name: string): string {
  return clients.public
    ? galleryUrl(report.repository.repositoryUri ?? '')
    : repositoryConsoleUrl(clients.region, report.repository.registryId ?? '', name)
}

function setDeliveryOutputs(repositoryUri: string, delivery: Delivery, runs: DestinationRun[]): void {
  core.setOutput(Output.imageDigest, delivery.digest)
  core.setOutput(Output.imageUri, `${repositoryUri}@${delivery.digest}`)
  const references = [delivery, ...runs.map(run => run.delivery)].flatMap(
    d => d?.tags.map(t => t.reference) ?? []
  )
  core.setOutput(Output.imageUris, references.join('\n'))
  core.setOutput(Output.platformDigests, delivery.platforms.map(p => `${p.platform}=${p.digest}`).join('\n'))
  log.info(`Delivered ${repositoryUri}@${delivery.digest}`)
}

/** `deliveries`: one record per registry, the main one first. */
async function setDeliveriesOutput(
  region: string,
  host: string,
  repositoryUri: string,
  main: { delivery?: Delivery; error?: string },
  runs: DestinationRun[]
): Promise<void> {
  const records = [recordOf(host, region, repositoryUri, main.delivery, main.error)]
  if (runs.length > 0) {
    const name = repositoryUri.slice(repositoryUri.indexOf('/') + 1)
    records.push(...(await import('./fan-out.js')).destinationRecords(runs, name))
  }
  core.setOutput(Output.deliveries, JSON.stringify(records))
}

/** With destinations, the summary's row per registry, the main one first. */
async function registryRows(
  clients: Clients,
  login: RegistryLogin,
  report: RepositoryReport | undefined,
  delivery: Delivery | undefined,
  runs: DestinationRun[]
): Promise<DestinationRow[] | undefined> {
  if (runs.length === 0 || !report) return undefined
  const { destinationConsoleUrl } = await import('./fan-out.js')
  const name = report.repository.repositoryName ?? ''
  const main: DestinationRow = {
    label: 'main',
    registry: login.host,
    region: clients.region,
    account: login.host.split('.')[0] ?? '',
    consoleUrl: consoleUrl(clients, report, name),
    repositoryUri: report.repository.repositoryUri ?? '',
    delivery
  }
  return [
    main,
    ...runs.map(run => ({
      label: run.destination.label,
      registry: run.login?.host ?? run.destination.host ?? '',
      region: run.destination.region,
      account: run.accountId ?? '',
      consoleUrl: destinationConsoleUrl(run, name),
      repositoryUri: run.target?.repositoryUri ?? '',
      delivery: run.delivery,
      error: run.error
    }))
  ]
}
