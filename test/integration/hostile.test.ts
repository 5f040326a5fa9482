/**
 * The bundled actions fed hostile inputs (test/fixtures/hostile.ts): files that try to inject workflow
 * commands, escape the archive or the workspace, or never end. Each case must end with exactly the
 * workflow commands the action means to write (no injected `::stop-commands::`, no `##[…]` from data),
 * and the refused ones before anything is created or pushed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  INJECTION,
  MARKER,
  writeLayoutWithHostileMediaType,
  writePolicyTraps,
  writeSaveArchiveNaming,
  writeSaveArchiveWithSecretConfig
} from '../fixtures/hostile.js'
import { writeOciLayout } from '../fixtures/images.js'
import { workflowCommandsIn } from '../fixtures/workflow-commands.js'
import {
  REGISTRY,
  addFault,
  describeRepository,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoTags,
  uniqueRepository,
  type StepResult
} from './harness.js'

const work = mkdtempSync(join(tmpdir(), 'hostile-it-'))
const workspace = join(work, 'workspace')
const outside = join(work, 'outside')
let traps: Record<string, string>
let goodLayout: string

beforeAll(async () => {
  traps = await writePolicyTraps(workspace, outside)
  goodLayout = join(work, 'good')
  await writeOciLayout(goodLayout, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1000 }] }],
    seed: `hostile-good-${Date.now()}`
  })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const deliver = (inputs: Record<string, string>) =>
  runStep('action.yml', 'dist/deliver/index.js', {
    dockerConfig: newDockerConfig(),
    inputs,
    env: { GITHUB_WORKSPACE: workspace }
  })
const cache = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    inputs,
    env
  })

/** The commands the actions write themselves; anything else in the output was injected. */
const INTENDED = new Set(['add-mask', 'group', 'endgroup', 'error', 'warning', 'debug'])

function expectNoInjectedCommands(result: StepResult): void {
  const output = `${result.stdout}\n${result.stderr}`
  const commands = workflowCommandsIn(output)
  expect(commands.filter(c => !INTENDED.has(c.command) || c.form === 'v1')).toEqual([])
  // An intended command carrying the hostile data is fine only with that data escaped inside it.
  expect(
    commands.filter(
      c => c.line.includes(MARKER) && !/^::(error|warning|debug|group)::/.test(c.line.trimStart())
    )
  ).toEqual([])
  expect(output.split(/\r\n|\r|\n/).filter(line => line.trimStart().startsWith(`::stop-commands::`))).toEqual(
    []
  )
}

describe('workflow commands in printed values', () => {
  test('an OCI manifest media type carrying commands: refused, nothing injected, nothing pushed', async () => {
    const dir = join(work, 'media-type')
    await writeLayoutWithHostileMediaType(dir)
    const repository = uniqueRepository('hostile')
    const result = await deliver({ source: dir, repository, tags: 'v1' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/which is not an image manifest or index/)
    expectNoInjectedCommands(result)
    expect(await describeRepository(repository)).toBeUndefined()
  })

  test('a source path with a line break and commands in it: pushed, printed escaped', async () => {
    const dir = join(work, `app${INJECTION}`)
    cpSync(goodLayout, dir, { recursive: true })
    const repository = uniqueRepository('hostile')
    const result = await deliver({ source: dir, repository, tags: 'v1' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expectNoInjectedCommands(result)
    expect(result.stdout).toContain('\\n::warning title=INJECTED::PWNED')
    expect(await skopeoTags(`${REGISTRY}/${repository}`)).toEqual(['v1'])
  })

  test('a registry error message carrying commands: printed escaped in the retry line, the push goes on', async () => {
    const repository = uniqueRepository('hostile')
    await addFault({
      repository,
      kind: 'upload',
      method: 'POST',
      action: { type: 'status', status: 503, message: `busy${INJECTION}` },
      times: 1
    })
    const result = await deliver({ source: goodLayout, repository, tags: 'v1' })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/attempt 1 failed \(UNAVAILABLE: busy\\n::warning title=INJECTED::PWNED/)
    expectNoInjectedCommands(result)
  })

  test('a warm reference with a carriage return: refused before any call', async () => {
    const result = await cache({
      rules: '- prefix: quay\n  upstream: quay',
      warm: `quay/app:1\r::stop-commands::${MARKER}`
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^Input "warm": .* is not an image reference/)
    expectNoInjectedCommands(result)
  })
})

describe('paths that leave the archive or the workspace', () => {
  test.each([
    ['Config climbing out of the archive', `../../../..${outside}/shadow.json`, []],
    ['Config naming /etc/passwd', '/etc/passwd', []],
    ['a layer climbing out to /dev/zero', 'config.json', ['../../../../dev/zero']]
  ])('docker-save archive: %s is refused, nothing read or pushed', async (_case, config, layers) => {
    const path = join(work, `save-${Math.random().toString(16).slice(2)}.tar`)
    await writeSaveArchiveNaming(path, config, layers)
    const repository = uniqueRepository('hostile')
    const started = Date.now()
    const result = await deliver({ source: path, repository, tags: 'v1' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/names a file outside the image: refused/)
    expect(result.errors[0]).not.toMatch(/root:/)
    // A hang bound, not a speed target: reading /dev/zero would never end.
    expect(Date.now() - started).toBeLessThan(30_000)
    expectNoInjectedCommands(result)
    expect(await describeRepository(repository)).toBeUndefined()
    // Refused before anything was sent: the registry saw no request, no manifest PUT among them.
    expect(await requestsOf(repository)).toEqual([])
  })

  test('docker-save archive: a config that is not JSON is refused without quoting it', async () => {
    const path = join(work, 'secret-config.tar')
    await writeSaveArchiveWithSecretConfig(path)
    const result = await deliver({ source: path, repository: uniqueRepository('hostile'), tags: 'v1' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/config config.json is not valid JSON at line 1, column 1/)
    expect(`${result.stdout}${result.stderr}`).not.toContain(MARKER)
  })

  test.each([
    ['outsideAbsolute', /is outside the workspace/],
    ['outsideRelative', /is outside the workspace/],
    ['symlinkOut', /is outside the workspace/],
    ['device', /is outside the workspace/],
    ['symlinkToDevice', /is outside the workspace/],
    ['huge', /more than the 30720 allowed/]
  ])('lifecycle-policy %s: refused before anything is created, content never shown', async (trap, reason) => {
    const repository = uniqueRepository('hostile')
    const result = await deliver({ repository, 'lifecycle-policy': traps[trap] as string })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^Input "lifecycle-policy": /)
    expect(result.errors[0]).toMatch(reason)
    expect(`${result.stdout}${result.stderr}`).not.toContain(MARKER)
    expect(await describeRepository(repository)).toBeUndefined()
  })

  test('repository-policy nested absurdly deep fails naming the input', async () => {
    const deep = join(workspace, 'deep-policy.json')
    writeFileSync(deep, `{"Statement": ${'['.repeat(1000)}${']'.repeat(1000)}}`)
    const result = await deliver({
      repository: uniqueRepository('hostile'),
      'repository-policy': 'deep-policy.json'
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual(['Input "repository-policy": nests deeper than 64 levels'])
  })
})

describe('pull-through-cache: every input checked before the first call', () => {
  // No AWS endpoint answers here: an input checked only after a call would fail on the network instead.
  const offline = { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:9' }

  test.each([
    ['warm', { rules: '- prefix: quay\n  upstream: quay', warm: 'quay/../../../v2/other/repo:a' }],
    ['registry-id', { 'registry-id': 'abc' }],
    ['rules', { rules: '- prefix: quay\n  upstream: nowhere' }],
    ['stall-timeout', { 'stall-timeout': 'forever' }]
  ])('bad %s', async (input, inputs) => {
    const result = await cache(inputs, offline)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(new RegExp(`^Input "${input}": `))
  })
})
