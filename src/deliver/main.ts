import * as core from '@actions/core'
import { context } from '@actions/github'
import { which } from '@actions/io'
import { ActionError, quote } from '../common/errors.js'
import { DockerCli, type LocalImage } from '../docker/cli.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import {
  applyRepositorySettings,
  ensureRepository,
  isTagImmutable,
  repositoryConsoleUrl,
  type EnsuredRepository
} from '../ecr/repositories.js'
import { previewLifecyclePolicy } from '../ecr/lifecycle-preview.js'
import { applyLifecyclePolicy, applyRepositoryPolicy } from '../ecr/policies.js'
import {
  PUBLIC_API_REGION,
  createEcrPublicClient,
  ensurePublicRepository,
  galleryUrl,
  removePublicImageTag
} from '../ecr/public.js'
import { removeImageTag } from '../ecr/images.js'
import { RegistryClient } from '../registry/client.js'
import { registryLogHooks } from '../registry/logging.js'
import { openImageSource, type LocalImageSource } from '../registry/sources/index.js'
import { Output, State } from './constants.js'
import type { Delivery, DeliveryTarget } from './delivery.js'
import { deliverDockerImage } from './docker-push.js'
import { parseDeliverInputs, type DeliverInputs } from './inputs.js'
import { logInToPublic, logInToRegistries } from './login.js'
import { runScanGate, setScanOutputs, type ScanGateReport } from './scan-gate.js'
import { deliverSourceImage } from './source-push.js'
import { writeDeliverySummary } from './summary.js'
import * as log from '../common/log.js'

/** How long a lifecycle policy preview may take before the step gives up on it. */
const LIFECYCLE_PREVIEW_TIMEOUT_MS = 5 * 60_000

/** zlib level for docker-save layers: level 1 compresses several times faster than 6 for a few % more bytes. */
const GZIP_LEVEL = 1

/** What is to be pushed, found and checked before anything changes. */
type Payload =
  { kind: 'docker'; image: LocalImage } | { kind: 'source'; image: LocalImageSource } | { kind: 'none' }

/** The deliver action: log in, ensure the repository, push and verify, output what was delivered. */
export async function run(): Promise<void> {
  const inputs = parseDeliverInputs(name => core.getInput(name), { sha: context.sha })
  core.saveState(State.skipLogout, String(inputs.skipLogout))
  const ecr = createEcrClient()
  const publicClient = inputs.public ? createEcrPublicClient() : undefined
  // ECR Public's API is in us-east-1 whatever the region: only private registries need one.
  const region = publicClient ? PUBLIC_API_REGION : await resolveRegion(ecr)
  // A missing image or a broken source is bad input: find out before logging in or creating anything.
  const docker = inputs.source && !(await which('docker', false)) ? undefined : new DockerCli()
  const payload = await findPayload(inputs, docker)
  try {
    const logins = await core.group('Log in to Amazon ECR', () =>
      publicClient
        ? logInToPublic(publicClient, docker, inputs.maskPassword)
        : logInToRegistries(ecr, docker, inputs)
    )
    const login = logins[0]
    if (!login) throw new ActionError('No registry to log in to')
    core.setOutput(Output.registry, login.host)
    core.setOutput(Output.dockerUsername, login.username)
    if (!inputs.maskPassword) {
      core.warning(
        'mask-password is false: docker-password is not masked, so it can be passed to other jobs.'
      )
    }
    core.setOutput(Output.dockerPassword, login.password)

    const ensured = !inputs.repository
      ? undefined
      : publicClient
        ? await ensurePublic(publicClient, inputs, inputs.repository)
        : await ensure(ecr, inputs, inputs.repository)
    let delivery: Delivery | undefined
    let scan: ScanGateReport | undefined
    if (ensured && payload.kind !== 'none') {
      const target = deliveryTarget(ensured, login.host, inputs.repository as string, (repository, tag) =>
        publicClient
          ? removePublicImageTag(publicClient, repository, tag)
          : removeImageTag(ecr, repository, tag, inputs.registryId)
      )
      const registry = new RegistryClient({
        endpoint: `https://${target.repositoryUri.split('/')[0]}`,
        basicToken: login.token,
        stallTimeoutMs: inputs.stallTimeoutMs,
        ...registryLogHooks
      })
      delivery = await core.group(`Push to ${target.repositoryUri}`, () =>
        payload.kind === 'docker'
          ? deliverDockerImage(docker as DockerCli, registry, payload.image, target, inputs.tags)
          : deliverSourceImage(registry, payload.image, target, inputs.tags, {
              concurrency: inputs.maxConcurrency,
              mountFrom: inputs.mountFrom
            })
      )
      setDeliveryOutputs(target.repositoryUri, delivery)
      if (inputs.scan.wait) {
        const delivered = delivery
        scan = await core.group('Scan gate', () =>
          runScanGate(ecr, ensured.repository, delivered, inputs.scan)
        )
        await setScanOutputs(scan, `${target.repositoryUri}@${delivery.digest}`)
      }
    }

    await writeDeliverySummary({
      registry: login.host,
      repository: ensured && {
        name: inputs.repository as string,
        uri: ensured.repository.repositoryUri ?? '',
        consoleUrl: publicClient
          ? galleryUrl(ensured.repository.repositoryUri ?? '')
          : repositoryConsoleUrl(region, ensured.repository.registryId ?? '', inputs.repository as string),
        created: ensured.created,
        differences: ensured.differences,
        governance: ensured.governance,
        lifecyclePreview: ensured.lifecyclePreview
      },
      delivery,
      scan
    })
    if (scan?.failure) throw new ActionError(scan.failure)
  } finally {
    if (payload.kind === 'source') await payload.image.dispose()
  }
}

async function findPayload(inputs: DeliverInputs, docker: DockerCli | undefined): Promise<Payload> {
  if (inputs.image) return { kind: 'docker', image: await findLocalImage(docker as DockerCli, inputs.image) }
  if (inputs.source) {
    const source = inputs.source
    const image = await core.group(`Read ${source}`, () =>
      openImageSource(source, {
        tempDir: process.env.RUNNER_TEMP || undefined,
        concurrency: inputs.maxConcurrency,
        gzipLevel: GZIP_LEVEL
      })
    )
    log.info(
      `${source}: ${image.kind}, ${image.top.mediaType} ${image.top.digest}, ${image.blobs.length} blobs`
    )
    return { kind: 'source', image }
  }
  return { kind: 'none' }
}

async function ensure(
  ecr: ReturnType<typeof createEcrClient>,
  inputs: DeliverInputs,
  name: string
): Promise<EnsuredRepository> {
  const ensured = await core.group(`Ensure repository ${name}`, () =>
    ensureRepository(ecr, { name, registryId: inputs.registryId }, inputs.settings, {
      create: inputs.createRepository
    })
  )
  log.info(`${ensured.created ? 'Created' : 'Found'} repository ${ensured.repository.repositoryUri}`)
  if (inputs.updateRepository && ensured.differences.length > 0) {
    const changed = await applyRepositorySettings(ecr, ensured.repository, inputs.settings)
    changed.forEach(change => log.info(`${name}: ${change}`))
    ensured.governance.push(...changed)
    // Encryption is the one setting that cannot follow the inputs.
    ensured.differences = ensured.differences.filter(d => d.includes('cannot change after creation'))
  }
  if (ensured.differences.length > 0) {
    core.warning(
      `Repository ${name} differs from the declared settings, and was left unchanged:\n- ` +
        ensured.differences.join('\n- ')
    )
  }
  const ref = { name, registryId: inputs.registryId }
  for (const warning of inputs.lifecyclePolicy?.warnings ?? []) core.warning(`lifecycle-policy: ${warning}`)
  if (inputs.lifecyclePolicy?.preview) {
    const preview = await previewLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text, {
      deadline: Date.now() + LIFECYCLE_PREVIEW_TIMEOUT_MS
    })
    log.info(
      `${name}: lifecycle policy preview: ${preview.results.length} images would be affected (nothing applied)`
    )
    ensured.lifecyclePreview = preview.results
  } else if (inputs.lifecyclePolicy) {
    const change = await applyLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text)
    log.info(`${name}: lifecycle policy ${change}`)
    ensured.governance.push(`lifecycle policy ${change}`)
  }
  if (inputs.repositoryPolicy) {
    const change = await applyRepositoryPolicy(ecr, ref, inputs.repositoryPolicy)
    log.info(`${name}: repository policy ${change}`)
    ensured.governance.push(`repository policy ${change}`)
  }
  core.setOutput(Output.repositoryUri, ensured.repository.repositoryUri)
  return ensured
}

async function ensurePublic(
  client: ReturnType<typeof createEcrPublicClient>,
  inputs: DeliverInputs,
  name: string
): Promise<EnsuredRepository> {
  const { repository, created } = await core.group(`Ensure public repository ${name}`, () =>
    ensurePublicRepository(client, name, inputs.public ?? {}, { create: inputs.createRepository })
  )
  log.info(`${created ? 'Created' : 'Found'} public repository ${repository.repositoryUri}`)
  core.setOutput(Output.repositoryUri, repository.repositoryUri)
  return { repository, created, differences: [], governance: [] }
}

function deliveryTarget(
  ensured: EnsuredRepository,
  host: string,
  name: string,
  removeTag: (repository: string, tag: string) => Promise<void>
): DeliveryTarget {
  const { repository } = ensured
  const exclusions = (repository.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '')
  const repositoryName = repository.repositoryName ?? name
  return {
    repositoryUri: repository.repositoryUri ?? `${host}/${name}`,
    repository: repositoryName,
    isImmutable: tag => isTagImmutable(tag, repository.imageTagMutability, exclusions),
    removeTag: tag => removeTag(repositoryName, tag)
  }
}

function setDeliveryOutputs(repositoryUri: string, delivery: Delivery): void {
  core.setOutput(Output.imageDigest, delivery.digest)
  core.setOutput(Output.imageUri, `${repositoryUri}@${delivery.digest}`)
  core.setOutput(Output.imageUris, delivery.tags.map(t => t.reference).join('\n'))
  core.setOutput(Output.platformDigests, delivery.platforms.map(p => `${p.platform}=${p.digest}`).join('\n'))
  log.info(`Delivered ${repositoryUri}@${delivery.digest}`)
}

async function findLocalImage(docker: DockerCli, image: string): Promise<LocalImage> {
  const local = await docker.inspectImage(image)
  if (!local) {
    const engine = process.env.DOCKER_HOST ? ` at ${process.env.DOCKER_HOST}` : ''
    throw new ActionError(
      `Input "image": ${quote(image)} is not an image in the docker engine${engine}: ` +
        'build or pull it in an earlier step (docker images lists what is there).'
    )
  }
  return local
}
