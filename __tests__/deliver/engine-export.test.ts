import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDocker29Save, type Docker29Archive } from '../../test/fixtures/docker29.js'
import { writeDockerSaveArchive } from '../../test/fixtures/images.js'
import { coreFixture } from '../helpers/core-fixture.js'

/**
 * `image:` is exported by its ID and pushed daemonless. No engine with the containerd image store runs here,
 * so the decision is tested through a fake docker CLI that answers `docker image inspect` and `docker save`
 * with what each store gives: the inspect JSON as the two stores print it (the ID is the config digest with
 * the classic store, the manifest or index digest with the containerd store), and archives shaped as each
 * writes them (test/fixtures/docker29.ts, images.ts).
 */
const fixture = coreFixture()
jest.unstable_mockModule('@actions/core', () => fixture.module)
const { findPayload, settlePayload } = await import('../../src/deliver/payload.js')
const { DockerCli } = await import('../../src/docker/cli.js')

const work = mkdtempSync(join(tmpdir(), 'engine-export-'))
const spool = join(work, 'runner-temp')
let containerd: Docker29Archive
let classic25: Docker29Archive
let classic20: { configDigest: string }

/** What `docker image inspect --format '{{json .}}'` prints, trimmed to the fields read and a few beside. */
function inspectJson(store: 'containerd' | 'classic', id: string, size: number): string {
  const common = { RepoTags: ['app:ci'], Architecture: 'amd64', Os: 'linux', Size: size }
  if (store === 'classic')
    return JSON.stringify({ Id: id, RepoDigests: [], GraphDriver: { Name: 'overlay2' }, ...common })
  // Docker 29 (API 1.52): the ID is the index digest, and Descriptor says what it is.
  return JSON.stringify({
    Id: id,
    RepoDigests: [`app@${id}`],
    GraphDriver: { Name: 'overlayfs', Data: null },
    Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: id, size: 1609 },
    ...common
  })
}

/** A fake docker: inspect prints the recorded JSON, save copies the recorded archive; each call logged. */
function fakeDocker(name: string, inspect: string, archive: string | undefined): string {
  const dir = join(work, name)
  const script = join(dir, 'docker')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'inspect.json'), inspect)
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `echo "$@" >> ${dir}/calls`,
      `if [ "$1 $2" = "image inspect" ]; then cat ${dir}/inspect.json; exit 0; fi`,
      archive
        ? `if [ "$1" = save ] && [ "$2" = --output ]; then cp ${archive} "$3"; exit 0; fi`
        : 'if [ "$1" = save ]; then echo "Error response from daemon: no space left on device" >&2; exit 1; fi',
      'echo "unexpected: $*" >&2; exit 2'
    ].join('\n')
  )
  chmodSync(script, 0o755)
  return script
}

/** The classic ID of a saved image: its config's digest, from manifest.json. */
function configOf(archive: string): string {
  const manifest = JSON.parse(execFileSync('tar', ['-xOf', archive, 'manifest.json']).toString()) as [
    { Config: string }
  ]
  return `sha256:${/[0-9a-f]{64}/.exec(manifest[0].Config)?.[0]}`
}

const imageWork = {
  kind: 'image' as const,
  repository: 'team/app',
  image: 'app:ci',
  tags: ['v1'],
  maxConcurrency: 2,
  referrers: 'push' as const
}

beforeAll(async () => {
  process.env.RUNNER_TEMP = spool
  mkdirSync(spool, { recursive: true })
  containerd = await writeDocker29Save(join(work, 'containerd.tar'), 'multi-attested', { seed: 'engine' })
  classic25 = await writeDocker29Save(join(work, 'classic25.tar'), 'classic', { seed: 'engine' })
  classic20 = await writeDockerSaveArchive(join(work, 'classic20.tar'), { layers: [{ size: 20_000 }] })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The payload as the push gets it: found (the export begun), then settled (the export awaited). */
async function exported(docker: string) {
  const cli = new DockerCli({ print: line => void fixture.lines.push(line), command: docker })
  return settlePayload(await findPayload(imageWork, cli))
}

describe('image: exported by ID and pushed daemonless', () => {
  test('containerd store: the stored index as it is, ID = index digest, attestations along; the spool goes on dispose', async () => {
    const docker = fakeDocker(
      'cd',
      inspectJson('containerd', containerd.named, 1),
      join(work, 'containerd.tar')
    )
    const payload = await exported(docker)
    expect(payload.kind).toBe('layout')
    if (payload.kind !== 'layout') return
    expect(payload.image.top.digest).toBe(containerd.named)
    expect(payload.image.children.filter(child => child.subject)).toHaveLength(2)
    const calls = readFileSync(join(work, 'cd', 'calls'), 'utf8')
    expect(calls).toMatch(
      new RegExp(`^save --output ${spool}/ecr-deliver-[0-9a-f]{12}\\.tar ${containerd.named}$`, 'm')
    )
    expect(calls).not.toMatch(/^(tag|push)/m)
    expect(readdirSync(spool)).toHaveLength(1)
    await payload.image.dispose()
    expect(readdirSync(spool)).toHaveLength(0)
  })

  test('classic store (docker 20.10 save, no index.json): compressed on the way, ID = config digest', async () => {
    const docker = fakeDocker(
      'c20',
      inspectJson('classic', classic20.configDigest, 1),
      join(work, 'classic20.tar')
    )
    const payload = await exported(docker)
    expect(payload.kind).toBe('archive')
    if (payload.kind === 'archive') {
      expect(payload.image.config.digest).toBe(classic20.configDigest)
      await payload.image.dispose()
    }
  })

  test('classic store of docker 25+ (index.json over uncompressed layers): manifest.json, and the log says why', async () => {
    const archive = join(work, 'classic25.tar')
    const docker = fakeDocker('c25', inspectJson('classic', configOf(archive), 1), archive)
    const payload = await exported(docker)
    expect(payload.kind).toBe('archive')
    expect(fixture.lines.join('\n')).toMatch(
      /layers are uncompressed \(docker with the classic image store\)/
    )
    if (payload.kind === 'archive') await payload.image.dispose()
  })

  test('an export that is not the image inspected: nothing is pushed, the spool is gone', async () => {
    const docker = fakeDocker(
      'other',
      inspectJson('classic', classic25.named, 1),
      join(work, 'classic20.tar')
    )
    await expect(exported(docker)).rejects.toThrow(
      /exported config sha256:[0-9a-f]{64}, which is not the image "app:ci": nothing was pushed/
    )
    expect(readdirSync(spool)).toEqual([])
  })

  test('docker save failing: docker push remains, with a warning saying why', async () => {
    const docker = fakeDocker('fail', inspectJson('classic', classic20.configDigest, 1), undefined)
    const payload = await exported(docker)
    expect(payload.kind).toBe('engine')
    expect(fixture.warnings.at(-1)).toMatch(
      /Could not export the image .*no space left on device.*docker push/
    )
    expect(existsSync(spool) && readdirSync(spool)).toEqual([])
  })
})
