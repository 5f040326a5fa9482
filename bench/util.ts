// Process, statistics and formatting helpers for the push benchmark.
import { spawn } from 'node:child_process'

export interface Line {
  /** Seconds since the process was spawned. */
  at: number
  text: string
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout lines with their arrival times, to time an action's phases from its log. */
  lines: Line[]
  seconds: number
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  input?: string
  cwd?: string
}

/** Thrown for a failed step; main prints the message and exits non-zero. */
export class BenchError extends Error {}

/** Runs a command to completion, capturing its output and wall time; never throws on a non-zero exit. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const elapsed = () => (performance.now() - started) / 1000
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd })
    const out: Buffer[] = []
    const err: Buffer[] = []
    const lines: Line[] = []
    let partial = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk)
      const parts = (partial + chunk.toString('utf8')).split('\n')
      partial = parts.pop() ?? ''
      const at = elapsed()
      for (const text of parts) lines.push({ at, text })
    })
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', error => reject(new BenchError(`cannot run ${command}: ${error.message}`)))
    child.on('close', (code, signal) => {
      const seconds = elapsed()
      if (partial) lines.push({ at: seconds, text: partial })
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        lines,
        seconds
      })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** Like run, but a non-zero exit aborts the benchmark with the output's tail. */
export async function mustRun(
  label: string,
  command: string,
  args: string[],
  options: RunOptions = {}
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) throw failure(label, result)
  return result
}

export function failure(label: string, result: RunResult): BenchError {
  const status = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`
  return new BenchError(
    `${label} failed (${status})\n--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`
  )
}

export function tail(text: string, count = 40): string {
  return text.trimEnd().split('\n').slice(-count).join('\n')
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} s` : '—'
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '—'
}

/** Bytes in decimal megabytes (the unit of the memory target). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** A markdown table with padded columns, so it reads well in a terminal too. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => (row[i] ?? '').length)))
  const line = (cells: string[]) => `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`
  return [line(header), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

export function progress(message: string): void {
  console.error(`[bench] ${message}`)
}
