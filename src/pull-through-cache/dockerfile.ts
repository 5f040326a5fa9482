import { DockerfileParser, type From } from 'dockerfile-ast'

/**
 * Pure: the base images of a Dockerfile, as BuildKit's Dockerfile frontend reads them. The text is read by
 * dockerfile-ast (the VS Code Docker language server's parser: parser directives such as `# escape=`,
 * comments, line continuations, heredocs, FROM flags and stage names). What is ours: which FROMs are base
 * images (not `scratch`, not an earlier stage), and the ARGs declared before the first FROM substituted
 * with their defaults (`$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alternative}`): the library
 * resolves a variable to its value only, not BuildKit's `:-`/`:+` forms. A FROM whose image cannot be
 * resolved is a warning naming the line, not an error.
 */

/** One FROM instruction. */
export interface FromInstruction {
  /** 1-based line the instruction starts on. */
  line: number
  /** The image after substitution (`node:20`, `ghcr.io/org/app@sha256:…`). */
  image: string
  /** The image word as written (`${BASE}`, `node:20`), for rewriting the line. */
  written: string
  /** `--platform=` as written, if any. */
  platform?: string
  /** `AS <name>`, if any. */
  stage?: string
  /** The raw instruction's text (continuations joined), for rewriting. */
  text: string
}

export interface DockerfileBases {
  /** FROMs that name an image (not scratch, not an earlier stage), in order. */
  bases: FromInstruction[]
  /** One line each: what could not be read and where. */
  warnings: string[]
}

/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` against the ARGs known; undefined when one is unset. */
export function substitute(value: string, args: Map<string, string | undefined>): string | undefined {
  let unresolved = false
  const result = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      _match,
      braced: string | undefined,
      operator: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const name = (braced ?? bare) as string
      const set = args.get(name)
      if (operator === '-') return set !== undefined && set !== '' ? set : (word ?? '')
      if (operator === '+') return set !== undefined && set !== '' ? (word ?? '') : ''
      if (set === undefined) unresolved = true
      return set ?? ''
    }
  )
  return unresolved ? undefined : result
}

/** Reads the base images of a Dockerfile's text; `label` names it in warnings. */
export function readDockerfile(text: string, label: string): DockerfileBases {
  const dockerfile = DockerfileParser.parse(text.replace(/^\uFEFF/, ''))
  // Global ARGs (before the first FROM) are the only ones FROM lines can use.
  const args = new Map<string, string | undefined>()
  for (const arg of dockerfile.getInitialARGs()) {
    for (const property of arg.getProperties()) {
      const value = property.getValue()?.replace(/^(["'])(.*)\1$/, '$2') ?? undefined
      args.set(property.getName(), value === undefined ? undefined : (substitute(value, args) ?? value))
    }
  }
  const stages = new Set<string>()
  const bases: FromInstruction[] = []
  const warnings: string[] = []
  for (const from of dockerfile.getFROMs()) {
    const line = from.getRange().start.line + 1
    const written = imageWord(from)
    const stage = from.getBuildStage()?.toLowerCase() ?? undefined
    if (!written) {
      warnings.push(`${label}:${line}: FROM names no image`)
      continue
    }
    const image = substitute(written, args)
    if (image === undefined || image === '') {
      warnings.push(`${label}:${line}: FROM ${written}: a variable has no default, so the image is unknown`)
    } else if (image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
      const platform = from.getPlatformFlag()?.getValue() ?? undefined
      bases.push({ line, image, written, platform, stage, text: instructionText(from) })
    }
    if (stage) stages.add(stage)
  }
  return { bases, warnings }
}

/** The image word of a FROM as written: its first argument that is not a flag. */
function imageWord(from: From): string | undefined {
  return from
    .getArguments()
    .map(argument => argument.getValue())
    .find(value => !value.startsWith('--'))
}

/** The instruction's text on one line (continuations joined), as the rewriting of the Dockerfile matches it. */
function instructionText(from: From): string {
  return `${from.getInstruction()} ${from
    .getArguments()
    .map(argument => argument.getValue())
    .join(' ')}`
}
