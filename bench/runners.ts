// The pushers under comparison: our action (as the runner starts it), skopeo, curl (the bare wire) and
// docker push. Each returns its wall time and aborts the benchmark on failure.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { ACTION_NODE } from '../test/fixtures/action-node.js'
import { createPeerRepository } from './peer-repository.js'
import { BenchError, failure, median, megabytes, mustRun, run, tail, type Line } from './util.js'

export const ROOT = resolve(import.meta.dirname, '..')
const ACTION = join(ROOT, 'dist', 'deliver', 'index.js')
const POST = join(ROOT, 'dist', 'deliver', 'post.js')

/** What every runner needs: the test environment and a scratch directory. */
export interface Context {
  env: NodeJS.ProcessEnv
  registry: string
  username: string
  password: string
  ca: string
  work: string
}

export const PHASES = ['startup', 'read', 'login', 'ensure', 'push', 'finish'] as const
export type Phases = Record<(typeof PHASES)[number], number>

/** Peak RSS and CPU time (user + system) of a process, from /usr/bin/time. */
export interface Usage {
  rssKiB: number
  cpuSeconds: number
}

export interface OursResult extends Usage {
  seconds: number
  digest: string | undefined
  /** Registry requests by method, from the `::debug::registry:` lines. */
  requests: Record<string, number>
  requestCount: number
  phases: Phases
  /** The push summary line ("N blobs: … sent in S s"), when there was one. */
  pushLine: string | undefined
  /** Seconds the action itself reports for the push phase. */
  pushSeconds: number
  /** An archive push's layers: compressed and uploaded, and reused from the registry. */
  layers?: { compressed: number; reused: number }
  /** Start-up milestones in ms since the process began (`loaded`, `set up`, `logged in`). */
  startup: Record<string, number>
  /** The main step's log lines with their arrival times. */
  lines: Line[]
  /** The post step's wall time (docker logout), when it was run (`withPost`). */
  postSeconds?: number
}

/**
 * The lines of the action's log the benchmark reads, held to the action by a unit test
 * (__tests__/bench-contract.test.ts): the debug line per registry request (step debug on), and the
 * push summary line.
 */
export const REQUEST_LINE = /^::debug::registry: (\S+) /
export const PUSH_LINE = /^\d+ blobs: .* sent in ([\d.]+) s$/
/** An archive push's layers: how many were compressed and uploaded, how many the registry had. */
export const LAYERS_LINE = /^(\d+) layers: (\d+) compressed and uploaded, (\d+) the registry has$/
/** Start-up milestones (`loaded`, `set up`, `logged in`), in ms since the process began. */
export const STARTUP_LINE = /^::debug::start-up: (.+) at (\d+) ms$/

/**
 * Runs dist/deliver/index.js the way the runner does: inputs as INPUT_* variables, fresh GITHUB_* files
 * and DOCKER_CONFIG, step debug on (one extra log line per registry request), under /usr/bin/time for
 * the peak RSS.
 */
export async function runOurs(
  ctx: Context,
  label: string,
  inputs: Record<string, string>,
  /** Another bundled action to run the same way (the login peer of bench/startup.ts). */
  entry = ACTION,
  /** Runs the post step after the main one, as the runner does at the end of the job (timed apart). */
  withPost = false
): Promise<OursResult> {
  const dir = await mkdtemp(join(ctx.work, 'action-'))
  try {
    const files = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary')
    }
    for (const file of Object.values(files)) await writeFile(file, '')
    await mkdir(join(dir, 'docker-config'))
    await mkdir(join(dir, 'runner-temp'))
    const defaults = {
      'create-repository': 'true',
      'max-concurrency': '5',
      'skip-logout': 'false',
      'mask-password': 'true'
    }
    const env: NodeJS.ProcessEnv = {
      ...ctx.env,
      ...files,
      DOCKER_CONFIG: join(dir, 'docker-config'),
      RUNNER_TEMP: join(dir, 'runner-temp'),
      RUNNER_DEBUG: '1',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
    }
    for (const [name, value] of Object.entries({ ...defaults, ...inputs })) {
      env[`INPUT_${name.toUpperCase()}`] = value
    }
    const usageFile = join(dir, 'usage')
    const result = await run(...underTime(usageFile, ACTION_NODE, [entry]), { env, cwd: ROOT })
    if (result.code !== 0) throw failure(`ours (${label})`, result)
    const output = await readFile(files.GITHUB_OUTPUT, 'utf8')
    const digest = /^image-digest<<(.+)\n(.*)\n\1$/m.exec(output)?.[2]
    if (inputs.source && !digest?.startsWith('sha256:')) {
      throw new BenchError(`ours (${label}): exit code 0 but no image-digest output\n${tail(result.stdout)}`)
    }
    const requests: Record<string, number> = {}
    for (const { text } of result.lines) {
      const method = REQUEST_LINE.exec(text)?.[1]
      if (method) requests[method] = (requests[method] ?? 0) + 1
    }
    const texts = result.lines.map(l => l.text)
    const pushLine = texts.find(t => PUSH_LINE.test(t))
    const layers = texts.map(t => LAYERS_LINE.exec(t)).find(Boolean)
    const startup = Object.fromEntries(
      texts.flatMap(t => {
        const mark = STARTUP_LINE.exec(t)
        return mark ? [[mark[1] as string, Number(mark[2])]] : []
      })
    )
    const postSeconds = withPost ? await runPost(env, files.GITHUB_STATE, label) : undefined
    return {
      seconds: result.seconds,
      ...(await readUsage(usageFile)),
      lines: result.lines,
      postSeconds,
      digest,
      requests,
      requestCount: Object.values(requests).reduce((a, b) => a + b, 0),
      phases: phasesOf(result.lines, result.seconds),
      pushLine,
      pushSeconds: Number(PUSH_LINE.exec(pushLine ?? '')?.[1] ?? Number.NaN),
      ...(layers ? { layers: { compressed: Number(layers[2]), reused: Number(layers[3]) } } : {}),
      startup
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The post step as the runner starts it: the main step's saved state as STATE_* variables. */
async function runPost(env: NodeJS.ProcessEnv, stateFile: string, label: string): Promise<number> {
  const state: NodeJS.ProcessEnv = {}
  for (const match of (await readFile(stateFile, 'utf8')).matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    state[`STATE_${match[1]}`] = match[3]
  }
  const result = await run(ACTION_NODE, [POST], { env: { ...env, ...state }, cwd: ROOT })
  if (result.code !== 0) throw failure(`ours post (${label})`, result)
  return result.seconds
}

/** Splits the action's wall time at its log groups (by when each line arrived). */
function phasesOf(lines: Line[], end: number): Phases {
  const at = (prefix: string, from = 0) => {
    const i = lines.findIndex((l, n) => n >= from && l.text.startsWith(prefix))
    return i < 0 ? undefined : { i, at: (lines[i] as Line).at }
  }
  const read = at('::group::Read ')
  const login = at('::group::Log in to Amazon ECR')
  const ensure = at('::group::Ensure repository')
  const push = at('::group::Push to')
  const pushEnd = push && at('::endgroup::', push.i)
  const span = (a?: { at: number }, b?: { at: number }) => (a && b ? b.at - a.at : Number.NaN)
  const first = read ?? login
  const last = pushEnd ?? ensure
  return {
    startup: first ? first.at : Number.NaN,
    read: span(read, login),
    login: span(login, ensure),
    ensure: span(ensure, push ?? { at: end }),
    push: span(push, pushEnd),
    finish: last ? end - last.at : Number.NaN
  }
}

export interface PeerResult extends Usage {
  seconds: number
}

/**
 * skopeo copy into a fresh repository. Its blob-info cache is emptied first: it would otherwise mount
 * blobs it pushed to earlier repositories instead of sending them.
 */
export async function runSkopeo(
  ctx: Context,
  label: string,
  source: string,
  repository: string
): Promise<PeerResult> {
  for (const dir of ['/var/lib/containers/cache', join(homedir(), '.local/share/containers/cache')]) {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names.filter(n => n.startsWith('blob-info-cache-v1.'))) await rm(join(dir, name))
  }
  await createPeerRepository(ctx, repository)
  const usageFile = join(ctx.work, 'skopeo.usage')
  const destination = `docker://${ctx.registry}/${repository}:v1`
  const args = ['copy', '--quiet', '--dest-creds', credentials(ctx), source, destination]
  const result = await mustRun(`skopeo (${label})`, ...underTime(usageFile, 'skopeo', args), { env: ctx.env })
  return { seconds: result.seconds, ...(await readUsage(usageFile)) }
}

export interface WireBlob {
  digest: string
  path: string
}

/**
 * The bare wire: each blob as one POST + one monolithic PUT by curl, `concurrency` blobs at once, into a
 * fresh repository. Only the uploads are timed. curl negotiates HTTP/2 with the registry unless told
 * `http: '1.1'` (what Node's fetch speaks); the registry's HTTP/2 flow control is the slower of the two.
 */
export async function runWire(
  ctx: Context,
  blobs: WireBlob[],
  repository: string,
  options: { http: '1.1' | '2'; concurrency?: number }
): Promise<number> {
  const base = `https://${ctx.registry}`
  const common = [
    '-sS',
    options.http === '1.1' ? '--http1.1' : '--http2',
    '--cacert',
    ctx.ca,
    '-u',
    credentials(ctx)
  ]
  const concurrency = options.concurrency ?? 5
  await createPeerRepository(ctx, repository)
  const upload = async (blob: WireBlob) => {
    const post = await mustRun('curl POST', 'curl', [
      ...common,
      '-X',
      'POST',
      '-D',
      '-',
      '-o',
      '/dev/null',
      `${base}/v2/${repository}/blobs/uploads/`
    ])
    const status = /^HTTP\/\S+ (\d+)/.exec(post.stdout)?.[1]
    const location = /^location:\s*(\S+)/im.exec(post.stdout)?.[1]
    if (status !== '202' || !location) throw new BenchError(`curl POST: status ${status}\n${post.stdout}`)
    const url = new URL(location, base)
    url.searchParams.set('digest', blob.digest)
    const put = await mustRun('curl PUT', 'curl', [
      ...common,
      '-X',
      'PUT',
      '--data-binary',
      `@${blob.path}`,
      '-H',
      'Content-Type: application/octet-stream',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      url.href
    ])
    if (put.stdout.trim() !== '201') throw new BenchError(`curl PUT ${blob.digest}: status ${put.stdout}`)
  }
  const queue = [...blobs]
  const started = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let blob = queue.shift(); blob; blob = queue.shift()) await upload(blob)
    })
  )
  return (performance.now() - started) / 1000
}

/**
 * docker push of a docker-save archive: loaded into the test engine, tagged into a fresh repository and
 * pushed with a fresh login; only the push is timed. The image is removed afterwards, so the engine never
 * pushes the same layers twice (it would mount or skip them). `archiveRef` is the archive's repo:tag.
 */
export async function runDockerPush(
  ctx: Context,
  archive: string,
  archiveRef: string,
  repository: string
): Promise<PeerResult> {
  const target = `${ctx.registry}/${repository}:v1`
  await createPeerRepository(ctx, repository)
  const config = await mkdtemp(join(ctx.work, 'docker-config-'))
  const env = { ...ctx.env, DOCKER_CONFIG: config }
  try {
    await mustRun('docker load', 'docker', ['load', '-q', '-i', archive], { env })
    await mustRun('docker tag', 'docker', ['tag', archiveRef, target], { env })
    await mustRun('docker login', 'docker', ['login', '-u', ctx.username, '--password-stdin', ctx.registry], {
      env,
      input: ctx.password
    })
    const push = await mustRun(`docker push ${target}`, 'docker', ['push', target], { env })
    // The work happens in dockerd: the CLI's own usage says nothing.
    return { seconds: push.seconds, rssKiB: Number.NaN, cpuSeconds: Number.NaN }
  } finally {
    const removed = await run('docker', ['rmi', '-f', target, archiveRef], { env })
    if (removed.code !== 0) console.error(`[bench] warning: docker rmi failed: ${removed.stderr.trim()}`)
    await rm(config, { recursive: true, force: true })
  }
}

/** Bytes a pushed image takes in the registry (config + layers), from its manifest. */
export async function pushedSize(ctx: Context, repository: string, reference: string): Promise<number> {
  const accept = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
  ].join(', ')
  const got = await mustRun('curl GET manifest', 'curl', [
    '-sS',
    '--fail',
    '--cacert',
    ctx.ca,
    '-u',
    credentials(ctx),
    '-H',
    `Accept: ${accept}`,
    `https://${ctx.registry}/v2/${repository}/manifests/${reference}`
  ])
  const manifest = JSON.parse(got.stdout) as { config: { size: number }; layers: { size: number }[] }
  return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
}

/** The command line running `command` under /usr/bin/time, which writes the usage to `file`. */
function underTime(file: string, command: string, args: string[]): [string, string[]] {
  return ['/usr/bin/time', ['-f', '%M %U %S', '-o', file, command, ...args]]
}

async function readUsage(file: string): Promise<Usage> {
  // A failed command gets a "Command exited with non-zero status" line first.
  const last = (await readFile(file, 'utf8')).trim().split('\n').pop() ?? ''
  const [rss, user, system] = last.split(' ').map(Number)
  return { rssKiB: rss ?? Number.NaN, cpuSeconds: (user ?? Number.NaN) + (system ?? Number.NaN) }
}

function credentials(ctx: Context): string {
  return `${ctx.username}:${ctx.password}`
}

/** Median seconds per phase of the action's log, e.g. "phases startup 0.15, read 0.02, …". */
export function phaseSummary(results: OursResult[]): string {
  const timed = PHASES.map(
    phase => [phase, median(results.map(r => r.phases[phase as keyof Phases]))] as const
  )
  return `phases ${timed
    .filter(([, value]) => Number.isFinite(value))
    .map(([phase, value]) => `${phase} ${value.toFixed(2)}`)
    .join(', ')}`
}

/** Median CPU time and peak RSS. */
export function usageSummary(results: Usage[]): string {
  const cpu = median(results.map(r => r.cpuSeconds))
  return `CPU ${cpu.toFixed(2)} s, peak RSS ${megabytes(median(results.map(r => r.rssKiB * 1024)))}`
}
