import * as core from '@actions/core'
import { ActionError, InputError, messageOf, quote } from '../common/errors.js'
import * as log from '../common/log.js'
import type { DockerCli, LocalImage } from '../docker/cli.js'
import type { LocalImageSource } from '../registry/sources/index.js'
import type { ArchiveImageSource, LayoutImageSource } from '../registry/sources/types.js'
import { Input } from './constants.js'
import { exportEngineImage, warnExportFailed, type EngineExport } from './engine-export.js'
import type { DeliverWork, ImageWork, PushWork } from './inputs.js'
import { load } from './lazy.js'

/** zlib level for docker-save layers: level 1 compresses several times faster than 6 for a few % more bytes. */
const GZIP_LEVEL = 1

/**
 * What is to be pushed, found and checked before anything changes, with the work that asked for it: each
 * kind has its own push (push.ts).
 */
export type Payload =
  | { kind: 'engine'; image: LocalImage; work: ImageWork }
  | { kind: 'layout'; image: LayoutImageSource; work: PushWork }
  | { kind: 'archive'; image: ArchiveImageSource; work: PushWork }
  | Exporting
  | { kind: 'none' }

/**
 * The engine's image, found, while `docker save` exports it beside the API calls (settlePayload makes it
 * a layout, an archive, or the engine's own when the export fails). Its lines are held until then: log
 * groups cannot interleave.
 */
export interface Exporting {
  kind: 'export'
  image: LocalImage
  work: ImageWork
  exported: Promise<EngineExport>
  lines: string[]
}

/** A payload to push: found, exported, anything but none. */
export type PushPayload = Exclude<Payload, { kind: 'none' } | Exporting>

/** How its tags are read: a layout's digest is known, so a HEAD per tag is enough; the others are known by config or image ID. */
export function tagReadOf(payload: Payload): 'digest' | 'manifest' {
  return payload.kind === 'layout' ? 'digest' : 'manifest'
}

/**
 * Finds what the step is to push: the engine's image, its export by ID begun (docker push only where it
 * cannot be exported), or the source read and checked. A missing image or a broken source is bad input,
 * found before anything is written (main.ts only reads meanwhile: the credentials, the repository).
 */
export async function findPayload(work: DeliverWork, docker: DockerCli | undefined): Promise<Payload> {
  if (work.kind === 'image') {
    if (!docker) throw new ActionError('Input "image" needs the docker CLI, which is not on this runner')
    const local = await findLocalImage(docker, work.image)
    const lines: string[] = []
    const exported = exportEngineImage(
      docker,
      local,
      { gzipLevel: GZIP_LEVEL },
      line => void lines.push(line)
    )
    // Awaited by settlePayload, or by disposePayload when an earlier phase fails.
    exported.catch(() => undefined)
    return { kind: 'export', image: local, work, exported, lines }
  }
  if (work.kind !== 'source') return { kind: 'none' }
  const { openImageSource } = await load.sources()
  let image = await core.group(`Read ${work.source}`, () =>
    openImageSource(work.source, { gzipLevel: GZIP_LEVEL, platform: work.platform })
  )
  if (work.platform) {
    const { selectPlatform } = await load.platform()
    const whole = image
    try {
      image = await selectPlatform(whole, work.platform, work.source)
    } catch (error) {
      await whole.dispose()
      throw new InputError(Input.platform, messageOf(error))
    }
  }
  return payloadOf(image, work, work.source)
}

function payloadOf(image: LocalImageSource, work: PushWork, label: string): PushPayload {
  log.info(`${label}: ${describeSource(image)}`)
  for (const note of image.notes) log.info(note)
  return image.kind === 'docker-archive' ? { kind: 'archive', image, work } : { kind: 'layout', image, work }
}

/** The payload as it is to be pushed: an export awaited, its lines printed in their group. */
export async function settlePayload(payload: Payload): Promise<Exclude<Payload, Exporting>> {
  if (payload.kind !== 'export') return payload
  const { work, image } = payload
  return core.group(`Export ${work.image}`, async () => {
    let exported: EngineExport
    try {
      exported = await payload.exported
    } finally {
      payload.lines.forEach(line => log.info(line))
    }
    if (!exported.ok) {
      warnExportFailed(exported.reason)
      return { kind: 'engine', image, work }
    }
    return payloadOf(exported.image, work, work.image)
  })
}

/** Releases what a payload holds open (a source's files, an export's file once it is written). */
export async function disposePayload(payload: Payload): Promise<void> {
  if (payload.kind === 'layout' || payload.kind === 'archive') await payload.image.dispose()
  if (payload.kind === 'export') {
    const exported = await payload.exported.catch(() => undefined)
    if (exported?.ok) await exported.image.dispose()
  }
}

/** One line on what was read: the manifest of a layout, or the config and layers of an archive. */
function describeSource(image: LocalImageSource): string {
  if (image.kind === 'docker-archive') {
    const toCompress = image.layers.filter(layer => layer.kind === 'compress').length
    return `docker-archive, config ${image.config.digest}, ${image.layers.length} layers (${toCompress} compressed on the way)`
  }
  const referrers = image.referrers.length + image.children.filter(child => child.subject).length
  return (
    `${image.kind}, ${image.top.mediaType} ${image.top.digest}, ${image.blobs.length} blobs` +
    (referrers > 0 ? `, ${referrers} referrers (attestations, signatures)` : '')
  )
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
