import { describe, expect, test } from '@jest/globals'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import { ownReference, resolveInUse, type FoundReference } from '../../src/ecr/in-use/references.js'
import { planCleanup, type CleanupRules, type ImageRecord } from '../../src/cleanup/planner.js'

const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const REGISTRY = { accountId: '123456789012', region: 'eu-west-1' }
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

describe('ownReference: what a reference names in this registry', () => {
  test.each([
    [`${HOST}/web:v41`, { repository: 'web', tag: 'v41', digest: undefined }],
    [`${HOST}/team/web@${d('a')}`, { repository: 'team/web', tag: undefined, digest: d('a') }],
    [`${HOST}/web:v41@${d('a')}`, { repository: 'web', tag: undefined, digest: d('a') }],
    [`${HOST}/web`, { repository: 'web', tag: 'latest', digest: undefined }],
    [
      '123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com/web:1',
      { repository: 'web', tag: '1', digest: undefined }
    ],
    ['123456789012.dkr-ecr.eu-west-1.on.aws/web:1', { repository: 'web', tag: '1', digest: undefined }],
    ['210987654321.dkr.ecr.eu-west-1.amazonaws.com/web:1', 'elsewhere'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', 'elsewhere'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web:1', 'elsewhere'],
    ['public.ecr.aws/nginx/nginx:1', 'elsewhere'],
    ['nginx:1.27', 'elsewhere'],
    ['ghcr.io/org/app:1', 'elsewhere'],
    [`${HOST}.evil.example/web:1`, 'elsewhere'],
    [`${HOST}/../web:1`, undefined],
    ['not a reference', undefined],
    ['', undefined]
  ])('%s', (image, expected) => expect(ownReference(image, REGISTRY)).toEqual(expected))
})

describe('resolveInUse', () => {
  const images = new Map<string, ImageDetail[]>([
    [
      'web',
      [
        { imageDigest: d('a'), imageTags: ['v41', 'latest'] },
        { imageDigest: d('b'), imageTags: ['v40'] },
        { imageDigest: d('c'), imageTags: [] }
      ]
    ],
    ['api', [{ imageDigest: d('e'), imageTags: ['1'] }]]
  ])
  const ref = (image: string, extra: Partial<FoundReference> = {}): FoundReference => ({
    image,
    source: 'ecs',
    where: 'cluster prod, service web',
    ...extra
  })

  test('tags count as the digest they hold now; digests as themselves; a running digest too', () => {
    const inUse = resolveInUse(
      [
        ref(`${HOST}/web:v41`),
        ref(`${HOST}/web@${d('c')}`, { source: 'lambda', where: 'resize:7 (alias live)' }),
        // A task started from v40 before the tag moved still runs b.
        ref(`${HOST}/web:latest`, { digest: d('b'), where: 'cluster prod, task 1' }),
        ref(`${HOST}/api:1`, { source: 'batch', where: 'job definition nightly:3' })
      ],
      REGISTRY,
      images
    )
    expect([...(inUse.byRepository.get('web')?.keys() ?? [])].sort()).toEqual([d('a'), d('b'), d('c')])
    expect(inUse.byRepository.get('web')?.get(d('c'))).toEqual([
      { source: 'lambda', where: 'resize:7 (alias live)' }
    ])
    expect(inUse.byRepository.get('web')?.get(d('b'))).toEqual([
      { source: 'ecs', where: 'cluster prod, task 1' }
    ])
    expect([...(inUse.byRepository.get('api')?.keys() ?? [])]).toEqual([d('e')])
  })

  test('other registries are counted, not kept; a tag nothing holds is reported; unknown repositories ignored', () => {
    const inUse = resolveInUse(
      [
        ref('public.ecr.aws/docker/library/nginx:1'),
        ref('210987654321.dkr.ecr.eu-west-1.amazonaws.com/web:v41'),
        ref(`${HOST}/web:gone`),
        ref(`${HOST}/other:1`)
      ],
      REGISTRY,
      images
    )
    expect(inUse.byRepository.size).toBe(0)
    expect(inUse.elsewhere).toBe(2)
    expect(inUse.unresolved).toEqual([`${HOST}/web:gone`])
  })

  test('one digest used in several places lists each place once', () => {
    const inUse = resolveInUse(
      [ref(`${HOST}/web:v41`), ref(`${HOST}/web:latest`), ref(`${HOST}/web:v41`)],
      REGISTRY,
      images
    )
    expect(inUse.byRepository.get('web')?.get(d('a'))).toHaveLength(1)
  })
})

describe('planCleanup with images in use', () => {
  const DAY = 86_400_000
  const NOW = new Date('2026-11-24T12:00:00Z')
  const RULES: CleanupRules = {
    keepLast: 0,
    olderThanMs: 0,
    tagPatterns: ['*'],
    keepTags: [],
    untagged: 'delete',
    untaggedOlderThanMs: 0,
    keepDigests: new Set()
  }
  const image = (name: string, tags: string[] = [], extra: Partial<ImageRecord> = {}): ImageRecord => ({
    digest: d(name),
    tags,
    pushedAt: new Date(NOW.getTime() - 90 * DAY),
    size: 100,
    isIndex: false,
    ...extra
  })
  const use = (...names: string[]) =>
    new Map(names.map(n => [d(n), [{ source: 'ecs', where: `service ${n}` }]]))
  const verdicts = (plan: ReturnType<typeof planCleanup>) =>
    Object.fromEntries(plan.decisions.map(x => [x.digest.slice(7, 8), `${x.verdict}:${x.rule}`]))

  test('in use beats every delete rule, and the plan says where', () => {
    const plan = planCleanup(
      [image('a', ['v1']), image('b'), image('c', ['v2'])],
      { edges: new Map() },
      RULES,
      NOW,
      use('a', 'b')
    )
    expect(verdicts(plan)).toMatchObject({
      a: 'keep:in-use',
      b: 'keep:in-use',
      c: expect.stringMatching(/^delete/)
    })
    expect(plan.decisions.find(x => x.digest === d('a'))?.usedBy).toEqual(['ecs: service a'])
  })

  test('an index in use keeps its children; a child in use keeps itself but not its index', () => {
    const edges = new Map([[d('i'), new Set([d('x'), d('y')])]])
    const images = [image('i', ['release'], { isIndex: true }), image('x'), image('y')]
    expect(verdicts(planCleanup(images, { edges }, RULES, NOW, use('i')))).toMatchObject({
      i: 'keep:in-use',
      x: expect.stringMatching(/^keep:reached from kept/),
      y: expect.stringMatching(/^keep:reached from kept/)
    })
    expect(verdicts(planCleanup(images, { edges }, RULES, NOW, use('x')))).toMatchObject({
      i: expect.stringMatching(/^delete/),
      x: 'keep:in-use',
      y: 'delete:goes with its parent'
    })
  })

  test('keep-pulled-within keeps a recently pulled image; an old pull does not', () => {
    const images = [
      image('a', ['v1'], { lastPulledAt: new Date(NOW.getTime() - 2 * DAY) }),
      image('b', ['v2'], { lastPulledAt: new Date(NOW.getTime() - 40 * DAY) }),
      image('c', ['v3'])
    ]
    const plan = planCleanup(images, { edges: new Map() }, { ...RULES, keepPulledWithinMs: 30 * DAY }, NOW)
    expect(verdicts(plan)).toMatchObject({
      a: 'keep:pulled 2026-11-22 (keep-pulled-within)',
      b: expect.stringMatching(/^delete/),
      c: expect.stringMatching(/^delete/)
    })
  })
})
