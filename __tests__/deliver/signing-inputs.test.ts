import { describe, expect, test } from '@jest/globals'
import { parseSigning } from '../../src/deliver/signing-inputs.js'

const parse = (inputs: Record<string, string>, pushes = true) =>
  parseSigning(name => inputs[name] ?? '', pushes)

describe('signing inputs', () => {
  test.each([
    ['alias/ci-signing', { key: 'alias/ci-signing', format: 'simple', platforms: false }],
    [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      { key: '1234abcd-12ab-34cd-56ef-1234567890ab', format: 'simple', platforms: false }
    ],
    [
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      { key: 'mrk-1234abcd12ab34cd56ef1234567890ab', format: 'simple', platforms: false }
    ],
    [
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      {
        key: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        format: 'simple',
        platforms: false
      }
    ],
    [
      'arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/sign',
      expect.objectContaining({ format: 'simple' })
    ]
  ])('%s', (key, expected) => {
    expect(parse({ 'signing-key': key })).toEqual(expected)
  })

  test('format and platforms', () => {
    expect(
      parse({ 'signing-key': 'alias/k', 'signature-format': 'bundle', 'sign-platforms': 'true' })
    ).toEqual({
      key: 'alias/k',
      format: 'bundle',
      platforms: true
    })
  })

  test.each<[Record<string, string>, boolean, RegExp]>([
    [
      { 'signing-key': 'my key' },
      true,
      /Input "signing-key": "my key" is not a KMS key ID, key ARN, alias ARN or alias\/<name>/
    ],
    [{ 'signing-key': 'arn:aws:s3:::bucket' }, true, /is not a KMS key/],
    [
      { 'signing-key': 'alias/k', 'signature-format': 'dsse' },
      true,
      /Input "signature-format": must be one of simple \| bundle/
    ],
    [{ 'signature-format': 'bundle' }, true, /Input "signature-format": applies only with signing-key/],
    [{ 'sign-platforms': 'true' }, true, /Input "sign-platforms": applies only with signing-key/],
    [{ 'signing-key': 'alias/k' }, false, /Input "signing-key": needs image or source/]
  ])('%j refused', (inputs, pushes, message) => {
    expect(() => parse(inputs, pushes)).toThrow(message)
  })

  test('no key: no signing', () => {
    expect(parse({})).toBeUndefined()
  })
})
