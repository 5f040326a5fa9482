import { createReadStream, realpathSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { Readable } from 'node:stream'
import { ActionError, quote } from '../../common/errors.js'
import { FileReadError, isInside, readRegularFile } from '../../common/files.js'
import type { TarMember } from './tar-index.js'

/** Read size for layer and blob streams: few syscalls, flat memory, and one gzip block (gzip.ts) per read. */
const READ_CHUNK = 1024 * 1024

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
  /**
   * The same bytes in chunks that share one buffer, for an upload: each chunk is valid only until the
   * next is asked for, so memory stays flat however large the file.
   */
  chunks(name: string, start?: number, end?: number): AsyncIterable<Buffer>
}

/** Chunk size of uploads read with one reused buffer. */
const UPLOAD_CHUNK = 256 * 1024

/** Bytes [start, end] of a file (end: its last byte when undefined), through one reused buffer. */
async function* reusedChunks(path: string, start = 0, end?: number): AsyncGenerator<Buffer> {
  const file = await open(path, 'r')
  try {
    const last = end ?? (await file.stat()).size - 1
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(UPLOAD_CHUNK, last - start + 1)))
    for (let position = start; position <= last;) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, last - position + 1), position)
      // A file shorter than it was: the caller's length check says so.
      if (bytesRead === 0) return
      position += bytesRead
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await file.close()
  }
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
    throw new ActionError(`${files.label}: ${quote(name, 200)} names a file outside the image: refused`)
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
      return createReadStream(path, { start, end, highWaterMark: READ_CHUNK })
    },
    chunks(name, start, end) {
      const path = locate(name)
      if (!path) throw new ActionError(`${label}: ${canonicalName(name)} is missing`)
      return reusedChunks(path, start, end)
    }
  }
}

/**
 * The regular files of a tar, by member name, read in place from their offsets (see tar-index.ts): a
 * member is never copied out, and its name never becomes a path.
 */
export function tarFiles(path: string, members: ReadonlyMap<string, TarMember>, label = path): ImageFiles {
  const member = (name: string) => members.get(nameOrFail({ label }, name))
  const missing = (name: string) => new ActionError(`${label}: ${canonicalName(name)} is not in the archive`)
  return {
    label,
    async size(name) {
      return member(name)?.size
    },
    async read(name, maxBytes) {
      const found = member(name)
      if (!found) throw missing(name)
      const what = `${label}: ${canonicalName(name)}`
      if (found.size > maxBytes)
        throw new ActionError(`${what} has ${found.size} bytes, more than the ${maxBytes} allowed`)
      const file = await open(path, 'r')
      try {
        const buffer = Buffer.alloc(found.size)
        const { bytesRead } = await file.read(buffer, 0, found.size, found.offset)
        if (bytesRead < found.size) throw new ActionError(`${what} is truncated`)
        return buffer
      } finally {
        await file.close()
      }
    },
    open(name, start = 0, end) {
      const found = member(name)
      if (!found) throw missing(name)
      const last = Math.min(end ?? found.size - 1, found.size - 1)
      // An empty range (a zero-byte member) is an empty stream: createReadStream has no such range.
      if (last < start) return Readable.from([])
      return createReadStream(path, {
        start: found.offset + start,
        end: found.offset + last,
        highWaterMark: READ_CHUNK
      })
    },
    chunks(name, start = 0, end) {
      const found = member(name)
      if (!found) throw missing(name)
      const last = Math.min(end ?? found.size - 1, found.size - 1)
      return reusedChunks(path, found.offset + start, found.offset + last)
    }
  }
}
