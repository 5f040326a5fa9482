// Case 8 of the push benchmark: `image:` against docker push of the same image in the engine.
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeDockerSaveArchive, type LayerSpec } from '../test/fixtures/images.js'
import {
  phaseSummary,
  runDockerPush,
  runOurs,
  usageSummary,
  type Context,
  type OursResult
} from './runners.js'
import { mebibytes, median, mustRun, progress, seconds } from './util.js'

const rand = () => randomBytes(4).toString('hex')

/**
 * The same image in the engine, delivered by `image:` (exported by ID with docker save into RUNNER_TEMP,
 * compressed and pushed daemonless: the whole step) and by docker push. New data every run, ours first:
 * our run leaves nothing in the engine that docker push could reuse.
 */
export async function caseEngineImage(
  ctx: Context,
  kind: 'random' | 'compressible',
  layers: LayerSpec[],
  runs: number
) {
  const ours: OursResult[] = []
  const docker: number[] = []
  for (let n = 1; n <= runs; n++) {
    const archive = join(ctx.work, `image-${kind}.tar`)
    const ref = `bench/image-src-${rand()}:v1`
    await writeDockerSaveArchive(archive, { layers, repoTag: ref })
    await mustRun('docker load', 'docker', ['load', '-q', '-i', archive], { env: ctx.env })
    ours.push(
      await runOurs(ctx, `image ${kind}, run ${n}`, {
        image: ref,
        repository: `bench/image-${rand()}`,
        tags: 'v1'
      })
    )
    docker.push((await runDockerPush(ctx, archive, ref, `bench/image-docker-${rand()}`)).seconds)
    await rm(archive)
    progress(
      `case 8 (${kind}) run ${n}/${runs}: ours ${seconds((ours.at(-1) as OursResult).seconds)}, docker push ${seconds(docker.at(-1) as number)}`
    )
  }
  const oursTime = median(ours.map(r => r.seconds))
  const size = layers.reduce((sum, layer) => sum + layer.size, 0) / layers.length
  return {
    row: {
      name: `8${kind === 'random' ? 'a' : 'b'} image: in the engine, ${layers.length} × ${mebibytes(size)} ${kind} (the whole step)`,
      ours: seconds(oursTime),
      peer: 'docker push (engine 20.10, vfs)',
      peerValue: seconds(median(docker)),
      ratio: oursTime / median(docker),
      target: '< 1',
      met: oursTime / median(docker) < 1
    },
    note: `case 8 ${kind} ours (export included): ${phaseSummary(ours)}; ${usageSummary(ours)}`
  }
}
