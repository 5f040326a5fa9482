import { describe, expect, jest, test } from '@jest/globals'
import { parseCommand, workflowCommandsIn } from '../../test/fixtures/workflow-commands.js'

const written: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  info: (message: string) => void written.push(message)
}))
const { info, neutralize } = await import('../../src/common/log.js')
const { escapeHtml } = await import('../../src/common/summary.js')

// Values the action prints but did not write, each as it arrives from its source.
const HOSTILE: [source: string, value: string][] = [
  [
    'OCI layout manifest mediaType',
    'application/vnd.oci.image.manifest.v1+json\n::warning title=INJECTED::x\n::stop-commands::pwn'
  ],
  ['source path with a newline', '/work/app\n::add-mask::secret.tar'],
  ['warm reference with a carriage return', 'docker-hub/nginx:1.27\r::stop-commands::pwn'],
  ['registry error message', 'denied\r\n::error::INJECTED'],
  ['value that is itself a command', '::stop-commands::pwn'],
  ['command after leading whitespace', '  \t::add-mask::x'],
  ['legacy command anywhere in the line', 'tag v1 ##[stop-commands]pwn'],
  ['legacy command after a line break', 'ok\n##[add-mask]x'],
  ['Unicode line separator', 'a\u2028::stop-commands::pwn'],
  ['next line (NEL)', 'a\u0085::stop-commands::pwn'],
  ['terminal escape', '\u001b[2K::stop-commands::pwn'],
  ['docker output line', '::set-output name=x::y'],
  ['AWS error message', 'AccessDenied\n\n##[error]INJECTED']
]

describe('neutralize', () => {
  test.each(HOSTILE)('%s: prints as one line that is no workflow command', (_source, value) => {
    const printed = neutralize(value)
    expect(printed).not.toMatch(/[\r\n\u0085\u2028\u2029]/)
    expect(workflowCommandsIn(printed)).toEqual([])
    expect(workflowCommandsIn(`prefix ${printed}`)).toEqual([])
  })

  test.each([
    ['a\nb', 'a\\nb'],
    ['a\rb', 'a\\rb'],
    ['::x::y', ':\\:x::y'],
    [' ::x', ' :\\:x'],
    ['x ##[y]', 'x #\\#[y]'],
    ['\u001b', '\\u001b'],
    ['tab\tstays', 'tab\tstays'],
    ['Pushed team/app:v1 (sha256:abc) → 2 tags', 'Pushed team/app:v1 (sha256:abc) → 2 tags'],
    ['a :: b', 'a :: b']
  ])('%j → %j', (value, expected) => expect(neutralize(value)).toBe(expected))

  test('info prints through neutralize', () => {
    written.length = 0
    info('x\n::stop-commands::pwn')
    expect(written).toEqual(['x\\n::stop-commands::pwn'])
    expect(workflowCommandsIn(written.join('\n'))).toEqual([])
  })
})

describe('the runner command grammar used by the tests', () => {
  test.each([
    ['::add-mask::x', 'add-mask'],
    ['   ::warning title=t::x', 'warning'],
    ['text ##[stop-commands]tok', 'stop-commands'],
    ['::unknown::x', undefined],
    ['no command', undefined]
  ])('%j', (line, command) => expect(parseCommand(line)?.command).toBe(command))
})

test('escapeHtml escapes markup', () => {
  expect(escapeHtml('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;')
})
