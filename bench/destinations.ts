// Delivery to several registries in one step (issue 14): one ~250 MiB OCI layout into three registries
// of the test environment (us-east-1, and the two further regions test-env.sh runs), ours as one step with
// `destinations` against three `skopeo copy` runs one after the other and three at once. Every run goes
// to fresh repositories; skopeo's blob cache is emptied before each of its runs. BENCH_RUNS (default 3),
// BENCH_QUICK=1 for small layers. Prints one markdown table; progress goes to stderr.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { writeOciLayout } from '../test/fixtures/images.js'
import { runOurs, runSkopeo, runWire, type Context, type OursResult } from './runners.js'
import { required, setUpBench } from './setup.js'
import { BenchError, markdownTable, median, mebibytes, progress, ratio, seconds } from './util.js'

const MiB = 1024 * 1024
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const QUICK = process.env.BENCH_QUICK === '1'
const LAYER = QUICK ? 4 * MiB : 31 * MiB
const LAYERS = 8
/** Issue 14's targets: ours against the sequential skopeo copies, and against the parallel ones. */
const TARGET = { sequential: 0.5, parallel: 1.0 } as const

const rand = () => randomBytes(4).toString('hex')

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new BenchError(`BENCH_RUNS must be a positive integer: ${RUNS}`)
  const { ctx, testEnv, machineLine } = await setUpBench()
  const registries = [
    ctx.registry,
    required(testEnv, 'ECR_TEST_REGISTRY2'),
    required(testEnv, 'ECR_TEST_REGISTRY3')
  ]
  const regions = [required(testEnv, 'ECR_TEST_REGION2'), required(testEnv, 'ECR_TEST_REGION3')]
  try {
    const dir = join(ctx.work, 'layout')
    progress(`writing an OCI layout, ${LAYERS} × ${mebibytes(LAYER)} random layers`)
    const layout = await writeOciLayout(dir, {
      platforms: [
        {
          os: 'linux',
          architecture: 'amd64',
          layers: Array.from({ length: LAYERS }, () => ({ size: LAYER }))
        }
      ],
      seed: `destinations-${rand()}`
    })
    const wireBlobs = [...layout.configDigests, ...layout.layerDigests].map(digest => ({
      digest,
      path: join(dir, 'blobs/sha256', digest.slice(7))
    }))
    const ours: OursResult[] = []
    const sequential: number[] = []
    const parallel: number[] = []
    const wire: number[] = []
    for (let n = 1; n <= RUNS; n++) {
      const repository = `bench/dest-${rand()}`
      const result = await runOurs(ctx, `destinations, run ${n}`, {
        source: dir,
        repository,
        tags: 'v1',
        destinations: regions.join('\n')
      })
      if (result.digest !== layout.top.digest)
        throw new BenchError(`ours pushed ${result.digest}, not ${layout.top.digest}`)
      ours.push(result)
      const started = performance.now()
      for (const registry of registries)
        await runSkopeo({ ...ctx, registry }, `sequential, run ${n}`, `oci:${dir}`, `bench/seq-${rand()}`)
      sequential.push((performance.now() - started) / 1000)
      const startedParallel = performance.now()
      await Promise.all(
        registries.map(async registry => {
          const work: Context = { ...ctx, registry, work: await mkdtemp(join(ctx.work, 'skopeo-')) }
          await runSkopeo(work, `parallel, run ${n}`, `oci:${dir}`, `bench/par-${rand()}`)
        })
      )
      parallel.push((performance.now() - startedParallel) / 1000)
      // The bare wire into all three at once (curl, 5 uploads per registry): what the stand-ins allow.
      const startedWire = performance.now()
      await Promise.all(
        registries.map(registry =>
          runWire({ ...ctx, registry }, wireBlobs, `bench/wire-${rand()}`, { http: '1.1' })
        )
      )
      wire.push((performance.now() - startedWire) / 1000)
      progress(
        `run ${n}/${RUNS}: ours ${seconds(result.seconds)}, skopeo ×3 sequential ${seconds(sequential.at(-1) as number)}, ` +
          `parallel ${seconds(parallel.at(-1) as number)}, curl ×3 at once ${seconds(wire.at(-1) as number)}`
      )
    }
    const oursTime = median(ours.map(r => r.seconds))
    const rows: [string, number[], number | undefined][] = [
      ['3 skopeo copy oci: one after the other', sequential, TARGET.sequential],
      ['3 skopeo copy oci: at once', parallel, TARGET.parallel],
      ['curl POST+PUT into the 3 at once, 5 per registry', wire, undefined]
    ]
    const table = markdownTable(
      ['case', 'ours (one step)', 'peer', 'peer time', 'ours/peer', 'target', 'met'],
      rows.map(([peer, times, target]) => {
        const value = oursTime / median(times)
        return [
          `${mebibytes(LAYER * LAYERS)} OCI layout → 3 registries`,
          seconds(oursTime),
          peer,
          seconds(median(times)),
          ratio(value),
          target === undefined ? '(informative)' : `≤ ${target}`,
          target === undefined ? '—' : value <= target ? 'yes' : 'NO'
        ]
      })
    )
    const header = `${machineLine} **RUNS=${RUNS}**${QUICK ? ' (BENCH_QUICK: small sizes)' : ''}; figures are medians.`
    const cpu = median(ours.map(r => r.cpuSeconds)).toFixed(2)
    const rss = (median(ours.map(r => r.rssKiB)) / 1024).toFixed(0)
    console.log(
      `${header}\n\n${table}\n\n- ours: CPU ${cpu} s, peak RSS ${rss} MiB; push line: "${ours[0]?.pushLine}"`
    )
  } finally {
    rmSync(ctx.work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(
    `\n[bench] FAILED: ${error instanceof BenchError ? error.message : ((error as Error).stack ?? String(error))}`
  )
  process.exit(1)
})
