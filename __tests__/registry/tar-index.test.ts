import { afterAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tarStream from 'tar-stream'
import { indexTar, parsePax, parseTarHeader } from '../../src/registry/sources/tar-index.js'

const work = mkdtempSync(join(tmpdir(), 'tar-index-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A tar made by GNU tar from files written in this order, in the given format. */
function tarOf(name: string, files: [string, string][], format: 'gnu' | 'posix' | 'ustar' = 'posix'): string {
  const dir = join(work, `${name}-src`)
  mkdirSync(dir, { recursive: true })
  for (const [path, content] of files) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  const tar = join(work, `${name}.tar`)
  execFileSync('tar', [
    `--format=${format}`,
    '-cf',
    tar,
    '-C',
    dir,
    '--no-recursion',
    ...files.map(([p]) => p)
  ])
  return tar
}

/** What each member holds, read through the index (offset and size), as the sources read it. */
async function contents(tar: string): Promise<Record<string, string>> {
  const bytes = readFileSync(tar)
  const index = await indexTar(tar)
  return Object.fromEntries(
    [...index].map(([name, { offset, size }]) => [name, bytes.subarray(offset, offset + size).toString()])
  )
}

const longName = `${'deep/'.repeat(30)}layer.tar`

describe('indexTar', () => {
  test.each([
    [
      'manifest.json first',
      [
        ['manifest.json', '[]'],
        ['abc/layer.tar', 'LAYER'],
        ['abc.json', '{}']
      ]
    ],
    [
      'manifest.json last (where docker writes it)',
      [
        ['abc/layer.tar', 'LAYER'],
        ['abc.json', '{}'],
        ['manifest.json', '[]']
      ]
    ],
    [
      'entries out of order, an empty member',
      [
        ['z.json', ''],
        ['a/layer.tar', 'L'],
        ['manifest.json', '[]']
      ]
    ],
    [
      'a long name (PAX path record)',
      [
        [longName, 'DEEP'],
        ['manifest.json', '[]']
      ]
    ]
  ] as [string, [string, string][]][])('%s: every file found at its offset', async (_case, files) => {
    const tar = tarOf(_case.replace(/\W+/g, '-'), files)
    expect(await contents(tar)).toEqual(Object.fromEntries(files.map(([path, content]) => [path, content])))
  })

  test.each(['gnu', 'ustar'] as const)(
    'long names in %s format (GNU L record, ustar prefix)',
    async format => {
      const name = format === 'gnu' ? longName : `${'p'.repeat(120)}/layer.tar`
      const tar = tarOf(
        `long-${format}`,
        [
          [name, 'X'],
          ['manifest.json', '[]']
        ],
        format
      )
      expect(await contents(tar)).toEqual({ [name]: 'X', 'manifest.json': '[]' })
    }
  )

  test('links, directories and names outside the archive are not files; a name twice is refused', async () => {
    const dir = join(work, 'links-src')
    mkdirSync(join(dir, 'sub'), { recursive: true })
    writeFileSync(join(dir, 'real'), 'R')
    symlinkSync('/etc/passwd', join(dir, 'link'))
    const tar = join(work, 'links.tar')
    execFileSync('tar', ['-cf', tar, '-C', dir, 'sub', 'real', 'link', '--transform', 's|^real$|../escaped|'])
    expect(await contents(tar)).toEqual({})
    // GNU tar would write the second copy as a hard link: pack it by hand.
    const twice = join(work, 'twice.tar')
    const pack = tarStream.pack()
    pack.entry({ name: 'real' }, 'one')
    pack.entry({ name: './real' }, 'two')
    pack.finalize()
    const chunks: Buffer[] = []
    for await (const chunk of pack) chunks.push(chunk as Buffer)
    writeFileSync(twice, Buffer.concat(chunks))
    await expect(indexTar(twice)).rejects.toThrow('"real" appears twice in the archive: refused')
  })

  test('a PAX size belongs to the member it precedes, not to a GNU long-name header in between', async () => {
    const header = (name: string, size: number, type: string) => {
      const block = Buffer.alloc(512)
      block.write(name, 0)
      block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
      block.write(type, 156, 'latin1')
      block.write('ustar\0' + '00', 257, 'latin1')
      block.fill(0x20, 148, 156)
      let sum = 0
      for (const byte of block) sum += byte
      block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
      return block
    }
    const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)])
    const pax = Buffer.from('12 size=700\n')
    const longName = Buffer.from(`${'n'.repeat(120)}\0`)
    const tar = join(work, 'pax-then-gnu.tar')
    writeFileSync(
      tar,
      Buffer.concat([
        header('pax', pax.length, 'x'),
        padded(pax),
        header('././@LongLink', longName.length, 'L'),
        padded(longName),
        header('short', 0, '0'),
        padded(Buffer.alloc(700, 0x61)),
        Buffer.alloc(1024)
      ])
    )
    expect(await contents(tar)).toEqual({ ['n'.repeat(120)]: 'a'.repeat(700) })
  })

  test('a truncated archive, and bytes that are no tar, are clear errors', async () => {
    const tar = tarOf('truncate', [
      ['manifest.json', '[]'],
      ['layer.tar', 'x'.repeat(5000)]
    ])
    truncateSync(tar, 2000)
    await expect(indexTar(tar)).rejects.toThrow(
      /is not a readable tar archive \(unexpected end of file\).*truncated or corrupt/
    )
    const garbage = join(work, 'garbage.tar')
    writeFileSync(garbage, Buffer.alloc(4096, 0x41))
    await expect(indexTar(garbage)).rejects.toThrow(
      /is not a readable tar archive \(bad (octal field|header checksum)\)/
    )
  })
})

describe('parseTarHeader and parsePax', () => {
  test('an all-zero block ends the archive', () => {
    expect(parseTarHeader(Buffer.alloc(512))).toBeUndefined()
  })

  test('a base-256 size (GNU, over 8 GiB)', () => {
    const block = Buffer.alloc(512)
    block.write('big', 0)
    block[124] = 0x80
    block.writeUIntBE(9 * 2 ** 30, 130, 6)
    block.fill(0x20, 148, 156)
    let sum = 0
    for (const byte of block) sum += byte
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    expect(parseTarHeader(block)).toEqual({ name: 'big', size: 9 * 2 ** 30, type: '' })
  })

  test.each([
    ['18 path=a/b/c.tar\n', { path: 'a/b/c.tar' }],
    ['12 size=100\n30 mtime=1700000000.123456789\n', { size: 100 }],
    ['11 path=é\n', { path: 'é' }],
    ['5 x\n', {}],
    ['999 path=broken\n', {}]
  ])('%j → %j', (records, expected) => {
    expect(parsePax(Buffer.from(records))).toEqual(expected)
  })
})
