import { describe, expect, test } from '@jest/globals'
import {
  evaluate,
  parseRequirements,
  parseSize,
  type RepositoryFacts
} from '../../src/report/requirements.js'
import { inputErrorOf } from '../helpers/input-error.js'

const facts = (change: Partial<RepositoryFacts> = {}): RepositoryFacts => ({
  images: 10,
  untagged: 2,
  bytes: 5 * 2 ** 30,
  settings: { mutability: 'IMMUTABLE', scanOnPush: true, encryption: 'KMS' },
  lifecyclePolicy: { present: true },
  repositoryPolicy: { present: false, publicAccess: false },
  ...change
})

const reasonsOf = (require: string, given: RepositoryFacts, findings = false) =>
  evaluate(parseRequirements(require, findings), given).flatMap(r => (r.reason ? [r.reason] : []))

describe('each requirement is a pure predicate', () => {
  test.each<[string, string, Partial<RepositoryFacts>, string[]]>([
    ['scan on push met', 'scan-on-push: true', {}, []],
    [
      'scan on push off',
      'scan-on-push: true',
      { settings: { mutability: 'MUTABLE', scanOnPush: false, encryption: 'AES256' } },
      ['scan-on-push: scan on push off']
    ],
    ['mutability one mode', 'mutability: IMMUTABLE', {}, []],
    [
      'mutability not allowed',
      'mutability: IMMUTABLE',
      { settings: { mutability: 'MUTABLE', scanOnPush: true, encryption: 'KMS' } },
      ['mutability: tag mutability MUTABLE']
    ],
    [
      'mutability from a list, exclusions included',
      'mutability: [IMMUTABLE, IMMUTABLE_WITH_EXCLUSION]',
      { settings: { mutability: 'IMMUTABLE_WITH_EXCLUSION', scanOnPush: true, encryption: 'KMS' } },
      []
    ],
    ['encryption met', 'encryption: KMS', {}, []],
    [
      'encryption AES256 where KMS is required',
      'encryption: kms',
      { settings: { mutability: 'IMMUTABLE', scanOnPush: true, encryption: 'AES256' } },
      ['encryption: encryption AES256']
    ],
    ['encryption either KMS kind', 'encryption: [KMS, KMS_DSSE]', {}, []],
    ['lifecycle policy present', 'lifecycle-policy: present', {}, []],
    [
      'lifecycle policy missing',
      'lifecycle-policy: present',
      { lifecyclePolicy: { present: false } },
      ['lifecycle-policy: lifecycle policy absent']
    ],
    [
      'repository policy wanted',
      'repository-policy: present',
      {},
      ['repository-policy: repository policy absent']
    ],
    ['repository policy absent', 'repository-policy: absent', {}, []],
    ['not public', 'public-access: false', { repositoryPolicy: { present: true, publicAccess: false } }, []],
    [
      'public',
      'public-access: false',
      { repositoryPolicy: { present: true, publicAccess: true } },
      ['public-access: the repository policy allows Principal "*" without a condition']
    ],
    ['max-images at the limit', 'max-images: 10', {}, []],
    ['max-images over', 'max-images: 9', {}, ['max-images: images 10, more than 9']],
    ['max-untagged over', 'max-untagged: 0', {}, ['max-untagged: untagged images 2, more than 0']],
    ['max-bytes under', 'max-bytes: 5GiB', {}, []],
    ['max-bytes over', 'max-bytes: 4GiB', {}, ['max-bytes: stores 5.00 GiB, more than 4.00 GiB']],
    [
      'several at once, each reason',
      'max-images: 1\nscan-on-push: false\nlifecycle-policy: present',
      {},
      ['scan-on-push: scan on push on', 'max-images: images 10, more than 1']
    ]
  ])('%s', (_name, require, change, reasons) => {
    expect(reasonsOf(require, facts(change))).toEqual(reasons)
  })

  test.each<[string, RepositoryFacts['findings'], string[]]>([
    ['within the limits', { status: 'COMPLETE', counts: { CRITICAL: 0, HIGH: 3 } }, []],
    [
      'too many critical',
      { status: 'COMPLETE', counts: { CRITICAL: 2, HIGH: 1 } },
      ['max-critical-findings: 2 critical findings, more than 0']
    ],
    [
      'too many high',
      { status: 'ACTIVE', counts: { HIGH: 4 } },
      ['max-high-findings: 4 high findings, more than 3']
    ],
    [
      'no scan of the newest image',
      { status: 'NOT_SCANNED' },
      [
        'max-critical-findings: no scan findings for the newest image (NOT_SCANNED)',
        'max-high-findings: no scan findings for the newest image (NOT_SCANNED)'
      ]
    ],
    ['no image to scan', undefined, []]
  ])('findings: %s', (_name, findings, reasons) => {
    expect(reasonsOf('max-critical-findings: 0\nmax-high-findings: 3', facts({ findings }), true)).toEqual(
      reasons
    )
  })

  test('each rule reports met or not, in a fixed order', () => {
    expect(
      evaluate(parseRequirements('max-images: 1\nscan-on-push: true', false), facts()).map(r => [
        r.rule,
        r.met
      ])
    ).toEqual([
      ['scan-on-push', true],
      ['max-images', false]
    ])
  })
})

describe('parseRequirements: one Input "require" error for anything it does not take', () => {
  test.each([
    ['unknown-rule: true', /"unknown-rule": is not a rule; the rules are scan-on-push, mutability/],
    ['scan-on-push: maybe', /scan-on-push: must be true or false, got "maybe"/],
    ['mutability: SOMETIMES', /mutability: must be one of MUTABLE \| IMMUTABLE \| IMMUTABLE_WITH_EXCLUSION/],
    ['mutability: []', /mutability: must name at least one of/],
    ['encryption: ROT13', /encryption: must be one of AES256 \| KMS \| KMS_DSSE/],
    ['lifecycle-policy: yes', /lifecycle-policy: must be one of present \| absent/],
    ['public-access: true', /public-access: can only be false/],
    ['max-images: -1', /max-images: must be a whole number/],
    ['max-untagged: 2.5', /max-untagged: must be a whole number/],
    ['max-bytes: lots', /max-bytes: must be a size such as 50GiB/],
    ['max-bytes: 5 parsecs', /max-bytes: must be a size/],
    ['max-critical-findings: 0', /max-critical-findings: needs findings: true/],
    ['- scan-on-push', /must be a YAML map of rule: value/],
    ['scan-on-push: [', /is not YAML/]
  ])('%s', (raw, message) => {
    const error = inputErrorOf(() => parseRequirements(raw, false))
    expect(error.input).toBe('require')
    expect(error.message).toMatch(message)
  })

  test('empty means no requirement', () => expect(parseRequirements(' \n', false)).toEqual({}))

  test('values keep their canonical spelling', () =>
    expect(
      parseRequirements('mutability: immutable\nencryption: [kms_dsse]\nmax-bytes: 1.5 KiB', false)
    ).toEqual({
      mutability: ['IMMUTABLE'],
      encryption: ['KMS_DSSE'],
      'max-bytes': 1536
    }))
})

describe('parseSize', () => {
  test.each<[unknown, number | undefined]>([
    ['50GiB', 50 * 2 ** 30],
    ['50 GB', 50e9],
    ['1.5MiB', 1.5 * 2 ** 20],
    ['1000', 1000],
    [2048, 2048],
    ['12kib', 12 * 1024],
    ['-1GiB', undefined],
    ['GiB', undefined],
    [1.5, undefined],
    ['5 PB', undefined]
  ])('%s', (raw, bytes) => expect(parseSize(raw)).toBe(bytes))
})
