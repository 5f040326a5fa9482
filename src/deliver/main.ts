import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { which } from '@actions/io'
import { ActionError } from '../common/errors.js'
import { startupMark } from '../common/run.js'
import * as log from '../common/log.js'
import { DockerCli } from '../docker/cli.js'
import type { RegistryLogin } from '../ecr/auth.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { removeImageTag } from '../ecr/images.js'
import { PUBLIC_API_REGION, createEcrPublicClient, galleryUrl, removePublicImageTag } from '../ecr/public.js'
import { exclusionsOf, isTagImmutable, repositoryConsoleUrl } from '../ecr/repositories.js'
import { Output, State } from './constants.js'
import type { Delivery, DeliveryTarget } from './delivery.js'
import { ensurePublic, governRepository, type RepositoryReport } from './governance.js'
import { parseDeliverInputs, repositoryOf, type DeliverInputs } from './inputs.js'
import { logInToPublic, logInToRegistries } from './login.js'
import { findPayload, type Payload } from './payload.js'
import type { ScanGateReport } from './scan-gate.js'
import { writeDeliverySummary } from './summary.js'

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
  startupMark('set up')
  const payload = await findPayload(inputs.work, clients.docker)
  try {
    const login = await core.group('Log in to Amazon ECR', () => logIn(clients, inputs))
    const name = repositoryOf(inputs.work)
    const repository = name ? await ensureTarget(clients, inputs, name) : undefined
    let delivery: Delivery | undefined
    let scan: ScanGateReport | undefined
    if (repository && payload.kind !== 'none') {
      const target = deliveryTarget(clients, inputs, repository, login.host)
      delivery = await core.group(`Push to ${target.repositoryUri}`, () =>
        push(clients, inputs, login, target, payload)
      )
      setDeliveryOutputs(target.repositoryUri, delivery)
      if (inputs.scan.wait) scan = await scanGate(clients.ecr, inputs, repository, target, delivery)
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
      scan
    })
    if (scan?.failure) throw new ActionError(scan.failure)
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
  name: string
): Promise<RepositoryReport> {
  const report = clients.public
    ? await core.group(`Ensure public repository ${name}`, () =>
        ensurePublic(clients.public as ECRPUBLICClient, inputs, name)
      )
    : await core.group(`Ensure repository ${name}`, () => governRepository(clients.ecr, inputs, name))
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

async function push(
  clients: Clients,
  inputs: DeliverInputs,
  login: RegistryLogin,
  target: DeliveryTarget,
  payload: Exclude<Payload, { kind: 'none' }>
): Promise<Delivery> {
  // The push path is loaded only by a run that pushes (a login-only run starts faster without it).
  const [{ RegistryClient }, { registryLogHooks }] = await Promise.all([
    import('../registry/client.js'),
    import('../registry/logging.js')
  ])
  const registry = new RegistryClient({
    endpoint: `https://${target.repositoryUri.split('/')[0]}`,
    basicToken: login.token,
    stallTimeoutMs: inputs.stallTimeoutMs,
    ...registryLogHooks
  })
  const { work } = inputs
  if (payload.kind === 'image' && work.kind === 'image') {
    const { deliverDockerImage } = await import('./docker-push.js')
    return deliverDockerImage(clients.docker as DockerCli, registry, payload.image, target, work.tags)
  }
  if (payload.kind === 'source' && work.kind === 'source') {
    const { deliverSourceImage } = await import('./source-push.js')
    return deliverSourceImage(registry, payload.image, target, work.tags, {
      concurrency: work.maxConcurrency,
      mountFrom: work.mountFrom
    })
  }
  throw new ActionError(`Nothing to push for ${work.kind}`)
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

function setDeliveryOutputs(repositoryUri: string, delivery: Delivery): void {
  core.setOutput(Output.imageDigest, delivery.digest)
  core.setOutput(Output.imageUri, `${repositoryUri}@${delivery.digest}`)
  core.setOutput(Output.imageUris, delivery.tags.map(t => t.reference).join('\n'))
  core.setOutput(Output.platformDigests, delivery.platforms.map(p => `${p.platform}=${p.digest}`).join('\n'))
  log.info(`Delivered ${repositoryUri}@${delivery.digest}`)
}
