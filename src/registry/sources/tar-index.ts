import { open, type FileHandle } from 'node:fs/promises'
import { ActionError } from '../../common/errors.js'
import { canonicalName } from './files.js'

/**
 * Where each regular file of a tar lives, found by reading only the 512-byte headers and seeking past
 * every member's data: kilobytes read for an archive of gigabytes. docker writes manifest.json and the
 * config where it likes (usually at the end), so they are found without reading the layers, and each
 * layer is later streamed straight from its offset: no extracted copy, no temp file.
 */

/** A regular file of the archive: its data's first byte, and its length. */
export interface TarMember {
  offset: number
  size: number
}

const BLOCK = 512
/** PAX and GNU long-name records are small; a larger one is a broken or hostile archive. */
const MAX_META_BYTES = 1024 * 1024
/** More members than any image has. */
const MAX_MEMBERS = 200_000

/** One header, as far as finding files goes. */
export interface TarHeader {
  name: string
  size: number
  /** The typeflag character: '0' or '' file, '7' contiguous file, 'x'/'g' PAX, 'L' GNU long name… */
  type: string
}

/**
 * Pure: a 512-byte ustar/GNU header, or undefined for an all-zero block (the end of the archive). Sizes
 * in base-256 (GNU, over 8 GiB) are read too. A block that is no tar header (bad checksum) throws.
 */
export function parseTarHeader(block: Buffer): TarHeader | undefined {
  if (block.length < BLOCK) throw new Error('short header block')
  if (block.every(byte => byte === 0)) return undefined
  const stored = octal(block.subarray(148, 156))
  let sum = 8 * 0x20
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i] as number
  if (stored !== sum) throw new Error('bad header checksum')
  const name = text(block.subarray(0, 100))
  const isUstar = block.subarray(257, 262).toString('latin1') === 'ustar'
  const prefix = isUstar ? text(block.subarray(345, 500)) : ''
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: sizeField(block.subarray(124, 136)),
    type: String.fromCharCode(block[156] as number).replace('\0', '')
  }
}

function text(field: Buffer): string {
  const end = field.indexOf(0)
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8')
}

function octal(field: Buffer): number {
  const digits = text(field).trim()
  if (!/^[0-7]*$/.test(digits)) throw new Error('bad octal field')
  return digits === '' ? 0 : parseInt(digits, 8)
}

/** Octal, or GNU base-256 when the high bit of the first byte is set. */
function sizeField(field: Buffer): number {
  if (((field[0] as number) & 0x80) === 0) return octal(field)
  let value = (field[0] as number) & 0x7f
  for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] as number)
  if (!Number.isSafeInteger(value)) throw new Error('size out of range')
  return value
}

/** Pure: the `path` and `size` of PAX records (`<len> key=value\n`…); other keys are ignored. */
export function parsePax(records: Buffer): { path?: string; size?: number } {
  const result: { path?: string; size?: number } = {}
  let at = 0
  while (at < records.length) {
    const space = records.indexOf(0x20, at)
    if (space === -1) break
    const length = Number(records.subarray(at, space).toString('latin1'))
    if (!Number.isInteger(length) || length <= space - at || at + length > records.length) break
    const record = records.subarray(space + 1, at + length - 1).toString('utf8')
    const equals = record.indexOf('=')
    const key = record.slice(0, equals)
    const value = record.slice(equals + 1)
    if (key === 'path') result.path = value
    if (key === 'size' && /^\d+$/.test(value)) result.size = Number(value)
    at += length
  }
  return result
}

const REGULAR = new Set(['', '0', '7'])

/**
 * The regular files of a tar, by canonical member name. Links, devices, directories and names that leave
 * the archive (absolute, `..`) are skipped: no member name ever becomes a path. A name that appears twice
 * is refused (which copy would count?). A truncated or corrupt archive is a clear error.
 */
export async function indexTar(path: string): Promise<Map<string, TarMember>> {
  const file = await open(path, 'r')
  try {
    const { size: fileSize } = await file.stat()
    return await scan(file, fileSize, path)
  } catch (error) {
    if (error instanceof ActionError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ActionError(`${path} is not a readable tar archive (${reason}): is it truncated or corrupt?`)
  } finally {
    await file.close()
  }
}

async function scan(file: FileHandle, fileSize: number, path: string): Promise<Map<string, TarMember>> {
  const members = new Map<string, TarMember>()
  const block = Buffer.alloc(BLOCK)
  let position = 0
  let count = 0
  let pending: { path?: string; size?: number } = {}
  for (;;) {
    const { bytesRead } = await file.read(block, 0, BLOCK, position)
    // Some writers stop right after a member, without the two zero blocks.
    if (bytesRead === 0 && position === fileSize && position > 0) break
    if (bytesRead < BLOCK) throw new Error('unexpected end of file')
    const header = parseTarHeader(block)
    if (!header) break
    if (++count > MAX_MEMBERS) throw new Error(`more than ${MAX_MEMBERS} members`)
    // A PAX size describes the member it precedes, never another extended header in between.
    const meta = header.type === 'x' || header.type === 'L' || header.type === 'g' || header.type === 'K'
    const size = meta ? header.size : (pending.size ?? header.size)
    const dataStart = position + BLOCK
    if (dataStart + size > fileSize) throw new Error('unexpected end of file')
    position = dataStart + Math.ceil(size / BLOCK) * BLOCK
    if (header.type === 'x' || header.type === 'L') {
      const content = await readMeta(file, dataStart, size)
      pending =
        header.type === 'x' ? { ...pending, ...parsePax(content) } : { ...pending, path: text(content) }
      continue
    }
    // A global PAX header, or a GNU long link name: nothing about where files are.
    if (header.type === 'g' || header.type === 'K') continue
    const name = canonicalName(pending.path ?? header.name)
    pending = {}
    if (name === undefined || !REGULAR.has(header.type)) continue
    if (members.has(name)) {
      throw new ActionError(
        `${path}: ${JSON.stringify(name).slice(0, 200)} appears twice in the archive: refused`
      )
    }
    members.set(name, { offset: dataStart, size })
  }
  return members
}

async function readMeta(file: FileHandle, offset: number, size: number): Promise<Buffer> {
  if (size > MAX_META_BYTES) throw new Error('an extended header is too large')
  const buffer = Buffer.alloc(size)
  const { bytesRead } = await file.read(buffer, 0, size, offset)
  if (bytesRead < size) throw new Error('unexpected end of file')
  return buffer
}
