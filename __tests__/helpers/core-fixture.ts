import { jest } from '@jest/globals'
import type * as core from '@actions/core'

/**
 * One typed stand-in for @actions/core, shared by the tests of each action's run(): inputs come from a
 * record, and outputs, state, log lines, groups (in order) and the summary's calls are recorded.
 * Use: `const fixture = coreFixture(); jest.unstable_mockModule('@actions/core', () => fixture.module)`
 * before importing the action.
 */
export function coreFixture() {
  const inputs: Record<string, string> = {}
  const outputs: Record<string, unknown> = {}
  const state: Record<string, string> = {}
  const lines: string[] = []
  const warnings: string[] = []
  const groups: string[] = []
  const summary = {
    addHeading: jest.fn(() => summary),
    addTable: jest.fn(() => summary),
    addRaw: jest.fn(() => summary),
    addList: jest.fn(() => summary),
    addDetails: jest.fn(() => summary),
    write: jest.fn(async () => summary)
  }
  const module = {
    getInput: jest.fn<typeof core.getInput>(name => inputs[name] ?? ''),
    setOutput: jest.fn<typeof core.setOutput>((name, value) => void (outputs[name] = value)),
    saveState: jest.fn<typeof core.saveState>((name, value) => void (state[name] = String(value))),
    getState: jest.fn<typeof core.getState>(name => state[name] ?? ''),
    setSecret: jest.fn<typeof core.setSecret>(),
    info: jest.fn<typeof core.info>(line => void lines.push(line)),
    debug: jest.fn<typeof core.debug>(),
    warning: jest.fn<typeof core.warning>(message => void warnings.push(String(message))),
    setFailed: jest.fn<typeof core.setFailed>(),
    group: jest.fn(async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      groups.push(name)
      return fn()
    }),
    summary
  }
  /** Clears what was recorded and sets the inputs for the next run. */
  const reset = (given: Record<string, string> = {}) => {
    for (const record of [inputs, outputs, state]) for (const key of Object.keys(record)) delete record[key]
    for (const list of [lines, warnings, groups]) list.length = 0
    Object.assign(inputs, given)
  }
  return { module, inputs, outputs, state, lines, warnings, groups, summary, reset }
}
