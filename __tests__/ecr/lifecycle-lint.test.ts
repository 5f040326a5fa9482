import { describe, expect, test } from '@jest/globals'
import { lintLifecyclePolicy } from '../../src/ecr/lifecycle-lint.js'

const expireUntagged = {
  rulePriority: 1,
  selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
  action: { type: 'expire' }
}
const keepTen = {
  rulePriority: 10,
  selection: {
    tagStatus: 'tagged',
    tagPatternList: ['v*'],
    countType: 'imageCountMoreThan',
    countNumber: 10
  },
  action: { type: 'expire' }
}
const anyOld = {
  rulePriority: 100,
  selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 365 },
  action: { type: 'transition', targetStorageClass: 'archive' }
}
const lint = (rules: unknown[]) => {
  const policy = { rules }
  return lintLifecyclePolicy(policy, JSON.stringify(policy))
}
const withSelection = (rule: typeof keepTen, selection: Record<string, unknown>) => ({
  ...rule,
  selection: { ...rule.selection, ...selection }
})

describe('lintLifecyclePolicy', () => {
  test('a good policy: no errors, no warnings', () => {
    expect(lint([expireUntagged, keepTen, anyOld])).toEqual({ errors: [], warnings: [] })
  })

  test.each([
    ['no rules', [], /needs a non-empty "rules" list/],
    [
      'duplicate priority',
      [expireUntagged, { ...keepTen, rulePriority: 1 }],
      /rule 2 \(priority 1\): rulePriority 1 is also used by rule 1/
    ],
    [
      'priority not a number',
      [{ ...keepTen, rulePriority: 'first' }],
      /rule 1: rulePriority must be a whole number/
    ],
    [
      'tagged without a list',
      [withSelection(keepTen, { tagPatternList: undefined })],
      /tagStatus tagged needs tagPrefixList or tagPatternList/
    ],
    [
      'untagged with a list',
      [withSelection(expireUntagged as never, { tagPrefixList: ['v'] })],
      /tagStatus untagged cannot have tagPrefixList or tagPatternList/
    ],
    [
      'five stars',
      [withSelection(keepTen, { tagPatternList: ['*a*b*c*d*'] })],
      /tag pattern "\*a\*b\*c\*d\*" has more than four \*/
    ],
    [
      'any not highest',
      [{ ...anyOld, rulePriority: 5 }, keepTen],
      /a tagStatus any rule must have the highest rulePriority \(10 is higher\)/
    ],
    [
      'two untagged rules',
      [expireUntagged, { ...expireUntagged, rulePriority: 2 }],
      /2 rules select untagged images; ECR allows one/
    ],
    [
      'unknown countType',
      [withSelection(keepTen, { countType: 'imageAgeMoreThan' })],
      /countType must be one of imageCountMoreThan/
    ],
    [
      'days missing',
      [withSelection(expireUntagged as never, { countUnit: undefined })],
      /countType sinceImagePushed needs countUnit "days"/
    ],
    [
      'unit on a count',
      [withSelection(keepTen, { countUnit: 'days' })],
      /imageCountMoreThan takes no countUnit/
    ],
    [
      'count zero',
      [withSelection(keepTen, { countNumber: 0 })],
      /countNumber must be a whole number of 1 or more/
    ],
    [
      'unknown action',
      [{ ...keepTen, action: { type: 'delete' } }],
      /action.type must be expire or transition/
    ],
    [
      'transition without archive',
      [{ ...anyOld, action: { type: 'transition' } }],
      /transition needs targetStorageClass "archive"/
    ],
    [
      'unknown tagStatus',
      [withSelection(keepTen, { tagStatus: 'all' })],
      /tagStatus must be one of tagged, untagged, any/
    ]
  ])('%s', (_case, rules, error) => {
    const result = lint(rules)
    expect(result.errors.join('\n')).toMatch(error)
  })

  test('too long', () => {
    const policy = { rules: [{ ...keepTen, description: 'x'.repeat(31_000) }] }
    expect(lintLifecyclePolicy(policy, JSON.stringify(policy)).errors[0]).toMatch(/at most 30720/)
  })

  test('several entries in one list are ANDed: a warning, not an error', () => {
    const result = lint([withSelection(keepTen, { tagPatternList: ['v*', 'release-*'] })])
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([
      'rule 1 (priority 10): the 2 entries of tagPatternList are ANDed: an image must carry a tag for each (v*, release-*)'
    ])
  })
})
