import * as core from '@actions/core'
import { ActionError } from '../common/errors.js'
import { DockerCli, type LocalImage } from '../docker/cli.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import {
  ensureRepository,
  isTagImmutable,
  repositoryConsoleUrl,
  type EnsuredRepository
} from '../ecr/repositories.js'
import { RegistryClient } from '../registry/client.js'
import { Output, State } from './constants.js'
import { parseDeliverInputs } from './inputs.js'
import { logInToRegistries } from './login.js'
import { deliverImage, type Delivery } from './push.js'
import { writeDeliverySummary } from './summary.js'

/** The deliver action: log in, ensure the repository, push and verify, output what was delivered. */
export async function run(): Promise<void> {
  const inputs = parseDeliverInputs(name => core.getInput(name))
  core.saveState(State.skipLogout, String(inputs.skipLogout))
  const docker = new DockerCli()
  const ecr = createEcrClient()
  const region = await resolveRegion(ecr)
  // A missing image is bad input: find out before logging in or creating anything.
  const local = inputs.image ? await findLocalImage(docker, inputs.image) : undefined

  const [login] = await core.group('Log in to Amazon ECR', () => logInToRegistries(ecr, docker, inputs))
  if (!login) throw new ActionError('No registry to log in to')
  core.setOutput(Output.registry, login.host)
  core.setOutput(Output.dockerUsername, login.username)
  if (!inputs.maskPassword) {
    core.warning('mask-password is false: docker-password is not masked, so it can be passed to other jobs.')
  }
  core.setOutput(Output.dockerPassword, login.password)

  let ensured: EnsuredRepository | undefined
  if (inputs.repository) {
    const name = inputs.repository
    ensured = await core.group(`Ensure repository ${name}`, () =>
      ensureRepository(ecr, { name, registryId: inputs.registryId }, inputs.settings, {
        create: inputs.createRepository
      })
    )
    core.info(`${ensured.created ? 'Created' : 'Found'} repository ${ensured.repository.repositoryUri}`)
    if (ensured.differences.length > 0) {
      core.warning(
        `Repository ${name} differs from the declared settings, and was left unchanged:\n- ` +
          ensured.differences.join('\n- ')
      )
    }
    core.setOutput(Output.repositoryUri, ensured.repository.repositoryUri)
  }

  let delivery: Delivery | undefined
  if (local && ensured) {
    const repository = ensured.repository
    const repositoryUri = repository.repositoryUri ?? `${login.host}/${inputs.repository}`
    const exclusions = (repository.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '')
    const registry = new RegistryClient({
      endpoint: `https://${repositoryUri.split('/')[0]}`,
      basicToken: login.token
    })
    delivery = await core.group(`Push ${local.reference} to ${repositoryUri}`, () =>
      deliverImage(
        docker,
        registry,
        local,
        {
          repositoryUri,
          repository: repository.repositoryName ?? (inputs.repository as string),
          isImmutable: tag => isTagImmutable(tag, repository.imageTagMutability, exclusions)
        },
        inputs.tags
      )
    )
    core.setOutput(Output.imageDigest, delivery.digest)
    core.setOutput(Output.imageUri, `${repositoryUri}@${delivery.digest}`)
    core.setOutput(Output.imageUris, delivery.tags.map(t => t.reference).join('\n'))
    core.info(`Delivered ${repositoryUri}@${delivery.digest}`)
  }

  await writeDeliverySummary({
    registry: login.host,
    repository: ensured && {
      name: inputs.repository as string,
      uri: ensured.repository.repositoryUri ?? '',
      consoleUrl: repositoryConsoleUrl(
        region,
        ensured.repository.registryId ?? '',
        inputs.repository as string
      ),
      created: ensured.created,
      differences: ensured.differences
    },
    delivery
  })
}

async function findLocalImage(docker: DockerCli, image: string): Promise<LocalImage> {
  const local = await docker.inspectImage(image)
  if (!local) {
    throw new ActionError(
      `Input "image": "${image}" is not an image in the docker engine${process.env.DOCKER_HOST ? ` at ${process.env.DOCKER_HOST}` : ''}: ` +
        'build or pull it in an earlier step (docker images lists what is there).'
    )
  }
  return local
}
