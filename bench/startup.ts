// Start-up: a login-only run of ours, and login with an existing repository, against a stand-in for
// amazon-ecr-login (bench/peers/ecr-login.ts, bundled here with ncc as that action ships), each run the
// same way, with the start-up milestones the action logs (bundle loaded, set up, logged in).
import { join } from 'node:path'
import { runOurs, ROOT, type Context, type OursResult } from './runners.js'
import { mustRun, median, seconds } from './util.js'

export interface StartupRow {
  name: string
  ours: number
  peer: number
}

/** Bundles the login stand-in into `work` and returns its entry file. */
export async function buildLoginPeer(work: string): Promise<string> {
  const out = join(work, 'ecr-login-peer')
  await mustRun('ncc build of the login peer', join(ROOT, 'node_modules/.bin/ncc'), [
    'build',
    join(ROOT, 'bench/peers/ecr-login.ts'),
    '-o',
    out,
    '--quiet'
  ])
  return join(out, 'index.js')
}

/**
 * `runs` alternating runs of ours (login only, and login + an existing repository) and the peer's login.
 * Medians of wall time; the milestones of ours as medians too.
 */
export async function measureStartup(
  ctx: Context,
  runs: number,
  repository: string,
  progress: (line: string) => void
): Promise<{ rows: StartupRow[]; milestones: string; loginOnly: OursResult[] }> {
  const peerEntry = await buildLoginPeer(ctx.work)
  // Warm the page cache and the engine once for each, unmeasured.
  await runOurs(ctx, 'login warm-up', {})
  await runOurs(ctx, 'peer warm-up', {}, peerEntry)
  const loginOnly: OursResult[] = []
  const withRepository: OursResult[] = []
  const peer: OursResult[] = []
  for (let n = 1; n <= runs; n++) {
    loginOnly.push(await runOurs(ctx, `login only, run ${n}`, {}))
    withRepository.push(await runOurs(ctx, `login + repository, run ${n}`, { repository }))
    peer.push(await runOurs(ctx, `peer login, run ${n}`, {}, peerEntry))
    progress(
      `login run ${n}/${runs}: ours ${seconds(loginOnly.at(-1)?.seconds ?? NaN)}, with repository ` +
        `${seconds(withRepository.at(-1)?.seconds ?? NaN)}, amazon-ecr-login stand-in ${seconds(peer.at(-1)?.seconds ?? NaN)}`
    )
  }
  const wall = (results: OursResult[]) => median(results.map(r => r.seconds))
  const mark = (name: string) => median(loginOnly.map(r => r.startup[name] ?? NaN))
  return {
    rows: [
      { name: 'login only', ours: wall(loginOnly), peer: wall(peer) },
      { name: 'login + existing repository', ours: wall(withRepository), peer: wall(peer) }
    ],
    milestones: `start-up of the login-only run (median ms since the process began): bundle loaded ${mark('loaded')}, set up ${mark('set up')}, logged in (first API call answered, docker login done) ${mark('logged in')}`,
    loginOnly
  }
}
