import { createReadStream, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { extract, type Header } from 'tar-stream'
import { ActionError } from '../../common/errors.js'
import { canonicalName } from './files.js'

type Entry = AsyncIterable<Buffer> & { header: Header; resume: () => void }

/** An archive member saved for reading: where our copy lives, and its size. */
export interface ExtractedMember {
  path: string
  size: number
}

const REGULAR = new Set(['file', 'contiguous-file'])

/** Reads a tar entry by entry; a truncated or corrupt archive rejects with a clear error. */
async function eachEntry(
  path: string,
  visit: (entry: Entry, name: string | undefined) => Promise<void>
): Promise<void> {
  const reader = extract()
  const input = createReadStream(path)
  input.on('error', error => reader.destroy(error))
  input.pipe(reader)
  try {
    for await (const entry of reader as AsyncIterable<Entry>) {
      await visit(entry, canonicalName(entry.header.name))
    }
  } catch (error) {
    input.destroy()
    if (error instanceof ActionError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ActionError(`${path} is not a readable tar archive (${reason}): is it truncated or corrupt?`)
  }
}

/** The names of the regular files in a tar, to tell an OCI layout archive from a docker-save archive. */
export async function tarEntryNames(path: string): Promise<Set<string>> {
  const names = new Set<string>()
  await eachEntry(path, async (entry, name) => {
    if (name !== undefined && REGULAR.has(entry.header.type ?? '')) names.add(name)
    entry.resume()
  })
  return names
}

/**
 * Saves each regular file of the archive into `dir` under a name of ours (`m0`, `m1`, …) and returns them
 * by member name. No member name ever becomes a path: links, devices and names that leave the archive
 * (absolute, `..`) are skipped, and a name that appears twice is refused (which copy would count?).
 */
export async function extractTar(path: string, dir: string): Promise<Map<string, ExtractedMember>> {
  const members = new Map<string, ExtractedMember>()
  await eachEntry(path, async (entry, name) => {
    if (name === undefined || !REGULAR.has(entry.header.type ?? '')) {
      entry.resume()
      return
    }
    if (members.has(name)) {
      throw new ActionError(
        `${path}: ${JSON.stringify(name).slice(0, 200)} appears twice in the archive: refused`
      )
    }
    const target = join(dir, `m${members.size}`)
    await pipeline(entry, createWriteStream(target))
    members.set(name, { path: target, size: entry.header.size ?? 0 })
  })
  return members
}
