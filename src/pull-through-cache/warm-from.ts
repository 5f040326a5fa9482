import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { InputError, quote } from '../common/errors.js'
import { FileReadError, readFileInside, workspaceRoot } from '../common/files.js'
import {
  buildContextLines,
  cacheReference,
  rewriteDockerfile,
  routeBaseImage,
  type RouteRule
} from './base-images.js'
import { Input } from './constants.js'
import type { DockerfileBases, FromInstruction } from './dockerfile.js'

/** A Dockerfile of the workspace, read and parsed. */
export interface ReadDockerfile {
  path: string
  text: string
  read: DockerfileBases
}
import type { WarmTarget } from './warm.js'

/** Dockerfiles are text of a few KiB; more is not a Dockerfile. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024
const MAX_DOCKERFILES = 100

/** A Dockerfile of `warm-from`, read and its bases routed. */
export interface BaseImages {
  /** Relative to the workspace. */
  path: string
  text: string
  bases: { from: FromInstruction; target?: WarmTarget; reason?: string }[]
  warnings: string[]
}

/**
 * Reads the Dockerfiles `warm-from` names (paths or globs, relative to the workspace; `!` excludes),
 * each confined to the workspace, capped, and read before anything changes.
 */
export async function readDockerfiles(patterns: string[]): Promise<ReadDockerfile[]> {
  // The Dockerfile parser (dockerfile-ast) is loaded by a run that reads Dockerfiles only.
  const { readDockerfile } = await import('./dockerfile.js')
  const root = workspaceRoot()
  const anchored = patterns.map(pattern => {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    return `${negated ? '!' : ''}${isAbsolute(body) ? body : join(root, body)}`
  })
  const { create } = await import('@actions/glob')
  const globber = await create(anchored.join('\n'), {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: false
  })
  const files = [...new Set(await globber.glob())].sort()
  if (files.length === 0)
    throw new InputError(
      Input.warmFrom,
      `${quote(patterns.join(', '))} matches no file in the workspace (${root})`
    )
  if (files.length > MAX_DOCKERFILES)
    throw new InputError(
      Input.warmFrom,
      `matches ${files.length} files: at most ${MAX_DOCKERFILES} Dockerfiles`
    )
  return files.map(file => {
    try {
      const path = relative(root, file)
      const text = readFileInside(file, root, MAX_DOCKERFILE_BYTES).toString('utf8')
      return { path, text, read: readDockerfile(text, path) }
    } catch (error) {
      if (error instanceof FileReadError) throw new InputError(Input.warmFrom, error.message)
      throw error
    }
  })
}

/** Pure: each Dockerfile's FROM lines, routed to the rule caching their registry. */
export function routeDockerfiles(files: ReadDockerfile[], rules: RouteRule[]): BaseImages[] {
  return files.map(({ path, text, read }) => {
    return {
      path,
      text,
      warnings: read.warnings,
      bases: read.bases.map(from => {
        const routed = routeBaseImage(from.image, rules)
        return typeof routed === 'string' ? { from, reason: routed } : { from, target: routed }
      })
    }
  })
}

/** The warm targets of every routed base image (the caller warms each once). */
export function baseWarmTargets(files: BaseImages[]): WarmTarget[] {
  return files.flatMap(file => file.bases.flatMap(({ target }) => (target ? [target] : [])))
}

/** `build-contexts`: every routed base image of every Dockerfile. */
export function buildContexts(host: string, files: BaseImages[]): string[] {
  return buildContextLines(
    host,
    files.flatMap(file =>
      file.bases.flatMap(b => (b.target ? [{ image: b.from.image, target: b.target }] : []))
    )
  )
}

/**
 * Writes each Dockerfile with its routed FROM lines pointing at the cache into RUNNER_TEMP, for a classic
 * `docker build -f`; returns their paths in the order of the files.
 */
export async function writeRewrittenDockerfiles(host: string, files: BaseImages[]): Promise<string[]> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), `ecr-deliver-dockerfiles-${Date.now()}`)
  await mkdir(dir, { recursive: true })
  const paths: string[] = []
  for (const [index, file] of files.entries()) {
    const routes = file.bases.flatMap(b =>
      b.target ? [{ from: b.from, reference: cacheReference(host, b.target) }] : []
    )
    const path = join(dir, `${index + 1}-${file.path.replace(/[^A-Za-z0-9._-]+/g, '_')}`)
    const rewritten = rewriteDockerfile(file.text, routes)
    for (const from of rewritten.unchanged)
      core.warning(
        `warm-from: ${file.path}:${from.line}: FROM ${from.image} spans lines: the rewritten Dockerfile still pulls it from upstream (build-contexts routes it)`
      )
    await writeFile(path, rewritten.text)
    paths.push(path)
  }
  return paths
}
