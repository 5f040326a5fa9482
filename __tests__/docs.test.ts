import { describe, expect, test } from '@jest/globals'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'

/**
 * The docs kept true, as actions.test.ts keeps each action.yml true: every file under src/ is named in the
 * module map (docs/architecture.md), and every input and output of every action.yml is a row of a README
 * table, an input's row showing its default.
 */
const ROOT = resolve(import.meta.dirname ?? '.', '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The module map: the fenced block after "## Module map". */
function moduleMap(): string {
  const text = read('docs/architecture.md')
  const start = text.indexOf('## Module map')
  const open = text.indexOf('```', start)
  return text.slice(open, text.indexOf('```', open + 3))
}

describe('docs/architecture.md', () => {
  const map = moduleMap()
  const files = filesUnder(join(ROOT, 'src'))
    .filter(path => path.endsWith('.ts'))
    .map(path => relative(join(ROOT, 'src'), path))
  test.each(files)('the module map names src/%s', file => {
    // Named by its path, or by its file name on a line under its folder's heading.
    const name = file.split('/').pop() as string
    const folder = file.split('/').slice(0, -1).pop() ?? ''
    const lines = map.split('\n')
    const folderLine = lines.findIndex(line => new RegExp(`^\\s+${folder}/`).test(line))
    const named =
      map.includes(file) ||
      (folderLine >= 0 &&
        lines
          .slice(folderLine)
          .some(line => new RegExp(`(^|[\\s,(])${name.replace('.', '\\.')}([\\s,)]|$)`).test(line)))
    expect(named).toBe(true)
  })
})

interface ActionSpec {
  inputs?: Record<string, { default?: unknown }>
  outputs?: Record<string, unknown>
}

describe('README tables', () => {
  const readme = read('README.md')
  /** The rows of the tables in an action's own section (`## … (\`<yml>\`)` up to the next `## `): actions share names. */
  const rowsOf = (yml: string) => {
    const lines = readme.split('\n')
    const start = lines.findIndex(line => line.startsWith('## ') && line.includes(`(\`${yml}\`)`))
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
    return lines
      .slice(start, end < 0 ? undefined : end)
      .filter(line => /^\|\s*`[^`]+`\s*\|/.test(line))
      .map(line => line.split('|').map(cell => cell.trim()))
  }
  const rowOf = (yml: string, name: string) => rowsOf(yml).find(cells => cells[1] === `\`${name}\``)
  const cases = [
    'action.yml',
    'cleanup/action.yml',
    'pull-through-cache/action.yml',
    'report/action.yml'
  ].flatMap(yml => {
    const spec = parseYaml(read(yml)) as ActionSpec
    return [
      ...Object.entries(spec.inputs ?? {}).map(
        ([name, input]) => [yml, 'input', name, input.default] as const
      ),
      ...Object.keys(spec.outputs ?? {}).map(name => [yml, 'output', name, undefined] as const)
    ]
  })
  test.each(cases)(
    '%s: %s %s is in a table of its section, with its default',
    (yml, _kind, name, defaultValue) => {
      const row = rowOf(yml, name)
      expect(row).toBeDefined()
      if (defaultValue !== undefined && String(defaultValue) !== '') {
        const shown =
          String(defaultValue) === '${{ github.sha }}' ? 'commit SHA' : `\`${String(defaultValue)}\``
        expect(row?.[2]).toContain(shown)
      }
    }
  )
})
