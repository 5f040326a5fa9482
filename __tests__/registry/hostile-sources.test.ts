import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImageSource } from '../../src/registry/sources/index.js'
import {
  MARKER,
  writeLayoutWithHostileMediaType,
  writeSaveArchiveNaming,
  writeSaveArchiveWithDuplicate,
  writeSaveArchiveWithSecretConfig,
  writeSaveArchiveWithStrays
} from '../../test/fixtures/hostile.js'
import { workflowCommandsIn } from '../../test/fixtures/workflow-commands.js'

const work = mkdtempSync(join(tmpdir(), 'hostile-sources-'))
const outside = join(work, 'outside')
const temp = join(work, 'temp')
const options = { gzipLevel: 1 }
beforeAll(() => {
  mkdirSync(outside)
  mkdirSync(temp)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * The error an open fails with; also checks it leaves no temp folder behind and, unless the hostile value
 * is one the error must name (escaped, on one line), that it quotes nothing of what it refused.
 */
async function failureOf(
  path: string,
  names: 'names the value' | 'quotes nothing' = 'quotes nothing'
): Promise<Error> {
  const error = await openImageSource(path, options).then(
    () => new Error('expected the source to be refused'),
    (refused: Error) => refused
  )
  if (names === 'quotes nothing') expect(error.message).not.toContain(MARKER)
  expect(readdirSync(temp)).toEqual([])
  return error
}

describe('hostile sources are refused before anything is sent', () => {
  test('an OCI manifest media type with line breaks and workflow commands', async () => {
    const dir = join(work, 'media-type')
    await writeLayoutWithHostileMediaType(dir)
    const error = await failureOf(dir, 'names the value')
    expect(error.message).toMatch(/has media type "application\/vnd.oci.image.manifest.v1\+json\\n::warning/)
    expect(error.message).toMatch(/not an image manifest or index/)
    expect(error.message).not.toMatch(/\n/)
    expect(workflowCommandsIn(error.message)).toEqual([])
  })

  test.each([
    ['Config climbing out of the archive', '../../../../tmp/x/outside-secret.json', []],
    ['Config naming an absolute path', '/etc/passwd', []],
    ['a layer climbing out to /dev/zero', 'config.json', ['../../../../dev/zero']],
    ['a layer naming an absolute device', 'config.json', ['/dev/zero']]
  ])('docker-save: %s', async (_case, config, layers) => {
    const path = join(work, `save-${Math.random().toString(16).slice(2)}.tar`)
    await writeSaveArchiveNaming(path, config, layers)
    const error = await failureOf(path)
    expect(error.message).toMatch(/names a file outside the image: refused|is not in the archive/)
  })

  test('docker-save: a config that is not JSON is refused without quoting it', async () => {
    const path = join(work, 'secret-config.tar')
    await writeSaveArchiveWithSecretConfig(path)
    const error = await failureOf(path)
    expect(error.message).toMatch(/config config.json is not valid JSON at line 1, column 1/)
  })

  test('docker-save: a member named twice is refused', async () => {
    const path = join(work, 'duplicate.tar')
    await writeSaveArchiveWithDuplicate(path)
    expect((await failureOf(path)).message).toMatch(/"config.json" appears twice in the archive/)
  })

  test('docker-save: stray members (.., absolute, symlink) are never written or followed', async () => {
    const path = join(work, 'strays.tar')
    const { configDigest } = await writeSaveArchiveWithStrays(path, outside)
    const image = await openImageSource(path, options)
    expect(image.kind === 'docker-archive' && image.config.digest).toBe(configDigest)
    await image.dispose()
    expect(readdirSync(outside)).toEqual([])
    expect(existsSync('/escaped-by-dotdot')).toBe(false)
  })

  test('a source that is a device is refused', async () => {
    expect((await failureOf('/dev/zero')).message).toMatch(/neither a directory nor a regular file/)
  })
})
