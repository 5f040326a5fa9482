import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { extract } from 'tar-stream'
import { ActionError } from '../../common/errors.js'

/** The first entries' names of a tar, to tell an OCI layout archive from a docker-save archive. */
export async function tarEntryNames(path: string): Promise<Set<string>> {
  const names = new Set<string>()
  const reader = extract()
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      names.add(normalizeEntry(header.name))
      stream.on('end', next)
      stream.resume()
    })
    reader.on('finish', resolve)
    reader.on('error', reject)
  })
  try {
    await Promise.all([pipeline(createReadStream(path), reader), done])
  } catch (error) {
    throw unreadable(path, error)
  }
  return names
}

/**
 * Extracts regular files and directories into `dir`, streaming each entry to disk. Entries that would
 * land outside `dir` (absolute paths, `..`) and links are refused: the archive comes from a build, but a
 * tar is still input.
 */
export async function extractTar(path: string, dir: string): Promise<void> {
  const reader = extract()
  reader.on('entry', (header, stream, next) => {
    const name = normalizeEntry(header.name)
    const target = join(dir, name)
    const fail = (error: unknown) => reader.destroy(error instanceof Error ? error : new Error(String(error)))
    if (name === '' || name.startsWith(`..${sep}`) || name === '..' || target === dir) {
      stream.resume()
      stream.on('end', next)
      return
    }
    if (header.type === 'directory') {
      mkdir(target, { recursive: true }).then(() => {
        stream.resume()
        stream.on('end', next)
      }, fail)
      return
    }
    if (header.type !== 'file' && header.type !== 'contiguous-file') {
      stream.resume()
      stream.on('end', next)
      return
    }
    mkdir(dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target)))
      .then(() => next(), fail)
  })
  try {
    await pipeline(createReadStream(path), reader)
  } catch (error) {
    throw unreadable(path, error)
  }
}

function normalizeEntry(name: string): string {
  return normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '').replace(/^\.$/, '')
}

function unreadable(path: string, error: unknown): ActionError {
  const reason = error instanceof Error ? error.message : String(error)
  return new ActionError(`${path} is not a readable tar archive (${reason}): is it truncated or corrupt?`)
}
