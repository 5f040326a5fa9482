import { stat } from 'node:fs/promises'
import { ActionError } from '../../common/errors.js'
import { readDockerSave } from './docker-save.js'
import { directoryFiles, tarFiles } from './files.js'
import { readOciLayout } from './oci-layout.js'
import { indexTar } from './tar-index.js'
import type { Platform } from './platform.js'
import type { LocalImageSource } from './types.js'

export interface OpenSourceOptions {
  /** zlib level for the layers of a docker-save archive. */
  gzipLevel: number
  /** The platform asked for: what to keep of an index whose other platforms' blobs are absent. */
  platform?: Platform
}

/**
 * Opens `path` as an image to push: an OCI image layout directory, a tar of one, or a `docker save`
 * archive (a tar with manifest.json; docker-save.ts decides how it is delivered).
 * Everything structural is checked here, before anything is sent. The path itself may be anywhere the
 * job can read (RUNNER_TEMP is usual); what it contains is read only inside it. A tar is read in place:
 * its headers are indexed (kilobytes read), and each file is streamed from its offset when it is needed.
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
  // Nothing is copied or extracted: there is nothing to clean up.
  const dispose = async () => {}
  if (kind === 'directory') {
    return { kind: 'oci-layout', ...(await readOciLayout(directoryFiles(path), options)), dispose }
  }
  const members = await indexTar(path)
  const isDocker = members.has('manifest.json')
  if (!isDocker && !members.has('oci-layout')) {
    throw new ActionError(
      `Input "source": ${path} is a tar archive with neither manifest.json (docker save) nor oci-layout (OCI layout)`
    )
  }
  const files = tarFiles(path, members)
  if (isDocker) {
    return { ...(await readDockerSave(files, options, members.has('index.json'))), dispose }
  }
  return { kind: 'oci-archive', ...(await readOciLayout(files, options)), dispose }
}

export type { LocalImageSource } from './types.js'
