import { describe, expect, jest, test } from '@jest/globals'

const debug: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  debug: (line: string) => void debug.push(line),
  info: jest.fn()
}))
const { registryHooks: registryLogHooks } = await import('../src/common/registry-hooks.js')
const { blobSummaryLine } = await import('../src/deliver/source-push.js')
const { startupMark } = await import('../src/common/run.js')
const { layerSummaryLine } = await import('../src/registry/push-archive.js')
const { LAYERS_LINE, PUSH_LINE, REQUEST_LINE, STARTUP_LINE } = await import('../bench/runners.js')

/** The benchmark reads these lines of the action's log: they must stay as it reads them. */
describe('the log lines bench:push reads', () => {
  test('one debug line per registry request, with its method', () => {
    registryLogHooks.onRequest('PUT', 'https://r.example/v2/team/app/blobs/uploads/u1?_state=secret')
    // As the runner prints a core.debug line.
    const line = `::debug::${debug.at(-1)}`
    expect(REQUEST_LINE.exec(line)?.[1]).toBe('PUT')
    expect(line).not.toContain('secret')
  })

  test('the push summary line, with the seconds', () => {
    const line = blobSummaryLine(
      [{ digest: 'sha256:a', size: 10, outcome: 'uploaded', bytesSent: 10 }],
      10,
      1.25
    )
    expect(PUSH_LINE.exec(line)?.[1]).toBe('1.3')
  })

  test('start-up milestones, with the ms since the process began', () => {
    startupMark('set up')
    const match = STARTUP_LINE.exec(`::debug::${debug.at(-1)}`)
    expect(match?.[1]).toBe('set up')
    expect(Number(match?.[2])).toBeGreaterThan(0)
  })

  test("an archive push's layer counts", () => {
    expect(LAYERS_LINE.exec(layerSummaryLine(8, 2))?.slice(1)).toEqual(['8', '2', '6'])
  })
})
