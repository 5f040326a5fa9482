import * as core from '@actions/core'
import type { ECRClient, Repository } from '@aws-sdk/client-ecr'
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import * as log from '../common/log.js'
import { startupMark } from '../common/run.js'
import type { RegistryLogin } from '../ecr/auth.js'
import { removeImageTag } from '../ecr/images.js'
import { describeRepository } from '../ecr/repositories.js'
import { archivedDigests } from '../ecr/image-status.js'
import { removePublicImageTag } from '../ecr/public.js'
import type { RegistryClient } from '../registry/client.js'
import { prepareClients, refuseEndpoints, type Clients } from './clients.js'
import { Input, Output, State } from './constants.js'
import { markRestored } from './delivery.js'
import { refuseMainRegistry } from './destinations.js'
import type { Stage, LoggedIn } from './fan-out/index.js'
import { ensurePublic, governRepository, type RepositoryReport } from './governance.js'
import { parseDeliverInputs, repositoryOf, type DeliverInputs } from './inputs.js'
import { load, openRegistry } from './lazy.js'
import { getLogins, getPublicLogins, startDockerLogins, type DockerLogins } from './login.js'
import { startEarlyPush, startsEarly, type EarlyPush } from './early.js'
import { setDeliveryOutputs, writeOutcome, type Outcome } from './outcome.js'
import { disposePayload, findPayload, settlePayload, type Payload, type PushPayload } from './payload.js'
import type { PushOutcome } from './push.js'
import { managedSigning, signWithKey } from './sign-phases.js'
import type { ReadySigning } from './signing.js'
import type { SigningInputs } from './signing-inputs.js'
import { deliveryTarget } from './target.js'

type FanOut = Awaited<ReturnType<typeof load.fanOut>>

/**
 * The deliver action, in phases: read the inputs and find what to push (before any call; the credentials
 * are asked for meanwhile), log in (to the destinations too), ensure and govern the repositories while the
 * push's reads start (early.ts), push and verify, wait for the scan gate, then the outputs and the summary
 * (outcome.ts). docker login runs beside it all and is reported last (login.ts).
 */
export async function run(): Promise<void> {
  // GITHUB_SHA is what @actions/github's context.sha reads: not worth loading Octokit for.
  const inputs = parseDeliverInputs(name => core.getInput(name), {
    sha: process.env.GITHUB_SHA ?? '',
    env: process.env
  })
  core.saveState(State.skipLogout, String(inputs.skipLogout))
  for (const warning of inputs.warnings) core.warning(warning)
  const clients = await prepareClients(inputs)
  refuseMainRegistry(Input.destinations, inputs.destinations, {
    region: clients.region,
    accountId: inputs.registryId
  })
  refuseEndpoints(inputs, clients.region)
  startupMark('set up')
  // Reads, asked for at once: the credentials and the repository arrive while the payload is found and
  // checked (nothing is written before that).
  const name = repositoryOf(inputs.work)
  const credentials = fetchLogins(clients, inputs)
  const described =
    name && !clients.public
      ? describeRepository(clients.ecr, { name, registryId: inputs.registryId })
      : undefined
  // The signing key is checked beside them (DescribeKey, GetPublicKey), and waited for before anything is
  // written: a key that cannot sign fails the step with nothing created.
  const signingReady = inputs.signing
    ? load
        .signing()
        .then(m => m.prepareSigning(inputs.signing as SigningInputs, clients.region, inputs.endpoint))
    : undefined
  for (const read of [credentials, described, signingReady]) read?.catch(() => undefined)
  const payload = await findPayload(inputs.work, clients.docker)
  let early: EarlyPush | undefined
  let docker: DockerLogins | undefined
  try {
    const signing = await signingReady
    const fanOut = inputs.destinations.length > 0 ? await load.fanOut() : undefined
    const logins = await core.group('Log in to Amazon ECR', () => logIn(credentials, inputs))
    const login = logins[0]
    if (name && startsEarly(payload, inputs.public !== undefined, name))
      early = startEarlyPush(login, payload, name, inputs)
    docker = startDockerLogins(clients.docker, logins)
    // One docker CLI config: the destinations' logins wait for the main one (they would race on its file).
    if (fanOut) await docker.done
    const loggedIn = fanOut
      ? await fanOut.logInToDestinations(inputs, clients.docker, { host: login.host, region: clients.region })
      : []
    const outcome: Outcome = name
      ? await deliverTo(name, {
          inputs,
          clients,
          login,
          fanOut,
          payload,
          loggedIn,
          early,
          docker,
          described,
          signing
        })
      : { login, region: clients.region, destinations: loggedIn }
    await writeOutcome(clients, outcome)
  } catch (error) {
    // The step's own failure is the one it reports; what docker login printed is printed all the same.
    await docker?.finish().catch(() => undefined)
    throw error
  } finally {
    await early?.dispose()
    await disposePayload(payload)
  }
  await docker.finish()
}

/** GetAuthorizationToken for the main registry (and each extra one), or ECR Public's. */
function fetchLogins(clients: Clients, inputs: DeliverInputs): Promise<[RegistryLogin, ...RegistryLogin[]]> {
  return clients.public
    ? getPublicLogins(clients.public, inputs.maskPassword)
    : getLogins(clients.ecr, inputs)
}

/** The credentials, as outputs: the registry and the credentials; the password is masked unless asked not to be. */
async function logIn(
  credentials: Promise<[RegistryLogin, ...RegistryLogin[]]>,
  inputs: DeliverInputs
): Promise<[RegistryLogin, ...RegistryLogin[]]> {
  const logins = await credentials
  const [login] = logins
  startupMark('logged in')
  log.info(`Credentials for ${logins.map(l => l.host).join(', ')} (docker login runs beside the push)`)
  core.setOutput(Output.registry, login.host)
  core.setOutput(Output.dockerUsername, login.username)
  if (!inputs.maskPassword) {
    core.warning('mask-password is false: docker-password is not masked, so it can be passed to other jobs.')
  }
  core.setOutput(Output.dockerPassword, login.password)
  return logins
}

export interface Delivering {
  inputs: DeliverInputs
  clients: Clients
  login: RegistryLogin
  fanOut?: FanOut
  payload: Payload
  loggedIn: Stage<LoggedIn>[]
  /** The push's reads begun while the repository is ensured (a private registry's). */
  early?: EarlyPush
  docker: DockerLogins
  /** The repository as described at once (a private registry's). */
  described?: Promise<Repository | undefined>
  signing?: ReadySigning
}

/** Ensures the repository in every registry, pushes the payload when there is one, then the scan gate. */
async function deliverTo(name: string, run: Delivering): Promise<Outcome> {
  const { inputs, clients, login, fanOut } = run
  let repository = await ensureTarget(clients, inputs, name, login.host, run.described)
  const ensured = fanOut ? await fanOut.ensureDestinationRepositories(run.loggedIn, inputs, name) : []
  const base = { login, region: clients.region, repository, name, destinations: ensured }
  const payload = await settlePayload(run.payload)
  if (payload.kind === 'none') return base
  const target = deliveryTarget(repository, repository.repository.repositoryUri as string, tag =>
    clients.public
      ? removePublicImageTag(clients.public, name, tag)
      : removeImageTag(clients.ecr, name, tag, inputs.registryId)
  )
  const registry = mainRegistry(run, target)
  const pushed = await core.group(`Push to ${target.repositoryUri}`, () =>
    push(run, target, registry, payload, ensured)
  )
  if (!pushed.ok) return { ...base, target, destinations: pushed.destinations, failure: pushed.error }
  setDeliveryOutputs(target.repositoryUri, pushed.delivery, pushed.destinations)
  // Signed with the key first: the digest handed on is signed once the step is green.
  const keySigned = run.signing ? await signWithKey(run, run.signing, target, registry, pushed) : undefined
  if (keySigned && 'failure' in keySigned)
    return {
      ...base,
      target,
      delivery: pushed.delivery,
      destinations: pushed.destinations,
      failure: keySigned.failure
    }
  const afterKey = keySigned ? { ...pushed, destinations: keySigned.destinations } : pushed
  // Created by the push itself (a CREATE_ON_PUSH template): governed now that it exists.
  if (repository.createdOnPush) repository = await ensureTarget(clients, inputs, name, login.host)
  const signed = inputs.managedSigning
    ? await managedSigning(run, target, registry, repository, afterKey)
    : { delivery: pushed.delivery, destinations: afterKey.destinations, signing: undefined }
  const scan = inputs.scan.wait
    ? await scanGate(clients.ecr, inputs, repository, target.repositoryUri, signed.delivery)
    : undefined
  const destinations =
    fanOut && inputs.scan.wait && inputs.scanDestinations
      ? await fanOut.scanDestinations(signed.destinations, inputs)
      : signed.destinations
  return {
    ...base,
    repository,
    target,
    delivery: signed.delivery,
    signing: signed.signing,
    signatures: keySigned && { keyArn: run.signing?.key.arn as string, rows: keySigned.rows },
    scan,
    destinations
  }
}

async function ensureTarget(
  clients: Clients,
  inputs: DeliverInputs,
  name: string,
  host: string,
  described?: Promise<Repository | undefined>
): Promise<RepositoryReport> {
  const report = clients.public
    ? await core.group(`Ensure public repository ${name}`, () =>
        ensurePublic(clients.public as ECRPUBLICClient, inputs, name)
      )
    : await core.group(`Ensure repository ${name}`, () =>
        governRepository(clients.ecr, inputs, name, described)
      )
  // A private repository's URI is the login's host (the dual-stack or FIPS name when chosen; the API names the
  // IPv4 one) and the name, as for every destination; one the push will create has no URI yet either.
  if (!clients.public || !report.repository.repositoryUri) report.repository.repositoryUri = `${host}/${name}`
  core.setOutput(Output.repositoryUri, report.repository.repositoryUri)
  return report
}

/** The main registry's client for the push and the signing after it: the one opened early, or now. */
function mainRegistry(run: Delivering, target: ReturnType<typeof deliveryTarget>): Promise<RegistryClient> {
  const host = target.repositoryUri.split('/')[0] as string
  return run.early?.registry ?? openRegistry({ ...run.login, host }, run.inputs.stallTimeoutMs)
}

/** The push, to the main registry and every destination; a restored archived image is said so. */
async function push(
  run: Delivering,
  target: ReturnType<typeof deliveryTarget>,
  mainClient: Promise<RegistryClient>,
  payload: PushPayload,
  ensured: Awaited<ReturnType<FanOut['ensureDestinationRepositories']>>
): Promise<PushOutcome> {
  const { inputs, clients, fanOut, early } = run
  const [{ pushPayload }, registry, archiveStart] = await Promise.all([
    load.push(),
    mainClient,
    early?.archive
  ])
  // Read beside the push: an archived image's tags read as missing, and writing them restores it.
  const archived = clients.public
    ? Promise.resolve(new Set<string>())
    : archivedDigests(clients.ecr, target.repository, inputs.registryId)
  const outcome = await pushPayload(
    {
      inputs,
      docker: clients.docker && { cli: clients.docker, loggedIn: run.docker.done },
      main: { registry, target, held: early?.held, archiveStart },
      fanOut: fanOut && {
        module: fanOut,
        destinations: ensured,
        openRegistry: l => openRegistry(l, inputs.stallTimeoutMs)
      }
    },
    payload
  )
  return outcome.ok ? { ...outcome, delivery: markRestored(outcome.delivery, await archived) } : outcome
}

async function scanGate(
  ecr: ECRClient,
  inputs: DeliverInputs,
  report: RepositoryReport,
  repositoryUri: string,
  delivery: NonNullable<Outcome['delivery']>
): Promise<NonNullable<Outcome['scan']>> {
  const { runScanGate, setScanOutputs } = await load.scanGate()
  const scan = await core.group('Scan gate', () => runScanGate(ecr, report.repository, delivery, inputs.scan))
  await setScanOutputs(scan, `${repositoryUri}@${delivery.digest}`)
  return scan
}
