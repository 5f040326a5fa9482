import { describe, expect, test } from '@jest/globals'
import type { SigningRule } from '@aws-sdk/client-ecr'
import {
  MAX_SIGNING_FILTERS,
  MAX_SIGNING_RULES,
  SIGNING_PROFILE_ARN,
  filterMatches,
  planSigningRule,
  ruleCovers
} from '../../src/ecr/signing-rules.js'

const PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release'
const OTHER = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/other'
const rule = (profile: string, ...filters: string[]): SigningRule => ({
  signingProfileArn: profile,
  ...(filters.length > 0
    ? { repositoryFilters: filters.map(filter => ({ filter, filterType: 'WILDCARD_MATCH' as const })) }
    : {})
})

describe('filterMatches (WILDCARD_MATCH)', () => {
  test.each([
    ['team/app', 'team/app', true],
    ['team/app', 'team/app2', false],
    ['team/app', 'x/team/app', false],
    ['team/*', 'team/app', true],
    ['team/*', 'team/a/b', true],
    ['team/*', 'team', false],
    ['*/production', 'svc/production', true],
    ['*prod*', 'a/prod-x', true],
    ['*', 'anything/at/all', true],
    ['team.app', 'teamxapp', false],
    ['a-b', 'a-b', true]
  ])('%s against %s → %s', (filter, name, expected) => {
    expect(filterMatches(filter, name)).toBe(expected)
  })
})

describe('ruleCovers', () => {
  test('a rule without filters signs every repository', () => {
    expect(ruleCovers(rule(PROFILE), 'any/thing')).toBe(true)
    expect(ruleCovers({ signingProfileArn: PROFILE, repositoryFilters: [] }, 'any/thing')).toBe(true)
  })
  test('one matching filter is enough', () => {
    expect(ruleCovers(rule(PROFILE, 'x/*', 'team/*'), 'team/app')).toBe(true)
    expect(ruleCovers(rule(PROFILE, 'x/*'), 'team/app')).toBe(false)
  })
})

describe('SIGNING_PROFILE_ARN', () => {
  test.each([
    [PROFILE, true],
    ['arn:aws-us-gov:signer:us-gov-west-1:123456789012:/signing-profiles/my_profile', true],
    ['arn:aws-cn:signer:cn-north-1:123456789012:/signing-profiles/p1', true],
    ['arn:aws:signer:us-east-1:123456789012:/signing-profiles/a', false],
    ['arn:aws:signer:us-east-1:123456789012:signing-profiles/release', false],
    ['arn:aws:signer:us-east-1:12345678901:/signing-profiles/release', false],
    ['arn:aws:signer:us-east-1:123456789012:/signing-profiles/re-lease', false],
    ['arn:aws:kms:us-east-1:123456789012:key/abc', false],
    [`${PROFILE}/2`, false]
  ])('%s → %s', (arn, valid) => {
    expect(SIGNING_PROFILE_ARN.test(arn)).toBe(valid)
  })
})

describe('planSigningRule', () => {
  const full = (profile: string, prefix: string) =>
    rule(profile, ...Array.from({ length: MAX_SIGNING_FILTERS }, (_, i) => `${prefix}${i}`))
  test.each<[string, SigningRule[], string, ReturnType<typeof planSigningRule>]>([
    [
      'no configuration: a new rule',
      [],
      'team/app',
      { kind: 'add', filter: 'team/app', rules: [rule(PROFILE, 'team/app')] }
    ],
    [
      'covered by an exact filter',
      [rule(OTHER, 'x'), rule(PROFILE, 'team/app')],
      'team/app',
      { kind: 'covered', rule: 1, filter: 'team/app' }
    ],
    [
      'covered by a wildcard',
      [rule(PROFILE, 'team/*')],
      'team/app',
      { kind: 'covered', rule: 0, filter: 'team/*' }
    ],
    ['covered by a rule without filters', [rule(PROFILE)], 'team/app', { kind: 'covered', rule: 0 }],
    [
      "another profile's rule does not count: a new rule, the other kept",
      [rule(OTHER, 'team/*')],
      'team/app',
      { kind: 'add', filter: 'team/app', rules: [rule(OTHER, 'team/*'), rule(PROFILE, 'team/app')] }
    ],
    [
      "the profile's rule gets the name as one more filter; the others untouched",
      [rule(OTHER, 'a'), rule(PROFILE, 'svc/*'), rule(OTHER, 'b')],
      'team/app',
      {
        kind: 'append',
        rule: 1,
        filter: 'team/app',
        rules: [rule(OTHER, 'a'), rule(PROFILE, 'svc/*', 'team/app'), rule(OTHER, 'b')]
      }
    ],
    [
      "the profile's first rule with room",
      [full(PROFILE, 'p'), rule(PROFILE, 'q')],
      'team/app',
      {
        kind: 'append',
        rule: 1,
        filter: 'team/app',
        rules: [full(PROFILE, 'p'), rule(PROFILE, 'q', 'team/app')]
      }
    ],
    [
      "the profile's rules full: a new rule",
      [full(PROFILE, 'p')],
      'team/app',
      { kind: 'add', filter: 'team/app', rules: [full(PROFILE, 'p'), rule(PROFILE, 'team/app')] }
    ]
  ])('%s', (_name, rules, repository, expected) => {
    expect(planSigningRule(rules, PROFILE, repository)).toEqual(expected)
  })

  test('ten rules, none of this profile: refused, naming the limit', () => {
    const rules = Array.from({ length: MAX_SIGNING_RULES }, (_, i) => rule(OTHER, `r${i}`))
    const plan = planSigningRule(rules, PROFILE, 'team/app')
    expect(plan.kind).toBe('refused')
    expect(plan.kind === 'refused' && plan.reason).toMatch(/has 10 rules, ECR's limit is 10/)
  })

  test("ten rules, this profile's full: refused, saying so", () => {
    const rules = [full(PROFILE, 'p'), ...Array.from({ length: 9 }, (_, i) => rule(OTHER, `r${i}`))]
    const plan = planSigningRule(rules, PROFILE, 'team/app')
    expect(plan.kind === 'refused' && plan.reason).toMatch(/100 filters each/)
  })

  test('a name no filter can be (doubled separators) is refused when it is not covered', () => {
    expect(planSigningRule([], PROFILE, 'team__app').kind).toBe('refused')
    expect(planSigningRule([rule(PROFILE, 'team*')], PROFILE, 'team__app')).toEqual({
      kind: 'covered',
      rule: 0,
      filter: 'team*'
    })
  })

  test('the rules given are never changed in place', () => {
    const rules = [rule(PROFILE, 'svc/*')]
    const copy = structuredClone(rules)
    planSigningRule(rules, PROFILE, 'team/app')
    expect(rules).toEqual(copy)
  })
})
