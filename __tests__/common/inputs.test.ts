import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../src/common/errors.js'
import {
  parseBoolean,
  parseEnum,
  parseKeyValues,
  parseList,
  wildcardToRegExp
} from '../../src/common/inputs.js'

describe('parseList', () => {
  test.each([
    ['a\nb', ['a', 'b']],
    ['a, b,,c', ['a', 'b', 'c']],
    ['  a \n\n b\n', ['a', 'b']],
    ['a\na', ['a']],
    ['', []]
  ])('%j', (raw, expected) => expect(parseList(raw)).toEqual(expected))
})

describe('parseBoolean', () => {
  test.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['', undefined]
  ])('%j', (raw, expected) => expect(parseBoolean('x', raw)).toBe(expected))
  test('falls back when empty', () => expect(parseBoolean('x', '', true)).toBe(true))
  test('names the input on anything else', () => {
    expect(() => parseBoolean('scan-on-push', 'maybe')).toThrow(
      'Input "scan-on-push": must be true or false, got "maybe"'
    )
  })
})

describe('parseEnum', () => {
  const allowed = ['AES256', 'KMS'] as const
  test('canonical spelling', () => expect(parseEnum('e', 'kms', allowed)).toBe('KMS'))
  test('empty is not given', () => expect(parseEnum('e', ' ', allowed)).toBeUndefined())
  test('unknown value lists the allowed ones', () => {
    expect(() => parseEnum('encryption-type', 'RSA', allowed)).toThrow(
      new InputError('encryption-type', 'must be one of AES256 | KMS, got "RSA"')
    )
  })
})

describe('parseKeyValues', () => {
  test('key=value per line, = allowed in values', () => {
    expect(parseKeyValues('t', 'team=core\nurl=a=b\nempty=')).toEqual({ team: 'core', url: 'a=b', empty: '' })
  })
  test.each(['novalue', '=x', 'a=1\na=2'])('rejects %j', raw => {
    expect(() => parseKeyValues('repository-tags', raw)).toThrow(InputError)
  })
})

describe('wildcardToRegExp', () => {
  test.each([
    ['release-*', 'release-1.2', true],
    ['release-*', 'release', false],
    ['*.final', '1.0.final', true],
    ['v1.0', 'v1x0', false],
    ['*', 'anything', true],
    ['a*b*c', 'aXXbYYc', true]
  ])('%s ~ %s = %s', (pattern, value, matches) => expect(wildcardToRegExp(pattern).test(value)).toBe(matches))
})
