import { describe, expect, test } from '@jest/globals'
import { coversCaller } from '../../src/ecr/pull-time.js'

describe('coversCaller: a pull-time update exclusion and the caller', () => {
  test.each([
    [
      'a role session, its role',
      'arn:aws:sts::123456789012:assumed-role/cleanup/gha-42',
      'arn:aws:iam::123456789012:role/cleanup',
      true
    ],
    [
      'a role session, its role under a path',
      'arn:aws:sts::123456789012:assumed-role/cleanup/s',
      'arn:aws:iam::123456789012:role/ci/cleanup',
      true
    ],
    [
      'another role',
      'arn:aws:sts::123456789012:assumed-role/cleanup/s',
      'arn:aws:iam::123456789012:role/deploy',
      false
    ],
    [
      'another account',
      'arn:aws:sts::123456789012:assumed-role/cleanup/s',
      'arn:aws:iam::210987654321:role/cleanup',
      false
    ],
    [
      'another partition',
      'arn:aws-cn:sts::123456789012:assumed-role/cleanup/s',
      'arn:aws:iam::123456789012:role/cleanup',
      false
    ],
    ['a user', 'arn:aws:iam::123456789012:user/ops/bot', 'arn:aws:iam::123456789012:user/ops/bot', true],
    [
      'a user named like the role',
      'arn:aws:iam::123456789012:user/cleanup',
      'arn:aws:iam::123456789012:role/cleanup',
      false
    ],
    ['not an ARN', 'cleanup', 'arn:aws:iam::123456789012:role/cleanup', false]
  ])('%s', (_case, caller, excluded, expected) => {
    expect(coversCaller(caller, excluded)).toBe(expected)
  })
})
