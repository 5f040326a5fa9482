import { describe, expect, test } from '@jest/globals'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import {
  blobBytes,
  lastWeeks,
  newestScannable,
  policyFacts,
  pushesByWeek,
  referrersOf,
  repositoryEntry,
  weekOf
} from '../../src/report/facts.js'
import type { Manifest } from '../../src/registry/media-types.js'

const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const OCI = 'application/vnd.oci.image.manifest.v1+json'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const image = (config: string, layers: [string, number][], extra: Partial<Manifest> = {}): Manifest => ({
  mediaType: OCI,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: d(config), size: 100 },
  layers: layers.map(([digest, size]) => ({ mediaType: 'layer', digest: d(digest), size })),
  ...extra
})

describe('blobBytes: distinct blobs, each once, as ECR stores them', () => {
  const manifests = new Map<string, Manifest>([
    [
      d('a'),
      image('ca', [
        ['base', 1000],
        ['app1', 10]
      ])
    ],
    [
      d('b'),
      image('cb', [
        ['base', 1000],
        ['app2', 20]
      ])
    ],
    [d('old'), image('co', [['gone', 5000]])],
    [d('idx'), { mediaType: INDEX, manifests: [{ mediaType: OCI, digest: d('a'), size: 1 }] }]
  ])
  test('a shared layer counts once; an index adds no blob; a blob only archived images hold is archived', () => {
    const details: ImageDetail[] = [
      { imageDigest: d('a') },
      { imageDigest: d('b') },
      { imageDigest: d('old'), imageStatus: 'ARCHIVED' },
      { imageDigest: d('idx') }
    ]
    expect(blobBytes(details, manifests)).toEqual({ bytes: 1000 + 10 + 20 + 5000 + 300, archivedBytes: 5100 })
  })
  test('a blob an archived and an active image share is active', () => {
    const details: ImageDetail[] = [{ imageDigest: d('a'), imageStatus: 'ARCHIVED' }, { imageDigest: d('b') }]
    expect(blobBytes(details, manifests)).toEqual({ bytes: 1000 + 10 + 20 + 200, archivedBytes: 110 })
  })
  test('a manifest that could not be read counts nothing', () =>
    expect(blobBytes([{ imageDigest: d('z') }], manifests)).toEqual({ bytes: 0, archivedBytes: 0 }))
})

describe('referrersOf', () => {
  test('a subject (ECR or the manifest), cosign tags, BuildKit attestation children', () => {
    const manifests = new Map<string, Manifest>([
      [d('sig'), image('cs', [], { subject: { mediaType: OCI, digest: d('a'), size: 1 } })],
      [
        d('idx'),
        {
          mediaType: INDEX,
          manifests: [
            { mediaType: OCI, digest: d('a'), size: 1 },
            {
              mediaType: OCI,
              digest: d('att'),
              size: 1,
              annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
            }
          ]
        }
      ]
    ])
    const details: ImageDetail[] = [
      { imageDigest: d('a'), imageTags: ['v1'] },
      { imageDigest: d('sig') },
      { imageDigest: d('ecr'), subjectManifestDigest: d('a') },
      { imageDigest: d('cosign'), imageTags: [`sha256-${'a'.padEnd(64, '0')}.sig`] },
      { imageDigest: d('mixed'), imageTags: [`sha256-${'a'.padEnd(64, '0')}.sig`, 'v2'] },
      { imageDigest: d('idx'), imageTags: ['multi'] },
      { imageDigest: d('att') }
    ]
    expect([...referrersOf(details, manifests)].sort()).toEqual(
      [d('sig'), d('ecr'), d('cosign'), d('att')].sort()
    )
  })
})

describe('policyFacts: public access is an Allow to "*" without a condition', () => {
  const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: statement })
  test.each<[string, string | undefined, { present: boolean; statements: number; publicAccess: boolean }]>([
    ['none', undefined, { present: false, statements: 0, publicAccess: false }],
    [
      'Principal "*"',
      policy([{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }]),
      { present: true, statements: 1, publicAccess: true }
    ],
    [
      'AWS "*" in a list, one statement not an array',
      policy({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', '*'] }, Action: '*' }),
      { present: true, statements: 1, publicAccess: true }
    ],
    [
      '"*" with a condition',
      policy([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }
        }
      ]),
      { present: true, statements: 1, publicAccess: false }
    ],
    [
      'a Deny to "*"',
      policy([{ Effect: 'Deny', Principal: '*', Action: '*' }]),
      { present: true, statements: 1, publicAccess: false }
    ],
    [
      'one account',
      policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: '*' }]),
      { present: true, statements: 1, publicAccess: false }
    ]
  ])('%s', (_name, text, expected) => expect(policyFacts(text)).toEqual(expected))
})

describe('weeks', () => {
  test('a week is named by its Monday (UTC)', () => {
    expect(weekOf(new Date('2026-06-07T23:59:00Z'))).toBe('2026-06-01') // a Sunday
    expect(weekOf(new Date('2026-06-08T00:00:00Z'))).toBe('2026-06-08') // a Monday
  })
  test('twelve weeks, oldest first, ending with the current one', () => {
    const weeks = lastWeeks(new Date('2026-06-10T12:00:00Z'))
    expect(weeks).toHaveLength(12)
    expect(weeks[0]).toBe('2026-03-23')
    expect(weeks[11]).toBe('2026-06-08')
  })
  test('pushes counted per week, older than twelve weeks left out', () => {
    const now = new Date('2026-06-10T12:00:00Z')
    const pushed = (at: string): ImageDetail => ({ imageDigest: d(at), imagePushedAt: new Date(at) })
    expect(
      pushesByWeek(
        [
          pushed('2026-06-09T00:00:00Z'),
          pushed('2026-06-08T01:00:00Z'),
          pushed('2026-06-01T00:00:00Z'),
          pushed('2026-01-01T00:00:00Z')
        ],
        now
      )
    ).toEqual({ '2026-06-08': 2, '2026-06-01': 1 })
  })
})

test('newestScannable: the newest pushed image that is no index, referrer or archived image', () => {
  const at = (s: number) => new Date(s * 1000)
  const details: ImageDetail[] = [
    { imageDigest: d('old'), imagePushedAt: at(1) },
    { imageDigest: d('new'), imagePushedAt: at(5) },
    { imageDigest: d('idx'), imagePushedAt: at(9), imageManifestMediaType: INDEX },
    { imageDigest: d('sig'), imagePushedAt: at(9) },
    { imageDigest: d('arch'), imagePushedAt: at(9), imageStatus: 'ARCHIVED' }
  ]
  expect(newestScannable(details, new Set([d('sig')]))).toBe(d('new'))
  expect(newestScannable([], new Set())).toBeUndefined()
})

test('repositoryEntry: counts, bytes, cost, times and settings from what was read', () => {
  const at = (iso: string) => new Date(iso)
  const manifests = new Map<string, Manifest>([
    [d('a'), image('ca', [['base', 2 ** 30]])],
    [d('b'), image('cb', [['base', 2 ** 30]])]
  ])
  const entry = repositoryEntry(
    {
      repository: {
        repositoryName: 'team/web',
        registryId: '123456789012',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }],
        imageScanningConfiguration: { scanOnPush: false },
        encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:1:key/k' }
      },
      details: [
        {
          imageDigest: d('a'),
          imageTags: ['v1'],
          imagePushedAt: at('2026-06-01T00:00:00Z'),
          imageSizeInBytes: 2 ** 30 + 100
        },
        {
          imageDigest: d('b'),
          imagePushedAt: at('2026-06-02T00:00:00Z'),
          imageSizeInBytes: 2 ** 30 + 100,
          lastRecordedPullTime: at('2026-06-05T00:00:00Z')
        }
      ],
      manifests,
      lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1 }, { rulePriority: 2 }] }),
      inUse: new Set([d('a')]),
      registryScansOnPush: true
    },
    {
      region: 'eu-west-1',
      registryId: '123456789012',
      prices: { perGbMonth: 0.1, archivePerGbMonth: 0.1 },
      now: at('2026-06-10T00:00:00Z')
    }
  )
  expect(entry).toMatchObject({
    repository: 'team/web',
    consoleUrl:
      'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/team/web?region=eu-west-1',
    images: 2,
    tagged: 1,
    untagged: 1,
    indexes: 0,
    referrers: 0,
    archived: 0,
    bytes: 2 ** 30 + 200,
    imageBytes: 2 * (2 ** 30 + 100),
    monthlyCost: 0.1,
    newestPush: '2026-06-02T00:00:00.000Z',
    oldestPush: '2026-06-01T00:00:00.000Z',
    lastPull: '2026-06-05T00:00:00.000Z',
    inUse: 1,
    settings: {
      mutability: 'IMMUTABLE_WITH_EXCLUSION',
      mutabilityExclusions: ['dev-*'],
      scanOnPush: true,
      encryption: 'KMS',
      kmsKey: 'arn:aws:kms:eu-west-1:1:key/k'
    },
    lifecyclePolicy: { present: true, rules: 2 },
    repositoryPolicy: { present: false, statements: 0, publicAccess: false },
    pushesByWeek: { '2026-06-01': 2 }
  })
})
