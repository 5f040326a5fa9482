// Push benchmark: our action against skopeo, the bare wire (curl) and docker push, on the local stand-ins
// (scripts/test-env.sh). Prints one markdown table of medians over BENCH_RUNS runs (default 3);
// BENCH_QUICK=1 shrinks the images for a fast dry run; BENCH_CASES=real,save (of real, real-oci,
// containerd, layout, repush, save, push, image, big, big-archive, login) runs some cases only, for a quick
// look while working. Progress goes to stderr. The R cases time the whole step (main + post, bench/step.ts).
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeDockerSaveArchive, writeOciLayout, type LayerSpec } from '../test/fixtures/images.js'
import {
  phaseSummary,
  pushedSize,
  runDockerPush,
  runOurs,
  runSkopeo,
  runWire,
  type Context,
  type OursResult,
  type PeerResult,
  usageSummary
} from './runners.js'
import { caseEngineImage } from './image-case.js'
import { runStepCases } from './step-cases.js'
import { setUpBench } from './setup.js'
import { measureStartup } from './startup.js'
import { BenchError, markdownTable, mebibytes, median, megabytes, progress, ratio, seconds } from './util.js'

const MiB = 1024 * 1024
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const QUICK = process.env.BENCH_QUICK === '1'
const CASES = new Set(
  (
    process.env.BENCH_CASES ?? 'real,real-oci,containerd,layout,repush,save,push,image,big,big-archive,login'
  ).split(',')
)
/** Incompressible layers of cases 1-4, and the single layer of case 6. */
const LAYER = QUICK ? 4 * MiB : 32 * MiB
const BIG = QUICK ? 64 * MiB : 1024 * MiB
const LAYERS = 8
/** Issue 13's targets: peak RSS for a big layer, and ours/peer ratios by kind of layer. */
const RSS_TARGET_BYTES = 120e6
const SAVE_TARGET = { random: 1.0, compressible: 0.8 } as const
const DOCKER_PUSH_TARGET = { random: 0.8, compressible: 0.6 } as const
const WIRE = 'curl POST+PUT ×5, HTTP/1.1'

type Kind = 'random' | 'compressible'
const KINDS: Kind[] = ['random', 'compressible']

interface Row {
  name: string
  ours: string
  peer: string
  peerValue: string
  ratio: number
  target: string
  /** undefined: informative only. */
  met?: boolean
}

const rows: Row[] = []
const notes: string[] = []

const rand = () => randomBytes(4).toString('hex')
const values = <T>(items: T[], pick: (item: T) => number) => median(items.map(pick))

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new BenchError(`BENCH_RUNS must be a positive integer: ${RUNS}`)
  const started = performance.now()
  const { ctx, machineLine } = await setUpBench()
  const header = `${machineLine} **RUNS=${RUNS}**${QUICK ? ' (BENCH_QUICK: small sizes)' : ''}; figures are medians; ours runs with RUNNER_DEBUG=1.`
  const removeWork = () => rmSync(ctx.work, { recursive: true, force: true })
  process.once('SIGINT', () => {
    removeWork()
    process.exit(130)
  })
  try {
    // The whole step (main + post) against a bare skopeo copy, on real files first (issue 26).
    const steps = await runStepCases(ctx, CASES, RUNS, QUICK)
    rows.push(...steps.rows)
    notes.push(...steps.notes)
    if (CASES.has('layout') || CASES.has('repush')) {
      const layout = await caseOciLayout(ctx)
      if (CASES.has('repush')) await caseRepush(ctx, layout)
    }
    if (CASES.has('save')) await caseDockerSave(ctx)
    if (CASES.has('push')) await caseDockerPush(ctx)
    if (CASES.has('image')) {
      for (const kind of KINDS) {
        const measured = await caseEngineImage(ctx, kind, layerSpecs(kind), RUNS)
        rows.push(measured.row)
        notes.push(measured.note)
      }
    }
    if (CASES.has('big')) await caseBigLayer(ctx)
    if (CASES.has('login')) await caseLogin(ctx)
  } finally {
    removeWork()
  }

  const table = markdownTable(
    ['case', 'ours', 'peer', 'peer result', 'ours/peer', 'target', 'met'],
    rows.map(r => [
      r.name,
      r.ours,
      r.peer,
      r.peerValue,
      ratio(r.ratio),
      r.target,
      r.met === undefined ? '—' : r.met ? 'yes' : 'NO'
    ])
  )
  const total = (performance.now() - started) / 1000
  console.log(`${header}\n\n${table}\n\n${notes.map(n => `- ${n}`).join('\n')}`)
  console.log(`- benchmark wall time: ${(total / 60).toFixed(1)} min`)
}

/** Case 1 and 2: an OCI layout vs skopeo, and its blobs vs parallel curl uploads. */
async function caseOciLayout(
  ctx: Context
): Promise<{ dir: string; repository: string; blobs: number; manifests: number }> {
  const dir = join(ctx.work, 'oci')
  const layers: LayerSpec[] = [
    ...Array.from({ length: LAYERS }, () => ({ size: LAYER })),
    { size: 256 * 1024, compressible: true },
    { size: 2 * MiB, compressible: true }
  ]
  progress(
    `case 1: writing an OCI layout, ${LAYERS} × ${mebibytes(LAYER)} random + 2 small text layers (gzip -1)`
  )
  const image = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers }],
    tag: 'v1',
    gzipLevel: 1
  })
  const blobDigests = [...image.configDigests, ...image.layerDigests]
  const wireBlobs = blobDigests.map(digest => ({ digest, path: join(dir, 'blobs/sha256', digest.slice(7)) }))
  const bytes = (await Promise.all(wireBlobs.map(b => stat(b.path)))).reduce((sum, s) => sum + s.size, 0)

  const ours: OursResult[] = []
  const logins: OursResult[] = []
  const skopeo: PeerResult[] = []
  const wire: number[] = []
  const wireH2: number[] = []
  let firstRepository = ''
  for (let n = 1; n <= RUNS; n++) {
    const repository = `bench/oci-${rand()}`
    firstRepository ||= repository
    const result = await runOurs(ctx, `OCI layout, run ${n}`, { source: dir, repository, tags: 'v1' })
    expectDigest(result, image.top.digest, 'OCI layout')
    ours.push(result)
    skopeo.push(await runSkopeo(ctx, `oci, run ${n}`, `oci:${dir}`, `bench/skopeo-${rand()}`))
    wire.push(await runWire(ctx, wireBlobs, `bench/wire-${rand()}`, { http: '1.1' }))
    wireH2.push(await runWire(ctx, wireBlobs, `bench/wire-${rand()}`, { http: '2' }))
    logins.push(await runOurs(ctx, `login only, run ${n}`, { repository: `bench/login-${rand()}` }))
    progress(
      `case 1/2 run ${n}/${RUNS}: ours ${seconds(result.seconds)} (${result.pushLine}), skopeo ${seconds((skopeo.at(-1) as PeerResult).seconds)}, ` +
        `curl ${seconds(wire.at(-1) as number)} (HTTP/2 ${seconds(wireH2.at(-1) as number)}), login-only ${seconds((logins.at(-1) as OursResult).seconds)}`
    )
  }
  const oursTotal = values(ours, r => r.seconds)
  const login = values(logins, r => r.seconds)
  const wireTime = median(wire)
  const skopeoTime = values(skopeo, r => r.seconds)
  const size = `${blobDigests.length} blobs, ${mebibytes(bytes)}`
  rows.push({
    name: `1 OCI layout (${size}) → new repo, whole action`,
    ours: seconds(oursTotal),
    peer: 'skopeo copy oci:',
    peerValue: seconds(skopeoTime),
    ratio: oursTotal / skopeoTime,
    target: '≤ 1.0',
    met: oursTotal / skopeoTime <= 1
  })
  rows.push({
    name: '2a same blobs, ours whole action',
    ours: seconds(oursTotal),
    peer: WIRE,
    peerValue: seconds(wireTime),
    ratio: oursTotal / wireTime,
    target: '(informative)'
  })
  rows.push({
    name: `2b same blobs, ours push only (total − login-only ${seconds(login)})`,
    ours: seconds(oursTotal - login),
    peer: WIRE,
    peerValue: seconds(wireTime),
    ratio: (oursTotal - login) / wireTime,
    target: '≤ 1.1',
    met: (oursTotal - login) / wireTime <= 1.1
  })
  const pushPhase = values(ours, r => r.pushSeconds)
  rows.push({
    name: '2c same blobs, ours push phase as logged',
    ours: seconds(pushPhase),
    peer: WIRE,
    peerValue: seconds(wireTime),
    ratio: pushPhase / wireTime,
    target: '(informative)'
  })
  rows.push({
    name: '2d same blobs, ours push only',
    ours: seconds(oursTotal - login),
    peer: 'curl as 2b but HTTP/2',
    peerValue: seconds(median(wireH2)),
    ratio: (oursTotal - login) / median(wireH2),
    target: '(informative)'
  })
  notes.push(
    `case 1 ours: ${phaseSummary(ours)}; ${usageSummary(ours)} (skopeo ${usageSummary(skopeo)}); ` +
      `requests ${requestSummary(ours[0] as OursResult)}`
  )
  notes.push(`login-only run: ${phaseSummary(logins)}; ${usageSummary(logins)}`)
  return {
    dir,
    repository: firstRepository,
    blobs: blobDigests.length,
    manifests: image.manifestDigests.length + (image.indexDigest ? 1 : 0)
  }
}

/** Case 5: the same layout again into the repository that has it all. */
async function caseRepush(
  ctx: Context,
  layout: { dir: string; repository: string; blobs: number; manifests: number }
): Promise<void> {
  const results: OursResult[] = []
  for (let n = 1; n <= RUNS; n++) {
    const result = await runOurs(ctx, `re-push, run ${n}`, {
      source: layout.dir,
      repository: layout.repository,
      tags: 'v1'
    })
    results.push(result)
    progress(
      `case 5 run ${n}/${RUNS}: ${seconds(result.seconds)}, ${result.requestCount} requests (${requestSummary(result)})`
    )
  }
  const expected = layout.blobs + layout.manifests
  const requests = values(results, r => r.requestCount)
  rows.push({
    name: `5 re-push of case 1 into the same repo (${layout.blobs} blobs present)`,
    ours: seconds(values(results, r => r.seconds)),
    peer: 'registry requests',
    peerValue: `${requests} (${requestSummary(results[0] as OursResult)})`,
    ratio: requests / expected,
    target: `≤ ${expected} requests: ${layout.blobs} blob HEADs + ${layout.manifests} manifest`,
    met: requests <= expected
  })
  notes.push(
    `case 5 ours: ${phaseSummary(results)}; push line: "${results[0]?.pushLine ?? 'none: every tag already held the image'}"`
  )
}

/** Case 3: docker-save archives (all random, all text) vs skopeo copy docker-archive:. */
async function caseDockerSave(ctx: Context): Promise<void> {
  for (const kind of KINDS) {
    const archive = join(ctx.work, `save-${kind}.tar`)
    progress(`case 3 (${kind}): writing a docker-save archive, ${LAYERS} × ${mebibytes(LAYER)}`)
    await writeDockerSaveArchive(archive, { layers: layerSpecs(kind), repoTag: `bench/save-${kind}:v1` })
    const ours: OursResult[] = []
    const skopeo: PeerResult[] = []
    const skopeoRepos: string[] = []
    const oursRepos: string[] = []
    for (let n = 1; n <= RUNS; n++) {
      oursRepos.push(`bench/save-${rand()}`)
      ours.push(
        await runOurs(ctx, `docker-save ${kind}, run ${n}`, {
          source: archive,
          repository: oursRepos.at(-1) as string,
          tags: 'v1'
        })
      )
      skopeoRepos.push(`bench/skopeo-${rand()}`)
      skopeo.push(
        await runSkopeo(
          ctx,
          `docker-archive ${kind}, run ${n}`,
          `docker-archive:${archive}`,
          skopeoRepos.at(-1) as string
        )
      )
      progress(
        `case 3 (${kind}) run ${n}/${RUNS}: ours ${seconds((ours.at(-1) as OursResult).seconds)}, skopeo ${seconds((skopeo.at(-1) as PeerResult).seconds)}`
      )
    }
    const oursTime = values(ours, r => r.seconds)
    const skopeoTime = values(skopeo, r => r.seconds)
    const skopeoSize = await pushedSize(ctx, skopeoRepos[0] as string, 'v1')
    rows.push({
      name: `3${kind === 'random' ? 'a' : 'b'} docker-save ${LAYERS} × ${mebibytes(LAYER)} ${kind} → new repo`,
      ours: seconds(oursTime),
      peer: 'skopeo copy docker-archive:',
      peerValue: seconds(skopeoTime),
      ratio: oursTime / skopeoTime,
      target: `≤ ${SAVE_TARGET[kind]}`,
      met: oursTime / skopeoTime <= SAVE_TARGET[kind]
    })
    await caseArchiveRepush(ctx, archive, oursRepos[0] as string, kind)
    notes.push(
      `case 3 ${kind} ours: ${phaseSummary(ours)}; ${usageSummary(ours)} (skopeo ${usageSummary(skopeo)}); ` +
        `pushed ${(ours[0] as OursResult).pushLine}; skopeo's image is ${mebibytes(skopeoSize)}`
    )
    await rm(archive)
  }
}

/**
 * Case 3c/3d: the archive pushed again into the repository of ours' first run: nothing to compress and
 * nothing to upload; the layers are found through the tag and HEAD-checked.
 */
async function caseArchiveRepush(
  ctx: Context,
  archive: string,
  repository: string,
  kind: Kind
): Promise<void> {
  const again = await runOurs(ctx, `docker-save ${kind} re-push`, { source: archive, repository, tags: 'v1' })
  const uploads = (again.requests.POST ?? 0) + (again.requests.PATCH ?? 0)
  const compressed = again.layers?.compressed ?? Number.NaN
  rows.push({
    name: `3${kind === 'random' ? 'c' : 'd'} re-push of the unchanged ${kind} archive`,
    ours: seconds(again.seconds),
    peer: 'layers compressed / uploads',
    peerValue: `${compressed} / ${uploads} (${requestSummary(again)})`,
    ratio: Number.NaN,
    target: 'compresses nothing, uploads nothing',
    met: compressed === 0 && uploads === 0
  })
  notes.push(
    `case 3 ${kind} re-push: CPU ${again.cpuSeconds.toFixed(2)} s, peak RSS ${megabytes(again.rssKiB * 1024)}`
  )
}

/** Case 7: start-up, login only and login + an existing repository, against amazon-ecr-login's stand-in. */
async function caseLogin(ctx: Context): Promise<void> {
  const repository = `bench/login-${rand()}`
  await runOurs(ctx, 'create the repository for case 7', { repository })
  const { rows: measured, milestones } = await measureStartup(ctx, Math.max(RUNS, 5), repository, progress)
  for (const row of measured) {
    rows.push({
      name: `7 ${row.name}, whole action`,
      ours: seconds(row.ours),
      peer: 'amazon-ecr-login (stand-in, see bench/peers)',
      peerValue: seconds(row.peer),
      ratio: row.ours / row.peer,
      target: '≤ 1.0',
      met: row.ours <= row.peer
    })
  }
  notes.push(milestones)
}

/** Case 4: a fresh docker-save archive per run, pushed by us and by docker push from the engine. */
async function caseDockerPush(ctx: Context): Promise<void> {
  for (const kind of KINDS) {
    const ours: OursResult[] = []
    const docker: number[] = []
    let dockerSize = 0
    for (let n = 1; n <= RUNS; n++) {
      // New random data every run: the engine remembers what it pushed and would skip or mount it.
      const archive = join(ctx.work, `docker-${kind}.tar`)
      const ref = `bench/docker-src-${rand()}:v1`
      await writeDockerSaveArchive(archive, { layers: layerSpecs(kind), repoTag: ref })
      ours.push(
        await runOurs(ctx, `docker-save for docker push ${kind}, run ${n}`, {
          source: archive,
          repository: `bench/dsave-${rand()}`,
          tags: 'v1'
        })
      )
      const repository = `bench/docker-${rand()}`
      docker.push((await runDockerPush(ctx, archive, ref, repository)).seconds)
      if (n === 1) dockerSize = await pushedSize(ctx, repository, 'v1')
      await rm(archive)
      progress(
        `case 4 (${kind}) run ${n}/${RUNS}: ours ${seconds((ours.at(-1) as OursResult).seconds)}, docker push ${seconds(docker.at(-1) as number)}`
      )
    }
    const oursTime = values(ours, r => r.seconds)
    rows.push({
      name: `4${kind === 'random' ? 'a' : 'b'} docker-save ${LAYERS} × ${mebibytes(LAYER)} ${kind} (new each run)`,
      ours: seconds(oursTime),
      peer: 'docker push (engine 20.10, vfs)',
      peerValue: seconds(median(docker)),
      ratio: oursTime / median(docker),
      target: `≤ ${DOCKER_PUSH_TARGET[kind]}`,
      met: oursTime / median(docker) <= DOCKER_PUSH_TARGET[kind]
    })
    notes.push(
      `case 4 ${kind} ours: ${phaseSummary(ours)}; ${usageSummary(ours)}; docker's image is ${mebibytes(dockerSize)}`
    )
  }
}

/** Case 6: one big incompressible layer, at two sizes: peak RSS (flat in the size) and wall time vs skopeo. */
async function caseBigLayer(ctx: Context): Promise<void> {
  for (const size of [BIG / 4, BIG]) await caseBigLayerOf(ctx, size)
}

async function caseBigLayerOf(ctx: Context, BIG: number): Promise<void> {
  const dir = join(ctx.work, 'big')
  progress(`case 6: writing an OCI layout with one ${mebibytes(BIG)} random layer (gzip -1)`)
  const image = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: BIG }] }],
    tag: 'v1',
    gzipLevel: 1
  })
  const ours: OursResult[] = []
  const skopeo: PeerResult[] = []
  for (let n = 1; n <= RUNS; n++) {
    const result = await runOurs(ctx, `big layer, run ${n}`, {
      source: dir,
      repository: `bench/big-${rand()}`,
      tags: 'v1'
    })
    expectDigest(result, image.top.digest, 'big layer')
    ours.push(result)
    skopeo.push(await runSkopeo(ctx, `big layer, run ${n}`, `oci:${dir}`, `bench/skopeo-big-${rand()}`))
    progress(
      `case 6 run ${n}/${RUNS}: ours ${seconds(result.seconds)} ${megabytes(result.rssKiB * 1024)}, ` +
        `skopeo ${seconds((skopeo.at(-1) as PeerResult).seconds)} ${megabytes((skopeo.at(-1) as PeerResult).rssKiB * 1024)}`
    )
  }
  const name = `6 OCI layout, 1 × ${mebibytes(BIG)} random layer (gzip -1)`
  const oursTime = values(ours, r => r.seconds)
  const skopeoTime = values(skopeo, r => r.seconds)
  rows.push({
    name: `${name}: wall time`,
    ours: seconds(oursTime),
    peer: 'skopeo copy oci:',
    peerValue: seconds(skopeoTime),
    ratio: oursTime / skopeoTime,
    target: '(informative)'
  })
  const rss = values(ours, r => r.rssKiB * 1024)
  const skopeoRss = values(skopeo, r => r.rssKiB * 1024)
  rows.push({
    name: `${name}: peak RSS`,
    ours: megabytes(rss),
    peer: 'skopeo peak RSS',
    peerValue: megabytes(skopeoRss),
    ratio: rss / skopeoRss,
    target: `≤ ${megabytes(RSS_TARGET_BYTES)}`,
    met: rss <= RSS_TARGET_BYTES
  })
  notes.push(
    `case 6 ours: ${phaseSummary(ours)}; ${usageSummary(ours)} (skopeo ${usageSummary(skopeo)}); ` +
      `peak RSS per run ${ours.map(r => megabytes(r.rssKiB * 1024)).join(', ')}`
  )
  await rm(dir, { recursive: true })
}

function layerSpecs(kind: Kind): LayerSpec[] {
  return Array.from({ length: LAYERS }, () => ({ size: LAYER, compressible: kind === 'compressible' }))
}

function expectDigest(result: OursResult, digest: string, label: string): void {
  if (result.digest !== digest) {
    throw new BenchError(
      `ours (${label}): image-digest output is ${result.digest}, the layout's is ${digest}`
    )
  }
}

function requestSummary(result: OursResult): string {
  return Object.entries(result.requests)
    .map(([method, count]) => `${count} ${method}`)
    .join(' + ')
}

main().catch((error: unknown) => {
  console.error(
    `\n[bench] FAILED: ${error instanceof BenchError ? error.message : ((error as Error).stack ?? String(error))}`
  )
  process.exit(1)
})
