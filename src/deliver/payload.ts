import * as core from '@actions/core'
import { ActionError, InputError, messageOf, quote } from '../common/errors.js'
import * as log from '../common/log.js'
import type { DockerCli, LocalImage } from '../docker/cli.js'
import type { LocalImageSource } from '../registry/sources/index.js'
import { Input } from './constants.js'
import type { DeliverWork } from './inputs.js'

/** zlib level for docker-save layers: level 1 compresses several times faster than 6 for a few % more bytes. */
const GZIP_LEVEL = 1

/** What is to be pushed, found and checked before anything changes. */
export type Payload =
  { kind: 'image'; image: LocalImage } | { kind: 'source'; image: LocalImageSource } | { kind: 'none' }

/**
 * Finds what the step is to push: the local image in the engine, or the source read and checked. A
 * missing image or a broken source is bad input, found before logging in or creating anything.
 */
export async function findPayload(work: DeliverWork, docker: DockerCli | undefined): Promise<Payload> {
  if (work.kind === 'image') {
    if (!docker) throw new ActionError('Input "image" needs the docker CLI, which is not on this runner')
    return { kind: 'image', image: await findLocalImage(docker, work.image) }
  }
  if (work.kind !== 'source') return { kind: 'none' }
  const { openImageSource } = await import('../registry/sources/index.js')
  let image = await core.group(`Read ${work.source}`, () =>
    openImageSource(work.source, { gzipLevel: GZIP_LEVEL })
  )
  if (work.platform) {
    const { selectPlatform } = await import('../registry/sources/platform.js')
    const whole = image
    try {
      image = await selectPlatform(whole, work.platform, work.source)
    } catch (error) {
      await whole.dispose()
      throw new InputError(Input.platform, messageOf(error))
    }
  }
  log.info(`${work.source}: ${describeSource(image)}`)
  return { kind: 'source', image }
}

/** One line on what was read: the manifest of a layout, or the config and layers of an archive. */
function describeSource(image: LocalImageSource): string {
  if (image.kind === 'docker-archive') {
    const toCompress = image.layers.filter(layer => layer.kind === 'compress').length
    return `docker-archive, config ${image.config.digest}, ${image.layers.length} layers (${toCompress} compressed on the way)`
  }
  return `${image.kind}, ${image.top.mediaType} ${image.top.digest}, ${image.blobs.length} blobs`
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
