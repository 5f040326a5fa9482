// The whole-step cases of the push benchmark (R1-R4, bench/step.ts measures them): real files as a
// docker-save archive and as an OCI layout, a containerd-store archive, one 1 GiB docker-save layer.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { writeDocker29Save } from '../test/fixtures/docker29.js'
import { writeDockerSaveArchive } from '../test/fixtures/images.js'
import { REAL_DIRS, writeRealImage } from './real-image.js'
import type { Context } from './runners.js'
import { caseStepRepush, caseWholeStep, type StepCase, type StepRow } from './step.js'
import { mebibytes, megabytes, progress } from './util.js'

const MiB = 1024 * 1024
const rand = () => randomBytes(4).toString('hex')

/** The whole-step cases asked for (BENCH_CASES: real, real-oci, containerd, big-archive), built and run. */
export async function runStepCases(
  ctx: Context,
  wanted: Set<string>,
  runs: number,
  quick: boolean
): Promise<{ rows: StepRow[]; notes: string[] }> {
  const rows: StepRow[] = []
  const notes: string[] = []
  const cases: StepCase[] = []
  if (wanted.has('real') || wanted.has('real-oci')) {
    progress(`real files: packing ${REAL_DIRS.join(', ')} as a docker-save archive and an OCI layout`)
    const real = await writeRealImage(ctx.work)
    const size = mebibytes(real.bytes)
    notes.push(
      `real files: ${REAL_DIRS.join(' and ')} (one layer each, ${size} uncompressed, ${mebibytes(real.layoutBytes)} gzipped)`
    )
    if (wanted.has('real'))
      cases.push({
        id: 'real',
        name: `R1 docker-save, real files (2 layers, ${size})`,
        source: real.archive,
        peerSource: `docker-archive:${real.archive}`,
        target: 1.0,
        stretch: 0.8,
        pushTarget: 0.8
      })
    if (wanted.has('real-oci'))
      cases.push({
        id: 'real-oci',
        name: `R2 OCI layout, the same files gzipped`,
        source: real.layout,
        peerSource: `oci:${real.layout}`,
        target: 0.9
      })
  }
  if (wanted.has('containerd')) {
    const archive = join(ctx.work, 'containerd.tar')
    const layer = quick ? 4 * MiB : 64 * MiB
    progress(`containerd-store archive: 2 × ${mebibytes(layer)} (compressible, random), gzipped as stored`)
    await writeDocker29Save(archive, 'single', {
      layers: [{ size: layer, compressible: true }, { size: layer }],
      seed: rand()
    })
    cases.push({
      id: 'containerd',
      name: `R3 containerd-store archive (2 × ${mebibytes(layer)}, stored compressed)`,
      source: archive,
      peerSource: `docker-archive:${archive}`,
      target: 0.7
    })
  }
  if (wanted.has('big-archive')) {
    const archive = join(ctx.work, 'big-save.tar')
    const size = quick ? 64 * MiB : 1024 * MiB
    progress(`docker-save archive, one ${mebibytes(size)} random layer (peak RSS with the head start)`)
    await writeDockerSaveArchive(archive, { layers: [{ size }], repoTag: 'bench/big:v1' })
    cases.push({
      id: 'big-archive',
      name: `R4 docker-save, 1 × ${mebibytes(size)} random layer`,
      source: archive,
      peerSource: `docker-archive:${archive}`,
      target: Number.POSITIVE_INFINITY
    })
  }
  for (const c of cases) {
    const measured = await caseWholeStep(ctx, c, runs)
    if (c.id === 'big-archive') {
      rows.push({ ...(measured.rows[0] as StepRow), target: '(informative)', met: undefined })
      const rss = measured.rssBytes
      rows.push({
        name: `${c.name}: peak RSS`,
        ours: megabytes(rss),
        peer: 'skopeo peak RSS',
        peerValue: megabytes(measured.peerRssBytes),
        ratio: rss / measured.peerRssBytes,
        target: '≤ 120 MB',
        met: rss <= 120e6
      })
    } else {
      rows.push(...measured.rows)
      rows.push(await caseStepRepush(ctx, c, measured.repository))
    }
    notes.push(...measured.notes)
  }
  return { rows, notes }
}
