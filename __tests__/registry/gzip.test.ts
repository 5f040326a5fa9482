import { describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, gunzipSync } from 'node:zlib'
import { BlockPool, blocksOf, parallelGzip, worthCompressing } from '../../src/registry/sources/gzip.js'

async function gzipOf(
  input: Buffer,
  options: { level: number; blockSize?: number; inFlight?: number },
  pieces = 3
) {
  // The input arrives in pieces that do not line up with the blocks.
  const parts: Buffer[] = []
  const step = Math.max(1, Math.ceil(input.length / pieces))
  for (let at = 0; at < input.length; at += step) parts.push(input.subarray(at, at + step))
  const out: Buffer[] = []
  for await (const piece of parallelGzip(
    (async function* () {
      yield* parts
    })(),
    options
  ))
    out.push(piece)
  return Buffer.concat(out)
}

const text = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `line ${i % 331} of a layer ${i % 7}\n`).join('')
)
const BLOCK = 64 * 1024

describe('parallelGzip', () => {
  test.each([
    ['empty', Buffer.alloc(0)],
    ['1 byte', Buffer.from('x')],
    ['exactly one block', randomBytes(BLOCK)],
    ['one byte over a block', randomBytes(BLOCK + 1)],
    ['exactly three blocks of text', Buffer.concat([text, text]).subarray(0, 3 * BLOCK)],
    ['text spanning blocks (back-references across the boundary)', Buffer.concat([text, text, text])],
    ['random then text', Buffer.concat([randomBytes(100_000), text])]
  ])('%s: gunzip gives the input back, at level 1 and stored', async (_case, input) => {
    for (const level of [1, 0]) {
      const gz = await gzipOf(input, { level, blockSize: BLOCK })
      expect(gunzipSync(gz).equals(input)).toBe(true)
    }
  })

  test("stored (level 0): deflate's stored blocks, 5 bytes before each 65,535, byte for byte", async () => {
    const header = '1f8b08000000000000ff'
    const final = '0300'
    const x = await gzipOf(Buffer.from('x'), { level: 0 })
    // Stored block: a zero byte (not final, type 00, padding), LEN 1, NLEN ~1, the byte; crc32('x'); size 1.
    expect(x.toString('hex')).toBe(
      `${header}000100feff78${final}${crc32(Buffer.from('x')).toString(16).padStart(8, '0').match(/../g)?.reverse().join('')}01000000`
    )
    const two = randomBytes(65_536)
    const gz = await gzipOf(two, { level: 0, blockSize: BLOCK })
    expect(gz.length).toBe(10 + 5 + 65_535 + 5 + 1 + 2 + 8)
    expect(gz.subarray(10, 15).toString('hex')).toBe('00ffff0000')
    expect(gz.subarray(10 + 5 + 65_535, 10 + 5 + 65_535 + 5).toString('hex')).toBe('000100feff')
    expect(gunzipSync(gz).equals(two)).toBe(true)
  })

  test('an input that reuses one buffer for every chunk (files.ts: chunks) gives the same bytes', async () => {
    const input = Buffer.concat([text, randomBytes(70_000), text])
    const reused = Buffer.alloc(10_000)
    const out: Buffer[] = []
    for await (const piece of parallelGzip(
      (async function* () {
        for (let at = 0; at < input.length; at += reused.length) {
          const n = input.copy(reused, 0, at, at + reused.length)
          yield reused.subarray(0, n)
          // Overwritten once asked for the next: a block still holding it would now be wrong.
          reused.fill(0xee)
        }
      })(),
      { level: 1, blockSize: BLOCK }
    ))
      out.push(piece)
    expect(Buffer.concat(out)).toEqual(await gzipOf(input, { level: 1, blockSize: BLOCK }))
    expect(gunzipSync(Buffer.concat(out)).equals(input)).toBe(true)
  })

  test('deterministic: the same input, level and block size give the same bytes, however it is fed', async () => {
    const input = Buffer.concat([text, randomBytes(70_000), text])
    const digest = async (pieces: number, inFlight: number) =>
      createHash('sha256')
        .update(await gzipOf(input, { level: 1, blockSize: BLOCK, inFlight }, pieces))
        .digest('hex')
    const first = await digest(3, 4)
    expect(await digest(7, 1)).toBe(first)
    expect(await digest(1, 8)).toBe(first)
  })

  test('compresses text about as well as one gzip -1 (the dictionary carries across blocks)', async () => {
    const input = Buffer.concat([text, text, text, text])
    const gz = await gzipOf(input, { level: 1, blockSize: BLOCK })
    const single = execGzip(input)
    expect(gz.length).toBeLessThan(single * 1.05)
  })

  test('gzip -t accepts the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgz-'))
    try {
      const file = join(dir, 'layer.gz')
      writeFileSync(
        file,
        await gzipOf(Buffer.concat([text, randomBytes(BLOCK * 2)]), { level: 1, blockSize: BLOCK })
      )
      expect(() => execFileSync('gzip', ['-t', file])).not.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an error from the input ends the output with that error', async () => {
    const failing = (async function* () {
      yield text
      throw new Error('disk read failed')
    })()
    const reading = (async () => {
      for await (const _ of parallelGzip(failing, { level: 1, blockSize: BLOCK })) void _
    })()
    await expect(reading).rejects.toThrow('disk read failed')
  })
})

function execGzip(input: Buffer): number {
  return execFileSync('gzip', ['-1', '-c'], { input, maxBuffer: 64 * 1024 * 1024 }).length
}

describe('blocksOf', () => {
  test.each([
    [[], 4, []],
    [['abc'], 4, ['abc']],
    [['abcd'], 4, ['abcd']],
    [['ab', 'cd', 'ef'], 4, ['abcd', 'ef']],
    [['abcdefghij'], 4, ['abcd', 'efgh', 'ij']],
    [['a', '', 'bcdefgh', 'i'], 4, ['abcd', 'efgh', 'i']]
  ])('%j in blocks of %i → %j', async (parts, size, expected) => {
    const blocks: string[] = []
    for await (const block of blocksOf(
      (async function* () {
        for (const p of parts) yield Buffer.from(p)
      })(),
      size
    ))
      blocks.push(block.toString())
    expect(blocks).toEqual(expected)
    // From a pool, copied: the same blocks.
    const pooled: string[] = []
    for await (const block of blocksOf(
      (async function* () {
        for (const p of parts) yield Buffer.from(p)
      })(),
      size,
      new BlockPool(size)
    ))
      pooled.push(block.toString())
    expect(pooled).toEqual(expected)
  })

  test('a pool hands out the blocks given back, not new ones', () => {
    const pool = new BlockPool(4)
    const first = pool.take()
    pool.give(first)
    expect(pool.take()).toBe(first)
    // A shorter (last) block is a view: not taken back.
    pool.give(first.subarray(0, 2))
    expect(pool.take()).not.toBe(first)
  })
})

describe('worthCompressing', () => {
  test.each([
    ['text', text, true],
    ['random bytes', randomBytes(256 * 1024), false],
    ['empty', Buffer.alloc(0), true]
  ])('%s → %s', async (_case, sample, expected) => {
    expect(await worthCompressing(sample)).toBe(expected)
  })
})
