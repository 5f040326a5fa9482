// The whole deliver step against a bare skopeo copy (issue 26): ours is main + post as the runner runs them,
// skopeo the copy alone; both measured in the same alternated runs, with the time to the first upload
// request the registry receives, and ours broken down (bundle load, API calls, push, verify, post).
import { randomBytes } from 'node:crypto'
import {
  REQUEST_LINE,
  runOurs,
  runSkopeo,
  usageSummary,
  type Context,
  type OursResult,
  type PeerResult
} from './runners.js'
import { median, progress, seconds, type Line } from './util.js'

const rand = () => randomBytes(4).toString('hex')

/** One source delivered by both: what ours is given, and what skopeo copies from. */
export interface StepCase {
  id: string
  name: string
  /** Ours: the `source` input. */
  source: string
  /** skopeo's source transport (`docker-archive:…`, `oci:…`). */
  peerSource: string
  /** The whole step's target (ours/skopeo), and the push phase's when the issue sets one. */
  target: number
  stretch?: number
  pushTarget?: number
}

export interface StepRow {
  name: string
  ours: string
  peer: string
  peerValue: string
  ratio: number
  target: string
  met?: boolean
}

/** Ours, where its time goes (seconds): each from the log's arrival times, post timed apart. */
export interface Breakdown {
  /** Process start to the bundle evaluated (the `loaded` mark). */
  bundle: number
  /** Bundle loaded to the push group: the payload read, API calls (credentials, ensure), tags read. */
  api: number
  /** The push group up to its first manifest PUT: blobs uploaded (compressed on the way). */
  push: number
  /** First manifest PUT to the group's end: tags put and read back. */
  verify: number
  /** The group's end to the process's: outputs, summary, docker login's group, exit. */
  finish: number
  post: number
}

/** When the registry saw the first upload of a repository (POST, PATCH or PUT of a blob), polled. */
function watchFirstUpload(ctx: Context, repository: string): { stop: () => Promise<number> } {
  const started = performance.now()
  let first = Number.NaN
  let running = true
  const front = ctx.env.ECR_TEST_FRONT_URL
  const poll = (async () => {
    while (running && Number.isNaN(first)) {
      const response = await fetch(`${front}/_front/requests?repository=${encodeURIComponent(repository)}`)
      const seen = (await response.json()) as { method: string; kind: string }[]
      if (seen.some(r => r.kind === 'upload' && r.method !== 'POST'))
        first = (performance.now() - started) / 1000
      else await new Promise(resolve => setTimeout(resolve, 10))
    }
  })()
  return {
    stop: async () => {
      running = false
      await poll
      return first
    }
  }
}

function breakdownOf(result: OursResult): Breakdown {
  const lines: Line[] = result.lines
  const find = (test: (text: string) => boolean, from = 0) =>
    lines.findIndex((l, n) => n >= from && test(l.text))
  const push = find(t => t.startsWith('::group::Push to'))
  const tagPut = find(t => REQUEST_LINE.test(t) && / PUT \S+\/manifests\//.test(t), Math.max(push, 0))
  const pushEnd = find(t => t === '::endgroup::', Math.max(tagPut, push, 0))
  const at = (i: number) => (i < 0 ? Number.NaN : (lines[i] as Line).at)
  const bundle = (result.startup.loaded ?? Number.NaN) / 1000
  return {
    bundle,
    api: at(push) - bundle,
    push: at(tagPut) - at(push),
    verify: at(pushEnd) - at(tagPut),
    finish: result.seconds - at(pushEnd),
    post: result.postSeconds ?? Number.NaN
  }
}

const whole = (r: OursResult) => r.seconds + (r.postSeconds ?? 0)

/** `runs` alternated runs of ours (main + post) and skopeo, each into a new repository. */
export async function caseWholeStep(
  ctx: Context,
  c: StepCase,
  runs: number
): Promise<{ rows: StepRow[]; notes: string[]; repository: string; rssBytes: number; peerRssBytes: number }> {
  const ours: (OursResult & { firstUpload: number })[] = []
  const skopeo: (PeerResult & { firstUpload: number })[] = []
  let firstRepository = ''
  for (let n = 1; n <= runs; n++) {
    const repository = `bench/step-${c.id}-${rand()}`
    firstRepository ||= repository
    const watch = watchFirstUpload(ctx, repository)
    const result = await runOurs(
      ctx,
      `${c.id}, run ${n}`,
      { source: c.source, repository, tags: 'v1' },
      undefined,
      true
    )
    ours.push({ ...result, firstUpload: await watch.stop() })
    const peerRepository = `bench/skopeo-${c.id}-${rand()}`
    const peerWatch = watchFirstUpload(ctx, peerRepository)
    const peer = await runSkopeo(ctx, `${c.id}, run ${n}`, c.peerSource, peerRepository)
    skopeo.push({ ...peer, firstUpload: await peerWatch.stop() })
    progress(
      `${c.id} run ${n}/${runs}: ours ${seconds(whole(result))} (main ${seconds(result.seconds)} + post ${seconds(result.postSeconds ?? NaN)}), skopeo ${seconds(peer.seconds)}`
    )
  }
  const oursWhole = median(ours.map(whole))
  const skopeoTime = median(skopeo.map(r => r.seconds))
  const parts = ours.map(breakdownOf)
  const part = (key: keyof Breakdown) => median(parts.map(p => p[key]))
  const pushPhase = median(parts.map(p => p.push + p.verify))
  const rows: StepRow[] = [
    {
      name: `${c.name}: whole step (main + post)`,
      ours: seconds(oursWhole),
      peer: `skopeo copy ${c.peerSource.split(':')[0]}:`,
      peerValue: seconds(skopeoTime),
      ratio: oursWhole / skopeoTime,
      target: `≤ ${c.target}${c.stretch ? ` (stretch ${c.stretch})` : ''}`,
      met: oursWhole / skopeoTime <= c.target
    },
    {
      name: `${c.name}: push phase (uploads, tags, read-back)`,
      ours: seconds(pushPhase),
      peer: `skopeo copy ${c.peerSource.split(':')[0]}: (whole)`,
      peerValue: seconds(skopeoTime),
      ratio: pushPhase / skopeoTime,
      target: c.pushTarget ? `≤ ${c.pushTarget}` : '(informative)',
      ...(c.pushTarget ? { met: pushPhase / skopeoTime <= c.pushTarget } : {})
    },
    {
      name: `${c.name}: first upload request at`,
      ours: seconds(median(ours.map(r => r.firstUpload))),
      peer: 'skopeo',
      peerValue: seconds(median(skopeo.map(r => r.firstUpload))),
      ratio: median(ours.map(r => r.firstUpload)) / median(skopeo.map(r => r.firstUpload)),
      target: '(informative)'
    }
  ]
  const notes = [
    `${c.id} ours, where the step's time goes (medians, s): bundle load ${part('bundle').toFixed(2)}, ` +
      `payload + API calls until the push ${part('api').toFixed(2)}, uploads ${part('push').toFixed(2)}, ` +
      `tags put + read back ${part('verify').toFixed(2)}, outputs + summary + docker login's group + exit ` +
      `${part('finish').toFixed(2)}, post ${part('post').toFixed(2)}; ${usageSummary(ours)} ` +
      `(skopeo ${usageSummary(skopeo)}); whole-step runs ${ours.map(r => whole(r).toFixed(2)).join(', ')}, ` +
      `skopeo runs ${skopeo.map(r => r.seconds.toFixed(2)).join(', ')}`
  ]
  return {
    rows,
    notes,
    repository: firstRepository,
    rssBytes: median(ours.map(r => r.rssKiB * 1024)),
    peerRssBytes: median(skopeo.map(r => r.rssKiB * 1024))
  }
}

/**
 * The same source again into the repository of ours' first run: one manifest request per tag, and how
 * much was compressed (the layer line) and uploaded.
 */
export async function caseStepRepush(ctx: Context, c: StepCase, repository: string): Promise<StepRow> {
  const again = await runOurs(
    ctx,
    `${c.id} re-push`,
    { source: c.source, repository, tags: 'v1' },
    undefined,
    true
  )
  const manifestReads = again.lines.filter(l =>
    /^::debug::registry: (GET|HEAD) \S+\/manifests\//.test(l.text)
  ).length
  const uploads = (again.requests.POST ?? 0) + (again.requests.PATCH ?? 0)
  const compressed = again.layers?.compressed ?? 0
  return {
    name: `${c.name}: unchanged re-run`,
    ours: seconds(whole(again)),
    peer: 'manifest reads / layers compressed / uploads',
    peerValue: `${manifestReads} / ${compressed} / ${uploads} (${Object.entries(again.requests)
      .map(([m, k]) => `${k} ${m}`)
      .join(' + ')})`,
    ratio: Number.NaN,
    target: '1 read per tag, nothing compressed or uploaded',
    met: manifestReads === 1 && compressed === 0 && uploads === 0
  }
}
