import * as exec from '@actions/exec'
import { ActionError } from '../common/errors.js'

/** What the engine knows about a local image. */
export interface LocalImage {
  reference: string
  /** The image ID: the config digest (classic store) or the manifest/index digest (containerd store). */
  id: string
  /** The local names (`app:ci`) the image has. */
  repoTags: string[]
  repoDigests: string[]
}

export interface PushResult {
  digest: string
}

interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * The docker CLI, through @actions/exec so each command line is logged. DOCKER_HOST, DOCKER_CONFIG
 * and DOCKER_CONTEXT are honoured because the CLI itself reads them. `print` is how a line reaches the log
 * (log.info; the post step's lighter printLine): this floor never imports @actions/core itself.
 */
export class DockerCli {
  private readonly print: (line: string) => void
  private readonly command: string

  constructor(options: { print: (line: string) => void; command?: string }) {
    this.print = options.print
    this.command = options.command ?? 'docker'
  }

  /**
   * Logs in with the password on stdin: never on argv, where `ps` and logs could show it. `print`, when
   * given, takes this command's lines instead (a login running beside other work holds them).
   */
  async login(
    registry: string,
    username: string,
    password: string,
    print?: (line: string) => void
  ): Promise<void> {
    const result = await this.run(['login', '--username', username, '--password-stdin', registry], {
      input: Buffer.from(password),
      print
    })
    if (result.exitCode !== 0) throw this.failure(`docker login to ${registry} failed`, result)
  }

  async logout(registry: string): Promise<void> {
    const result = await this.run(['logout', registry])
    if (result.exitCode !== 0) throw this.failure(`docker logout from ${registry} failed`, result)
  }

  /** The local image, or undefined when the engine has no such image. */
  async inspectImage(reference: string): Promise<LocalImage | undefined> {
    const result = await this.run(['image', 'inspect', '--format', '{{json .}}', reference], { silent: true })
    if (result.exitCode !== 0) {
      if (/no such (image|object)/i.test(result.stderr)) return undefined
      throw this.failure(`docker image inspect ${reference} failed`, result)
    }
    return parseInspect(reference, result.stdout)
  }

  /** Removes a local name; the image itself stays while it has another name (docker rmi of a tag). */
  async untag(reference: string): Promise<void> {
    const result = await this.run(['image', 'rm', '--no-prune', reference])
    if (result.exitCode !== 0) throw this.failure(`docker image rm ${reference} failed`, result)
  }

  async tag(source: string, target: string): Promise<void> {
    const result = await this.run(['tag', source, target])
    if (result.exitCode !== 0) throw this.failure(`docker tag ${source} ${target} failed`, result)
  }

  /**
   * Exports an image (by ID: the exact image, whatever its names are now) to a tar at `path`: a docker
   * save archive, an OCI layout too with the containerd image store.
   */
  async save(id: string, path: string, print?: (line: string) => void): Promise<void> {
    const result = await this.run(['save', '--output', path, id], { print })
    if (result.exitCode !== 0) throw this.failure(`docker save ${id} failed`, result)
  }

  /** Pushes one reference and returns the digest that docker reports for it. */
  async push(reference: string): Promise<PushResult> {
    const result = await this.run(['push', reference])
    if (result.exitCode !== 0) throw this.failure(`docker push ${reference} failed`, result)
    const pushed = parsePushDigest(result.stdout)
    if (!pushed) throw new ActionError(`docker push ${reference} succeeded but printed no digest line`)
    return pushed
  }

  /**
   * Runs the CLI with its output collected; unless silent, the command line and every output line are
   * printed through `print` (neutralising): docker relays registry messages, and @actions/exec would print
   * them raw.
   */
  private async run(
    args: string[],
    options: { input?: Buffer; silent?: boolean; print?: (line: string) => void } = {}
  ): Promise<RunResult> {
    const echo = !options.silent
    const print = options.print ?? this.print
    if (echo) print(`[command]${this.command} ${args.join(' ')}`)
    return exec.getExecOutput(this.command, args, {
      ignoreReturnCode: true,
      silent: true,
      input: options.input,
      listeners: echo ? { stdline: line => print(line), errline: line => print(line) } : undefined
    })
  }

  private failure(summary: string, result: RunResult): ActionError {
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n')
    return new ActionError(`${summary} (exit ${result.exitCode}): ${detail}`)
  }
}

/** `<tag>: digest: sha256:<hex> size: <n>`, the last line of a successful `docker push`. */
export function parsePushDigest(output: string): PushResult | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[a-f0-9]{64}) size: (\d+)/g)]
  const last = matches.at(-1)
  if (!last) return undefined
  return { digest: last[1] as string }
}

export function parseInspect(reference: string, output: string): LocalImage {
  const parsed = JSON.parse(output.trim().split('\n')[0] ?? '{}') as {
    Id?: string
    RepoTags?: string[] | null
    RepoDigests?: string[] | null
  }
  if (!parsed.Id) throw new ActionError(`docker image inspect ${reference} returned no image ID`)
  return {
    reference,
    id: parsed.Id,
    repoTags: parsed.RepoTags ?? [],
    repoDigests: parsed.RepoDigests ?? []
  }
}
