import { describe, expect, test } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import * as cleanupNames from '../src/cleanup/constants.js'
import { parseCleanupInputs } from '../src/cleanup/inputs.js'
import * as deliverNames from '../src/deliver/constants.js'
import { parseDeliverInputs } from '../src/deliver/inputs.js'
import * as cacheNames from '../src/pull-through-cache/constants.js'
import { parseCacheInputs } from '../src/pull-through-cache/inputs.js'
import * as reportNames from '../src/report/constants.js'
import { parseReportInputs } from '../src/report/inputs.js'

/**
 * Each action.yml against its code: every input is read by the action's parser and named by its Input
 * constants, every output is named by its Output constants and appears in a setOutput call, and every
 * default in action.yml is what the parser does with the input left empty (so a default lives in one place
 * that counts). A setOutput call in the source proves little (dead code has them too): that real runs
 * write exactly the declared outputs is test/integration/outputs.test.ts.
 */
const ROOT = resolve(import.meta.dirname ?? '.', '..')

interface ActionSpec {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}

const ACTIONS = [
  {
    name: 'deliver',
    yml: 'action.yml',
    folder: 'src/deliver',
    names: deliverNames,
    parse: (get: (name: string) => string) => parseDeliverInputs(get, { sha: 'abc123' }),
    required: {},
    /** Inputs where empty means "none", not the default: the default is only action.yml's. */
    emptyMeansNone: []
  },
  {
    name: 'cleanup',
    yml: 'cleanup/action.yml',
    folder: 'src/cleanup',
    names: cleanupNames,
    parse: parseCleanupInputs,
    required: { repositories: 'team/*' },
    emptyMeansNone: ['keep-tags']
  },
  {
    name: 'pull-through-cache',
    yml: 'pull-through-cache/action.yml',
    folder: 'src/pull-through-cache',
    names: cacheNames,
    parse: (get: (name: string) => string) =>
      parseCacheInputs(get, { region: 'eu-west-1', env: () => undefined }),
    required: {},
    emptyMeansNone: []
  },
  {
    name: 'report',
    yml: 'report/action.yml',
    folder: 'src/report',
    names: reportNames,
    parse: parseReportInputs,
    required: {},
    emptyMeansNone: []
  }
]

const specOf = (yml: string) => parseYaml(readFileSync(join(ROOT, yml), 'utf8')) as ActionSpec
const defaultsOf = (spec: ActionSpec) =>
  Object.fromEntries(
    Object.entries(spec.inputs).flatMap(([name, input]) =>
      input.default === undefined ? [] : [[name, String(input.default)]]
    )
  )

describe.each(ACTIONS)('$name: action.yml and the code agree', action => {
  const spec = specOf(action.yml)
  const given = { ...defaultsOf(spec), ...action.required } as Record<string, string>

  test('the Input constants name exactly the inputs of action.yml', () => {
    expect(Object.values(action.names.Input).sort()).toEqual(Object.keys(spec.inputs).sort())
  })

  test('the parser reads every input', () => {
    const read = new Set<string>()
    action.parse(name => {
      read.add(name)
      return given[name] ?? ''
    })
    expect([...read].filter(name => !(name in spec.inputs))).toEqual([])
    expect(Object.keys(spec.inputs).filter(name => !read.has(name))).toEqual([])
  })

  test('every default is what the parser does with the input left empty', () => {
    const withDefaults = action.parse(name => given[name] ?? '')
    for (const name of Object.keys(defaultsOf(spec))) {
      if ((action.emptyMeansNone as string[]).includes(name)) continue
      const without = { ...given, [name]: '' }
      expect([name, action.parse(n => without[n] ?? '')]).toEqual([name, withDefaults])
    }
  })

  test('the Output constants name exactly the outputs of action.yml, and each is set somewhere', () => {
    expect(Object.values(action.names.Output).sort()).toEqual(Object.keys(spec.outputs).sort())
    const code = readdirSync(join(ROOT, action.folder), { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.ts'))
      .map(file => readFileSync(join(ROOT, action.folder, file), 'utf8'))
      .join('\n')
    for (const key of Object.keys(action.names.Output)) {
      expect([key, new RegExp(`setOutput\\(\\s*Output\\.${key}\\b`).test(code)]).toEqual([key, true])
    }
  })
})

test('the version the user agent carries is package.json’s', async () => {
  const { VERSION } = await import('../src/common/version.js')
  expect(VERSION).toBe(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  )
})
