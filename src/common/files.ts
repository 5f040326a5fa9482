import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/** Why a file could not be read; the message never quotes the file's content. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FileReadError'
  }
}

/** The workspace that relative paths in inputs are read from (GITHUB_WORKSPACE on a runner). */
export function workspaceRoot(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd()
}

/** Whether `path` is `root` or lies under it (both already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Reads a regular file that lies inside `root` (after following every symlink), whole, refusing more
 * than `maxBytes`. A path may be relative to `root` or absolute, but must resolve inside it: a workflow's
 * policy file is part of its repository, never `/etc/shadow`.
 */
export function readFileInside(path: string, root: string, maxBytes: number): Buffer {
  let real: string
  let rootReal: string
  try {
    rootReal = realpathSync(root)
  } catch {
    throw new FileReadError(`the workspace ${root} does not exist`)
  }
  try {
    real = realpathSync(resolve(rootReal, path))
  } catch {
    throw new FileReadError(`${path} does not exist in the workspace`)
  }
  if (!isInside(rootReal, real)) {
    throw new FileReadError(`${path} is outside the workspace (${rootReal}): give a path inside it`)
  }
  return readRegularFile(real, maxBytes, path)
}

/**
 * Reads a file whole when it is a regular file of at most `maxBytes`; `what` names it in errors. Devices,
 * FIFOs and directories are refused before anything is read (`/dev/zero` is a file name too). Synchronous:
 * the files read whole are small (policies, manifests, configs), and input parsing is synchronous.
 */
export function readRegularFile(path: string, maxBytes: number, what: string): Buffer {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it anyway.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch {
    throw new FileReadError(`${what} is missing`)
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new FileReadError(`${what} is not a regular file`)
    if (stats.size > maxBytes) {
      throw new FileReadError(`${what} has ${stats.size} bytes, more than the ${maxBytes} allowed`)
    }
    // Read at most one byte past the cap: a file that grows meanwhile is still refused.
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null)
    }
    if (length > maxBytes) throw new FileReadError(`${what} has more than the ${maxBytes} bytes allowed`)
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}
