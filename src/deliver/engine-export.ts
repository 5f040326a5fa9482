import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError, messageOf, quote } from '../common/errors.js'
import { formatBytes } from '../common/format.js'
import * as log from '../common/log.js'
import type { DockerCli, LocalImage } from '../docker/cli.js'
import type { LocalImageSource, OpenSourceOptions } from '../registry/sources/index.js'
import { load } from './lazy.js'

/** The engine's image as a source to push, or why it could not be exported (then docker push remains). */
export type EngineExport = { ok: true; image: LocalImageSource } | { ok: false; reason: string }

/**
 * Pure: whether an exported image is the engine's image. The image ID is the config digest with the
 * classic store, and the digest of the manifest or index with the containerd store, which index.json names.
 */
export function isEngineImage(id: string, image: LocalImageSource): boolean {
  return image.kind === 'docker-archive' ? image.config.digest === id : image.named === id
}

/**
 * Exports the image by its ID (`docker save <id>`: the exact image, whatever its names are now) into
 * RUNNER_TEMP and opens it as a source: with the containerd store it is delivered as stored, with the
 * classic store its layers are compressed on the way. Spooled, not streamed: docker writes manifest.json and
 * index.json after the blobs, so a stream would reach the layers before knowing what they are, and the
 * parallel compression reads each layer from its offset. The file goes when the payload is disposed.
 * It runs beside the API calls: its lines go to `print`, held until the push (payload.ts).
 */
export async function exportEngineImage(
  docker: DockerCli,
  local: LocalImage,
  options: OpenSourceOptions,
  print: (line: string) => void = log.info
): Promise<EngineExport> {
  const path = join(process.env.RUNNER_TEMP || tmpdir(), `ecr-deliver-${randomBytes(6).toString('hex')}.tar`)
  const removeFile = () => rm(path, { force: true })
  const started = Date.now()
  try {
    await docker.save(local.id, path, print)
  } catch (error) {
    await removeFile()
    return { ok: false, reason: messageOf(error) }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  print(
    `Exported ${quote(local.reference)} (${local.id}): ${formatBytes((await stat(path)).size)} in ${seconds} s`
  )
  let image: LocalImageSource
  try {
    const { openImageSource } = await load.sources()
    image = await openImageSource(path, options)
  } catch (error) {
    await removeFile()
    throw error
  }
  const dispose = async () => {
    await image.dispose()
    await removeFile()
  }
  if (!isEngineImage(local.id, image)) {
    await dispose()
    const got = image.kind === 'docker-archive' ? `config ${image.config.digest}` : image.named
    throw new ActionError(
      `docker save ${local.id} exported ${got}, which is not the image ${quote(local.reference)}: nothing was pushed`
    )
  }
  return { ok: true, image: { ...image, dispose } }
}

/** Says why the engine's image goes through docker push after all. */
export function warnExportFailed(reason: string): void {
  core.warning(
    `Could not export the image from the engine (${reason}): pushing it with docker push under a staging tag instead`
  )
}
