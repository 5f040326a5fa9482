import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { extract, type Header } from 'tar-stream'
import { ActionError } from '../../common/errors.js'

type Entry = AsyncIterable<Buffer> & { header: Header; resume: () => void }

/** Reads a tar entry by entry; a truncated or corrupt archive rejects with a clear error. */
async function eachEntry(path: string, visit: (entry: Entry, name: string) => Promise<void>): Promise<void> {
  const reader = extract()
  const input = createReadStream(path)
  input.on('error', error => reader.destroy(error))
  input.pipe(reader)
  try {
    for await (const entry of reader as AsyncIterable<Entry>) {
      await visit(entry, normalizeEntry(entry.header.name))
    }
  } catch (error) {
    input.destroy()
    if (error instanceof ActionError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ActionError(`${path} is not a readable tar archive (${reason}): is it truncated or corrupt?`)
  }
}

/** The entry names of a tar, to tell an OCI layout archive from a docker-save archive. */
export async function tarEntryNames(path: string): Promise<Set<string>> {
  const names = new Set<string>()
  await eachEntry(path, async (entry, name) => {
    names.add(name)
    entry.resume()
  })
  return names
}

/**
 * Extracts regular files and directories into `dir`, streaming each entry to disk. Entries that would
 * land outside `dir` (absolute paths, `..`) and links are skipped: the archive comes from a build, but a
 * tar is still input.
 */
export async function extractTar(path: string, dir: string): Promise<void> {
  await eachEntry(path, async (entry, name) => {
    const target = join(dir, name)
    const inside = name !== '' && name !== '..' && !name.startsWith(`..${sep}`)
    if (inside && entry.header.type === 'directory') {
      await mkdir(target, { recursive: true })
    } else if (inside && (entry.header.type === 'file' || entry.header.type === 'contiguous-file')) {
      await mkdir(dirname(target), { recursive: true })
      await pipeline(entry, createWriteStream(target))
      return
    }
    entry.resume()
  })
}

function normalizeEntry(name: string): string {
  return normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '').replace(/^\.$/, '')
}
