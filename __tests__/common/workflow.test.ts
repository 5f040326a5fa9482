import { afterEach, describe, expect, jest, test } from '@jest/globals'
import * as core from '@actions/core'
import { neutralize, printLine, printWarning, stateOf } from '../../src/common/workflow.js'

/** What a function writes to stdout. */
function written(fn: () => void): string {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    chunks.push(String(chunk))
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

const MESSAGES = [
  'Could not log out of host.example: docker logout failed (exit 1): denied',
  'multi\nline\r\nmessage',
  '100% sure %0A is not a line break',
  '::stop-commands::pwn',
  ''
]

afterEach(() => {
  delete process.env.STATE_registries
})

describe('the runner protocol without @actions/core (the post step)', () => {
  test.each(MESSAGES)('a warning is the bytes core.warning writes: %j', message => {
    expect(written(() => printWarning(message))).toBe(written(() => core.warning(message)))
  })

  test.each(MESSAGES)('a line is the bytes core.info writes for the neutralised text: %j', message => {
    expect(written(() => printLine(message))).toBe(written(() => core.info(neutralize(message))))
  })

  test('state is read as core.getState reads it', () => {
    process.env.STATE_registries = '["a.example"]'
    expect(stateOf('registries')).toBe(core.getState('registries'))
    expect(stateOf('skip-logout')).toBe(core.getState('skip-logout'))
    expect(stateOf('skip-logout')).toBe('')
  })
})
