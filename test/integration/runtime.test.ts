/**
 * The bundled actions run on the Node that action.yml declares, as the runner runs them, and that
 * runtime has nothing to say about them: no deprecation or SDK support warning on stderr.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { actionNodeVersion } from '../fixtures/action-node.js'
import { ROOT, newDockerConfig, runStep, uniqueRepository } from './harness.js'

const ACTIONS = [
  ['action.yml', 'dist/deliver/index.js'],
  ['cleanup/action.yml', 'dist/cleanup/index.js'],
  ['pull-through-cache/action.yml', 'dist/pull-through-cache/index.js']
] as const

describe('runtime', () => {
  test.each(ACTIONS)('%s declares the Node the tests run it on', (actionYml, _entry) => {
    const runs = (parseYaml(readFileSync(join(ROOT, actionYml), 'utf8')) as { runs: { using: string } }).runs
    const major = /^v(\d+)\./.exec(actionNodeVersion())?.[1]
    expect(runs.using).toBe(`node${major}`)
    expect(runs.using).toBe('node24')
  })

  const inputs: Record<(typeof ACTIONS)[number][0], Record<string, string>> = {
    'action.yml': {},
    'cleanup/action.yml': { repositories: uniqueRepository('runtime') },
    'pull-through-cache/action.yml': { rules: '[]' }
  }
  test.each(ACTIONS)('%s: no warning from the runtime or the SDK on stderr', async (actionYml, entry) => {
    const result = await runStep(actionYml, entry, {
      dockerConfig: newDockerConfig(),
      inputs: inputs[actionYml]
    })
    expect(result.stderr).not.toMatch(/Warning|deprecat|no longer support/i)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
  })
})
