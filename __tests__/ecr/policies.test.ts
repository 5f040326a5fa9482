import { describe, expect, test } from '@jest/globals'
import { parseJsonInput, sameJson } from '../../src/common/json.js'
import { PULL_STATEMENT_SID, withPullAccounts } from '../../src/ecr/policies.js'
import { inputErrorOf } from '../helpers/input-error.js'

describe('parseJsonInput', () => {
  test('says the line and column of a syntax error', () => {
    const error = inputErrorOf(() =>
      parseJsonInput('lifecycle-policy', '{\n  "rules": [\n    { "rulePriority": 1, }\n  ]\n}')
    )
    expect(error.message).toMatch(/^Input "lifecycle-policy": is not valid JSON at line 3, column \d+/)
  })
})

describe('sameJson', () => {
  test.each([
    [{ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: 1 }, { a: 1, b: null }, false]
  ])('%j ~ %j = %s', (a, b, expected) => expect(sameJson(a, b)).toBe(expected))
})

describe('withPullAccounts', () => {
  const statement = {
    Sid: PULL_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { AWS: ['arn:aws:iam::111111111111:root'] }
  }
  test('builds the pull statement alone', () => {
    expect(withPullAccounts(undefined, ['111111111111'])).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          ...statement,
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']
        }
      ]
    })
  })

  test('merges with a given policy, replacing its own statement from an earlier run', () => {
    const other = {
      Sid: 'Lambda',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'ecr:BatchGetImage'
    }
    const merged = withPullAccounts(
      { Version: '2012-10-17', Statement: [other, { ...statement, Action: [] }] },
      ['222222222222']
    )
    expect(merged.Statement).toEqual([
      other,
      expect.objectContaining({
        Sid: PULL_STATEMENT_SID,
        Principal: { AWS: ['arn:aws:iam::222222222222:root'] }
      })
    ])
  })

  test('no accounts: the policy as given', () => {
    const policy = { Version: '2012-10-17', Statement: [] }
    expect(withPullAccounts(policy, [])).toBe(policy)
  })
})
