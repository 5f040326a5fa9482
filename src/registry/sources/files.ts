import { createReadStream, realpathSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { Readable } from 'node:stream'
import { ActionError } from '../../common/errors.js'
import { FileReadError, isInside, readRegularFile } from '../../common/files.js'

/**
 * Where an image's files come from: a directory, or the members of an archive. Files are named as the
 * layout or the archive names them (`index.json`, `blobs/sha256/<hex>`, `<id>/layer.tar`), and a name
 * never reaches the file system as a path of its own: a directory resolves it inside itself (symlinks
 * included), an archive looks it up among its members. Only regular files are served.
 */
export interface ImageFiles {
  /** What errors call the whole: the path the user gave. */
  label: string
  /** The size of the regular file by that name, or undefined when there is none. */
  size(name: string): Promise<number | undefined>
  /** The whole file, refusing more than `maxBytes`; errors never quote the content. */
  read(name: string, maxBytes: number): Promise<Buffer>
  /** Bytes [start, end] inclusive, or the whole file. */
  open(name: string, start?: number, end?: number): Readable
}

/**
 * A name as a layout or an archive's manifest gives it, in canonical form (`./a//b` → `a/b`); undefined
 * for a name that leaves its root (absolute, or `..` above it) or names nothing.
 */
export function canonicalName(name: string): string | undefined {
  if (typeof name !== 'string' || name === '' || name.includes('\0') || name.startsWith('/')) return undefined
  const normal = posix.normalize(name).replace(/\/+$/, '')
  if (normal === '.' || normal === '..' || normal.startsWith('../')) return undefined
  return normal
}

function nameOrFail(files: { label: string }, name: string): string {
  const canonical = canonicalName(name)
  if (canonical === undefined) {
    throw new ActionError(
      `${files.label}: ${JSON.stringify(name).slice(0, 200)} names a file outside the image: refused`
    )
  }
  return canonical
}

async function readOrFail(path: string, maxBytes: number, what: string): Promise<Buffer> {
  try {
    return readRegularFile(path, maxBytes, what)
  } catch (error) {
    if (error instanceof FileReadError) throw new ActionError(error.message)
    throw error
  }
}

/** The files of an image layout directory, each resolved (symlinks too) inside the directory. */
export function directoryFiles(dir: string, label = dir): ImageFiles {
  const root = realpathSync(dir)
  const resolved = new Map<string, string | undefined>()
  const locate = (name: string): string | undefined => {
    const canonical = nameOrFail({ label }, name)
    if (!resolved.has(canonical)) {
      let real: string | undefined
      try {
        real = realpathSync(join(root, canonical))
      } catch {
        real = undefined
      }
      if (real !== undefined && !isInside(root, real)) {
        throw new ActionError(`${label}: ${canonical} leads outside the layout (a symlink?): refused`)
      }
      resolved.set(canonical, real)
    }
    return resolved.get(canonical)
  }
  return {
    label,
    async size(name) {
      const path = locate(name)
      if (!path) return undefined
      const stats = await stat(path).catch(() => undefined)
      return stats?.isFile() ? stats.size : undefined
    },
    read(name, maxBytes) {
      const path = locate(name)
      if (!path) return Promise.reject(new ActionError(`${label}: ${canonicalName(name)} is missing`))
      return readOrFail(path, maxBytes, `${label}: ${canonicalName(name)}`)
    },
    open(name, start, end) {
      const path = locate(name)
      if (!path) throw new ActionError(`${label}: ${canonicalName(name)} is missing`)
      return createReadStream(path, { start, end, highWaterMark: 1024 * 1024 })
    }
  }
}

/** The regular files of an archive, by member name (the extracted copy of each lives under a name of ours). */
export function archiveFiles(
  members: ReadonlyMap<string, { path: string; size: number }>,
  label: string
): ImageFiles {
  const member = (name: string) => members.get(nameOrFail({ label }, name))
  return {
    label,
    async size(name) {
      return member(name)?.size
    },
    read(name, maxBytes) {
      const found = member(name)
      if (!found)
        return Promise.reject(new ActionError(`${label}: ${canonicalName(name)} is not in the archive`))
      return readOrFail(found.path, maxBytes, `${label}: ${canonicalName(name)}`)
    },
    open(name, start, end) {
      const found = member(name)
      if (!found) throw new ActionError(`${label}: ${canonicalName(name)} is not in the archive`)
      return createReadStream(found.path, { start, end, highWaterMark: 1024 * 1024 })
    }
  }
}
