import { ActionError, messageOf } from '../../common/errors.js'
import { parseJson } from '../../common/json.js'
import { isIndex, type Manifest } from '../media-types.js'
import { readDockerArchive, type CompressOptions } from './docker-archive.js'
import type { ImageFiles } from './files.js'
import { AbsentPlatformError, readOciLayout } from './oci-layout.js'
import type { Platform } from './platform.js'
import type { ArchiveImageSource, LayoutImageSource } from './types.js'

/** Layer media types of uncompressed tars: what docker's classic image store saves. */
const UNCOMPRESSED_LAYERS: ReadonlySet<string> = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.nondistributable.v1.tar',
  'application/vnd.docker.image.rootfs.diff.tar'
])

/** Pure: whether every layer of these manifests is stored compressed, as a registry would hold it. */
export function layersCompressed(manifests: Buffer[]): boolean {
  return manifests.every(bytes => {
    const manifest = parseJson(bytes.toString('utf8')) as Manifest
    return isIndex(manifest) || manifest.layers.every(layer => !UNCOMPRESSED_LAYERS.has(layer.mediaType))
  })
}

/** A docker save read: as an OCI archive (as saved) or as a docker archive (compressed on the way). */
export type DockerSave = Omit<LayoutImageSource, 'dispose'> | Omit<ArchiveImageSource, 'dispose'>

/**
 * A `docker save` archive, delivered as faithfully as it allows. With the containerd image store (the
 * default of Docker 29) it is an OCI layout whose index.json names the image as stored, layers compressed:
 * that is delivered as it is, same digest, every platform, attestation and referrer. A classic-store
 * archive (docker 25+ writes an index.json too, over uncompressed layers) and anything whose index.json
 * cannot be delivered as is take manifest.json's path: layers compressed on the way, so another digest,
 * and the notes say why.
 */
export async function readDockerSave(
  files: ImageFiles,
  options: CompressOptions & { platform?: Platform },
  hasIndex: boolean
): Promise<DockerSave> {
  let why = 'it has no index.json (docker before 25)'
  if (hasIndex) {
    try {
      const layout = await readOciLayout(files, { partial: true, platform: options.platform })
      const manifests = [layout.top, ...layout.children].map(manifest => manifest.bytes)
      if (layersCompressed(manifests)) {
        const saved = `${files.label} is a docker save of the containerd image store: delivered as saved`
        return { kind: 'oci-archive', ...layout, notes: [saved, ...layout.notes] }
      }
      why = 'its layers are uncompressed (docker with the classic image store)'
    } catch (error) {
      // What the index holds is known, just not what was asked for: saying so beats another image.
      if (!(error instanceof ActionError) || error instanceof AbsentPlatformError) throw error
      why = `its index.json cannot be delivered as is (${messageOf(error)})`
    }
  }
  const archive = await readDockerArchive(files, options)
  const compressing = archive.layers.some(layer => layer.kind === 'compress')
  const note =
    `${files.label} is read from its manifest.json because ${why}` +
    (compressing
      ? ': its layers are compressed for the registry, so the digest delivered is not the one docker shows locally'
      : '')
  return { kind: 'docker-archive', ...archive, notes: [note] }
}
