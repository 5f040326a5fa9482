import { describe, expect, test } from '@jest/globals'
import {
  planCleanup,
  type CleanupRules,
  type ImageGraph,
  type ImageRecord
} from '../../src/cleanup/planner.js'
import { recheckBatch, type RegistryView } from '../../src/cleanup/recheck.js'

const DAY = 86_400_000
const NOW = new Date('2026-11-24T12:00:00Z')
const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const name = (digest: string) => digest.slice(7).replace(/0+$/, '')
const image = (
  id: string,
  ageDays: number,
  tags: string[] = [],
  extra: Partial<ImageRecord> = {}
): ImageRecord => ({
  digest: d(id),
  tags,
  pushedAt: new Date(NOW.getTime() - ageDays * DAY),
  size: 100,
  isIndex: false,
  ...extra
})
const archived = (id: string, archivedDaysAgo: number, tags: string[] = []): ImageRecord =>
  image(id, 400, tags, { status: 'ARCHIVED', archivedAt: new Date(NOW.getTime() - archivedDaysAgo * DAY) })
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

/** Each image's verdict by name, for the images that do not stay. */
function verdicts(
  images: ImageRecord[],
  rules: Partial<CleanupRules> = {},
  edges: [string, string[]][] = []
) {
  const plan = planCleanup(images, graph(edges), { ...RULES, ...rules }, NOW)
  return Object.fromEntries(
    plan.decisions.filter(x => x.verdict !== 'keep').map(x => [name(x.digest), x.verdict])
  )
}

describe('planning with the archive storage class', () => {
  test.each([
    ['action delete: what goes is deleted', [image('a', 40, ['v1'])], {}, { a: 'delete' }],
    [
      'action archive: what goes is archived instead',
      [image('a', 40, ['v1'])],
      { action: 'archive' },
      { a: 'archive' }
    ],
    [
      'an archived image is never archived again, nor deleted without archived-older-than',
      [archived('a', 500, ['v1']), archived('b', 5)],
      { action: 'archive' },
      {}
    ],
    [
      'archived-older-than deletes only what was archived longer ago (by lastArchivedAt, not push time)',
      [archived('old', 200, ['v1']), archived('young', 10, ['v2'])],
      { action: 'archive', archivedOlderThanMs: 180 * DAY },
      { old: 'delete' }
    ],
    [
      'archived-older-than works in delete mode too',
      [archived('old', 200), image('b', 40, ['v2'])],
      { archivedOlderThanMs: 180 * DAY },
      { old: 'delete', b: 'delete' }
    ],
    [
      'an ACTIVATING image (being restored) is left alone',
      [image('a', 40, ['v1'], { status: 'ACTIVATING' })],
      { action: 'archive' },
      {}
    ],
    [
      'keep-digests keeps an archived image from archived-older-than',
      [archived('old', 200)],
      { archivedOlderThanMs: 180 * DAY, keepDigests: new Set([d('old')]) },
      {}
    ]
  ] as [string, ImageRecord[], Partial<CleanupRules>, Record<string, string>][])(
    '%s',
    (_case, images, rules, expected) => {
      expect(verdicts(images, rules)).toEqual(expected)
    }
  )

  test('archived images do not count toward keep-last: the newest ACTIVE ones are kept', () => {
    const images = [archived('newest', 1, ['v9']), image('b', 40, ['v2']), image('c', 50, ['v1'])]
    // keep-last 1 over pullable images keeps b, though the archived one was pushed... and archived later.
    expect(verdicts(images, { keepLast: 1, action: 'archive' })).toEqual({ c: 'archive' })
  })

  test('an index, its children and its referrers are archived together, parents first', () => {
    const images = [
      image('i', 40, ['v1'], { isIndex: true }),
      image('c1', 40),
      image('c2', 40),
      image('sig', 40, [`sha256-${'c1'.padEnd(64, '0')}.sig`])
    ]
    const plan = planCleanup(
      images,
      graph([
        ['i', ['c1', 'c2']],
        ['c1', ['sig']]
      ]),
      { ...RULES, action: 'archive' },
      NOW
    )
    expect(plan.waves.map(wave => wave.map(name))).toEqual([['i'], ['c1', 'c2'], ['sig']])
    expect(new Set(plan.decisions.map(x => x.verdict))).toEqual(new Set(['archive']))
  })

  test('a child archived with its index is not archived twice; it is deleted with its index', () => {
    const images = [archived('i', 200, ['v1']), archived('c', 200)]
    const edges: [string, string[]][] = [['i', ['c']]]
    expect(verdicts(images, { action: 'archive' }, edges)).toEqual({})
    expect(verdicts(images, { action: 'archive', archivedOlderThanMs: 90 * DAY }, edges)).toEqual({
      i: 'delete',
      c: 'delete'
    })
  })
})

describe('recheckBatch: the batch decided again right before the calls', () => {
  /** t1..t4 pushed in that order; prod on t4; keep-last 1. */
  const listing = () => [
    image('t1', 40, ['t1']),
    image('t2', 39, ['t2']),
    image('t3', 38, ['t3']),
    image('t4', 37, ['t4', 'prod'])
  ]
  const viewOf = (
    images: ImageRecord[],
    rules: Partial<CleanupRules> = {},
    edges: [string, string[]][] = []
  ) => {
    const view: RegistryView = {
      records: new Map(images.map(i => [i.digest, i])),
      graph: graph(edges),
      rules: { ...RULES, keepLast: 1, keepTags: ['prod'], ...rules },
      now: NOW,
      inUse: new Map(),
      spared: new Map()
    }
    const plan = planCleanup(images, view.graph, view.rules, NOW)
    const going = plan.waves.flat().map(digest => ({
      digest,
      verdict: plan.decisions.find(x => x.digest === digest)?.verdict as 'delete' | 'archive'
    }))
    return { view, going }
  }
  const fresh = (images: ImageRecord[]) => new Map(images.map(i => [i.digest, i]))
  const summary = (result: ReturnType<typeof recheckBatch>) => ({
    go: result.go.map(g => name(g.digest)),
    done: result.done.map(name),
    spared: Object.fromEntries(result.spared.map(s => [name(s.digest), s.reason]))
  })

  test.each([
    [
      'nothing changed: the plan stands',
      (l: ImageRecord[]) => l,
      { go: ['t1', 't2', 't3'], done: [], spared: {} }
    ],
    [
      'a rollback moved the kept tag onto t1: t1 is spared, the rest goes',
      (l: ImageRecord[]) =>
        l.map(i =>
          i.digest === d('t1')
            ? { ...i, tags: ['t1', 'prod'] }
            : i.digest === d('t4')
              ? { ...i, tags: ['t4'] }
              : i
        ),
      { go: ['t2', 't3'], done: [], spared: { t1: 'gained tag prod since the listing' } }
    ],
    [
      'a tag the rules do not keep still spares it: someone just tagged it',
      (l: ImageRecord[]) => l.map(i => (i.digest === d('t2') ? { ...i, tags: ['t2', 'hotfix'] } : i)),
      { go: ['t1', 't3'], done: [], spared: { t2: 'gained tag hotfix since the listing' } }
    ],
    [
      'gone meanwhile: done already, not deleted by us',
      (l: ImageRecord[]) => l.filter(i => i.digest !== d('t3')),
      { go: ['t1', 't2'], done: ['t3'], spared: {} }
    ],
    [
      'archived meanwhile while the plan archives it: done already',
      (l: ImageRecord[]) => l.map(i => (i.digest === d('t1') ? { ...i, status: 'ARCHIVED' as const } : i)),
      { go: ['t2', 't3'], done: ['t1'], spared: {} }
    ]
  ])('%s', (_case, change, expected) => {
    const images = listing()
    const { view, going } = viewOf(images, _case.startsWith('archived') ? { action: 'archive' } : {})
    expect(summary(recheckBatch(view, going, fresh(change(images))))).toEqual(expected)
  })

  test('a spared index keeps its children, in this batch and in later ones', () => {
    const images = [image('i', 40, ['v1'], { isIndex: true }), image('c1', 40), image('c2', 40)]
    const { view, going } = viewOf(images, { keepLast: 0 }, [['i', ['c1', 'c2']]])
    const first = going.slice(0, 2) // the index and one child
    const rolledBack = images.map(i => (i.digest === d('i') ? { ...i, tags: ['v1', 'prod'] } : i))
    const one = recheckBatch(view, first, fresh(rolledBack))
    expect(summary(one).go).toEqual([])
    expect(Object.keys(summary(one).spared).sort()).toEqual(['c1', 'i'])
    const two = recheckBatch(view, going.slice(2), fresh(rolledBack))
    expect(summary(two)).toEqual({
      go: [],
      done: [],
      spared: { c2: expect.stringMatching(/^reached from kept/) }
    })
  })

  test('images pushed after the listing are never added to what goes', () => {
    const images = listing()
    const { view, going } = viewOf(images)
    const t5 = image('t5', 0, ['t5'])
    const result = recheckBatch(view, going, fresh([...images, t5]))
    expect(summary(result).go).toEqual(['t1', 't2', 't3'])
    expect(view.records.has(d('t5'))).toBe(false)
  })
})
