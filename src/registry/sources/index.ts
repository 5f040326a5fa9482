import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError } from '../../common/errors.js'
import { readDockerArchive } from './docker-archive.js'
import { archiveFiles, directoryFiles } from './files.js'
import { readOciLayout } from './oci-layout.js'
import { extractTar, tarEntryNames } from './tar.js'
import type { LocalImageSource } from './types.js'

export interface OpenSourceOptions {
  /** Parent of the temporary folder (RUNNER_TEMP in the action). */
  tempDir?: string
  concurrency: number
  gzipLevel: number
}

/**
 * Opens `path` as an image to push: an OCI image layout directory, a tar of one, or a `docker save`
 * archive (a tar with manifest.json; docker 25+ archives carry both, and manifest.json decides).
 * Everything structural is checked here, before anything is sent. The path itself may be anywhere the
 * job can read (RUNNER_TEMP is usual); what it contains is read only inside it.
 */
export async function openImageSource(path: string, options: OpenSourceOptions): Promise<LocalImageSource> {
  let kind: 'directory' | 'file'
  try {
    const stats = await stat(path)
    if (!stats.isDirectory() && !stats.isFile()) {
      throw new ActionError(`Input "source": ${path} is neither a directory nor a regular file`)
    }
    kind = stats.isDirectory() ? 'directory' : 'file'
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(`Input "source": ${path} does not exist`)
  }
  const work = await mkdtemp(join(options.tempDir ?? tmpdir(), 'ecr-deliver-'))
  const dispose = () => rm(work, { recursive: true, force: true })
  try {
    if (kind === 'directory') {
      return { kind: 'oci-layout', ...(await readOciLayout(directoryFiles(path))), dispose }
    }
    const names = await tarEntryNames(path)
    const isDocker = names.has('manifest.json')
    if (!isDocker && !names.has('oci-layout')) {
      throw new ActionError(
        `Input "source": ${path} is a tar archive with neither manifest.json (docker save) nor oci-layout (OCI layout)`
      )
    }
    const extracted = join(work, 'archive')
    await mkdir(extracted)
    const files = archiveFiles(await extractTar(path, extracted), path)
    if (isDocker) {
      const compressed = join(work, 'layers')
      await mkdir(compressed)
      return {
        kind: 'docker-archive',
        ...(await readDockerArchive(files, { ...options, workDir: compressed })),
        dispose
      }
    }
    return { kind: 'oci-archive', ...(await readOciLayout(files)), dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

export type { LocalImageSource } from './types.js'
