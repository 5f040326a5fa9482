import { describe, expect, test } from '@jest/globals'
import {
  planCleanup,
  type CleanupRules,
  type ImageGraph,
  type ImageRecord
} from '../../src/cleanup/planner.js'
import { buildImageGraph } from '../../src/cleanup/graph.js'
import type { Manifest } from '../../src/registry/media-types.js'

const DAY = 86_400_000
const NOW = new Date('2026-11-24T12:00:00Z')
const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const image = (
  name: string,
  ageDays: number,
  tags: string[] = [],
  extra: Partial<ImageRecord> = {}
): ImageRecord => ({
  digest: d(name),
  tags,
  pushedAt: new Date(NOW.getTime() - ageDays * DAY),
  size: 100,
  isIndex: false,
  ...extra
})
const graph = (edges: [string, string[]][] = []): ImageGraph => ({
  edges: new Map(edges.map(([parent, children]) => [d(parent), new Set(children.map(d))]))
})
const RULES: CleanupRules = {
  keepLast: 0,
  olderThanMs: 30 * DAY,
  tagPatterns: ['*'],
  keepTags: ['latest'],
  untagged: 'delete',
  untaggedOlderThanMs: 1 * DAY,
  keepDigests: new Set()
}

/** The names of the deleted images, sorted. */
function deleted(images: ImageRecord[], rules: Partial<CleanupRules> = {}, edges: [string, string[]][] = []) {
  const plan = planCleanup(images, graph(edges), { ...RULES, ...rules }, NOW)
  return plan.decisions
    .filter(decision => decision.verdict === 'delete')
    .map(decision => decision.digest.slice(7).replace(/0+$/, ''))
    .sort()
}

describe('keep-last boundaries', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((name, i) => image(name, 40 + i, [`v${i}`]))
  test.each([
    [0, ['a', 'b', 'c', 'd', 'e']],
    [1, ['b', 'c', 'd', 'e']],
    [4, ['e']],
    [5, []],
    [6, []],
    [100, []]
  ])('keep-last %i', (keepLast, expected) => {
    expect(deleted(five, { keepLast })).toEqual(expected)
  })

  test('untagged images do not count towards keep-last', () => {
    expect(
      deleted([image('a', 40), image('b', 50, ['v1']), image('c', 60, ['v0'])], { keepLast: 1 })
    ).toEqual(['a', 'c'])
  })

  test('ties in push time: the cut is by digest, the same every run', () => {
    const tied = [image('c', 40, ['x']), image('a', 40, ['y']), image('b', 40, ['z'])]
    expect(deleted(tied, { keepLast: 2 })).toEqual(['c'])
    expect(deleted([...tied].reverse(), { keepLast: 2 })).toEqual(['c'])
  })
})

describe('rules', () => {
  test.each([
    ['older than the limit goes', [image('a', 31, ['v1'])], {}, ['a']],
    ['younger than the limit stays', [image('a', 29, ['v1'])], {}, []],
    ['0d: any age may go', [image('a', 0, ['v1'])], { olderThanMs: 0 }, ['a']],
    // The registry's clock may run ahead of ours (moto stamps pushes to the second): 0d still means any.
    [
      '0d: pushed "in the future" by clock skew may go',
      [image('a', -1 / 86_400, ['v1'])],
      { olderThanMs: 0 },
      ['a']
    ],
    ['untagged-older-than 0d: skew too', [image('a', -1 / 86_400)], { untaggedOlderThanMs: 0 }, ['a']],
    ['keep-tags keeps whatever the age', [image('a', 400, ['latest'])], {}, []],
    ['keep-tags glob', [image('a', 400, ['v1.2']), image('b', 400, ['dev-1'])], { keepTags: ['v*'] }, ['b']],
    [
      'tag-patterns limits the candidates',
      [image('a', 400, ['pr-1']), image('b', 400, ['v1'])],
      { tagPatterns: ['pr-*'] },
      ['a']
    ],
    [
      'a tag matching both tag-patterns and keep-tags is kept',
      [image('a', 400, ['v1', 'pr-1'])],
      { tagPatterns: ['pr-*'], keepTags: ['v*'] },
      []
    ],
    [
      'one of several tags matching tag-patterns is enough',
      [image('a', 400, ['x', 'pr-1'])],
      { tagPatterns: ['pr-*'] },
      ['a']
    ],
    ['untagged older than untagged-older-than goes', [image('a', 2)], {}, ['a']],
    ['young untagged stays (a push in flight)', [image('a', 0.5)], {}, []],
    ['untagged: keep', [image('a', 400)], { untagged: 'keep' }, []],
    [
      'keep-digests',
      [image('a', 400, ['v1']), image('b', 400)],
      { keepDigests: new Set([d('a'), d('b')]) },
      []
    ]
  ] as [string, ImageRecord[], Partial<CleanupRules>, string[]][])('%s', (_case, images, rules, expected) => {
    expect(deleted(images, rules)).toEqual(expected)
  })
})

describe('the image graph', () => {
  const index = (name: string, age: number, tags: string[] = []) => image(name, age, tags, { isIndex: true })

  test('an index kept by its tag keeps its old untagged children', () => {
    expect(
      deleted([index('i', 400, ['latest']), image('c1', 400), image('c2', 400)], {}, [['i', ['c1', 'c2']]])
    ).toEqual([])
  })

  test('an index that goes takes its children with it, parents first', () => {
    const images = [index('i', 400, ['v1']), image('c1', 400), image('c2', 400)]
    const plan = planCleanup(images, graph([['i', ['c1', 'c2']]]), RULES, NOW)
    expect(plan.waves).toEqual([[d('i')], [d('c1'), d('c2')]])
    expect(plan.decisions.find(x => x.digest === d('c1'))?.rule).toBe('goes with its parent')
  })

  test('a child shared with a kept index stays', () => {
    const images = [index('i', 400, ['v1']), index('j', 10, ['v2']), image('c1', 400), image('c2', 400)]
    expect(
      deleted(images, {}, [
        ['i', ['c1', 'c2']],
        ['j', ['c2']]
      ])
    ).toEqual(['c1', 'i'])
  })

  test('young children of an old index still go with it (their age does not protect them)', () => {
    expect(deleted([index('i', 400, ['v1']), image('c1', 0.1)], {}, [['i', ['c1']]])).toEqual(['c1', 'i'])
  })

  test('referrers of a deleted image go with it; referrers of a kept one stay', () => {
    const images = [
      image('a', 400, ['v1']),
      image('sa', 400, [`sha256-${'a'.padEnd(64, '0')}.sig`]),
      image('b', 400, ['latest']),
      image('sb', 400)
    ]
    expect(
      deleted(images, {}, [
        ['a', ['sa']],
        ['b', ['sb']]
      ])
    ).toEqual(['a', 'sa'])
  })

  test('cosign-tagged referrers do not use up keep-last', () => {
    const images = [
      image('a', 50, ['v1']),
      image('sa', 1, [`sha256-${'a'.padEnd(64, '0')}.sig`]),
      image('b', 60, ['v0'])
    ]
    expect(deleted(images, { keepLast: 1 }, [['a', ['sa']]])).toEqual(['b'])
  })

  test('a digest in keep-digests reached only through an index: the index goes, the digest stays', () => {
    const images = [index('i', 400, ['v1']), image('c1', 400), image('c2', 400)]
    const plan = planCleanup(
      images,
      graph([['i', ['c1', 'c2']]]),
      { ...RULES, keepDigests: new Set([d('c1')]) },
      NOW
    )
    expect(plan.decisions.map(x => [x.digest.slice(7, 9), x.verdict])).toEqual([
      ['i0', 'delete'],
      ['c1', 'keep'],
      ['c2', 'delete']
    ])
    expect(plan.waves).toEqual([[d('i')], [d('c2')]])
  })

  test('keep-digests naming an index keeps the whole image', () => {
    const images = [index('i', 400, ['v1']), image('c1', 400), image('sig', 400)]
    expect(
      deleted(images, { keepDigests: new Set([d('i')]) }, [
        ['i', ['c1']],
        ['c1', ['sig']]
      ])
    ).toEqual([])
  })

  test('an index size is its children, counted once', () => {
    const plan = planCleanup(
      [index('i', 400, ['v1']), image('c1', 400), image('c2', 400)],
      graph([['i', ['c1', 'c2']]]),
      RULES,
      NOW
    )
    expect(plan.decisions.reduce((sum, x) => sum + (x.verdict === 'delete' ? x.size : 0), 0)).toBe(200)
  })
})

describe('the referrers tag schema (registries without the referrers API, tools before it)', () => {
  // S is tagged v1; the index T under the tag sha256-<S hex> lists S's referrers R1 and R2.
  const tagSchema = `sha256-${'5'.padEnd(64, '0')}`
  const details = (sTags: string[]) => [
    {
      imageDigest: d('5'),
      imageTags: sTags,
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
    },
    {
      imageDigest: d('7'),
      imageTags: [tagSchema],
      imageManifestMediaType: 'application/vnd.oci.image.index.v1+json'
    },
    { imageDigest: d('e1'), imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' },
    { imageDigest: d('e2'), imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' }
  ]
  const manifests = new Map<string, Manifest>([
    [d('7'), { manifests: [d('e1'), d('e2')].map(digest => ({ mediaType: 'x/y', digest, size: 1 })) }],
    [
      d('e1'),
      {
        config: { mediaType: 'x/y', digest: d('c'), size: 1 },
        layers: [],
        subject: { mediaType: 'x/y', digest: d('5'), size: 1 }
      }
    ]
  ])
  const records = (sTags: string[]) => [
    image('5', 400, sTags),
    image('7', 400, [tagSchema], { isIndex: true }),
    image('e1', 400),
    image('e2', 400)
  ]
  const plan = (sTags: string[]) =>
    planCleanup(records(sTags), buildImageGraph(details(sTags), manifests), RULES, NOW)

  test('the tag-schema index and the referrers it lists go with their subject, after it', () => {
    const { decisions, waves } = plan(['v1'])
    expect(decisions.filter(x => x.verdict === 'delete').map(x => x.digest)).toEqual([
      d('5'),
      d('7'),
      d('e1'),
      d('e2')
    ])
    expect(waves[0]).toEqual([d('5')])
  })

  test('a kept subject keeps its tag-schema index and every referrer it lists, old and untagged as they are: none is deleted alone, so the index never needs rewriting', () => {
    expect(plan(['latest']).decisions.every(x => x.verdict === 'keep')).toBe(true)
  })
})
