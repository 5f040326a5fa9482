/**
 * Pure: the base images of a Dockerfile, as BuildKit's Dockerfile frontend reads them. Parser
 * directives (`# escape=`) and comments, line continuations, FROM and ARG case-insensitive, `--platform`
 * and other flags, stage names (`AS build`), a later FROM naming an earlier stage (skipped), `scratch`
 * (skipped), and ARGs declared before the first FROM substituted with their defaults (`$NAME`,
 * `${NAME}`, `${NAME:-default}`, `${NAME:+alternative}`). A FROM whose image cannot be resolved is a
 * warning naming the line, not an error.
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

interface Instruction {
  line: number
  keyword: string
  rest: string
  text: string
}

/** Splits a Dockerfile into instructions: comments dropped, continuations joined, directives honoured. */
function instructions(text: string): Instruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let escape = '\\'
  // Parser directives: only at the very top, before any comment that is not one, blank line or instruction.
  for (const line of lines) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line)
    if (!directive) break
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
      escape = directive[2]
  }
  const result: Instruction[] = []
  let current: { line: number; parts: string[] } | undefined
  // Heredoc bodies still to skip (RUN/COPY/ADD <<EOF … EOF): their lines are content, not instructions.
  let heredocs: { word: string; stripTabs: boolean }[] = []
  const finish = () => {
    if (!current) return
    const joined = current.parts.join(' ').trim()
    const [keyword = '', ...rest] = joined.split(/\s+/)
    const instruction = {
      line: current.line,
      keyword: keyword.toUpperCase(),
      rest: rest.join(' '),
      text: joined
    }
    result.push(instruction)
    if (HEREDOC_INSTRUCTIONS.has(instruction.keyword)) heredocs = heredocsOf(joined)
    current = undefined
  }
  lines.forEach((raw, index) => {
    const [heredoc] = heredocs
    if (heredoc) {
      if ((heredoc.stripTabs ? raw.replace(/^\t+/, '') : raw) === heredoc.word) heredocs.shift()
      return
    }
    const trimmed = raw.trim()
    // A comment line, even inside a continuation, is dropped (as BuildKit does).
    if (trimmed.startsWith('#')) return
    if (!current) {
      if (trimmed === '') return
      current = { line: index + 1, parts: [] }
    }
    const continued = trimmed.endsWith(escape)
    current.parts.push(continued ? trimmed.slice(0, -1) : trimmed)
    if (!continued) finish()
  })
  finish()
  return result
}

/** The instructions BuildKit reads heredocs for. */
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD'])

/** The heredocs an instruction opens, in order: `<<EOF`, `<<-EOF` (tabs stripped), `<<"EOF"`, `<<'EOF'`. */
function heredocsOf(text: string): { word: string; stripTabs: boolean }[] {
  return [...text.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)].map(match => ({
    word: match[3] as string,
    stripTabs: match[1] === '-'
  }))
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
  const args = new Map<string, string | undefined>()
  const stages = new Set<string>()
  const bases: FromInstruction[] = []
  const warnings: string[] = []
  let seenFrom = false
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'ARG' && !seenFrom) {
      // Global ARGs (before the first FROM) are the only ones FROM lines can use.
      for (const declaration of instruction.rest.split(/\s+/).filter(Boolean)) {
        const eq = declaration.indexOf('=')
        const name = eq < 0 ? declaration : declaration.slice(0, eq)
        const value = eq < 0 ? undefined : declaration.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2')
        args.set(name, value === undefined ? undefined : (substitute(value, args) ?? value))
      }
      continue
    }
    if (instruction.keyword !== 'FROM') continue
    seenFrom = true
    const words = instruction.rest.split(/\s+/).filter(Boolean)
    let platform: string | undefined
    while (words[0]?.startsWith('--')) {
      const flag = words.shift() as string
      const platformFlag = /^--platform=(.+)$/i.exec(flag)
      if (platformFlag) platform = platformFlag[1]
    }
    const [written, as, stage] = words
    if (!written) {
      warnings.push(`${label}:${instruction.line}: FROM names no image`)
      continue
    }
    const stageName = as?.toLowerCase() === 'as' && stage ? stage.toLowerCase() : undefined
    const image = substitute(written, args)
    if (image === undefined || image === '') {
      warnings.push(
        `${label}:${instruction.line}: FROM ${written}: a variable has no default, so the image is unknown`
      )
    } else if (image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
      bases.push({
        line: instruction.line,
        image,
        written,
        platform,
        stage: stageName,
        text: instruction.text
      })
    }
    if (stageName) stages.add(stageName)
  }
  return { bases, warnings }
}
