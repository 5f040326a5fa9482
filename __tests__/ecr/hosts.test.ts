import { describe, expect, test } from '@jest/globals'
import { parseRegistryHost, registryHostOf } from '../../src/ecr/hosts.js'

describe('parseRegistryHost', () => {
  test.each([
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      {
        accountId: '123456789012',
        region: 'eu-west-1',
        fips: false,
        dualStack: false,
        domain: 'amazonaws.com'
      }
    ],
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com', { region: 'us-east-1', fips: false }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:latest', { region: 'us-east-1' }],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
      { region: 'us-gov-west-1', fips: true, dualStack: false }
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      { region: 'cn-north-1', domain: 'amazonaws.com.cn' }
    ],
    ['123456789012.dkr-ecr.eu-west-1.on.aws', { region: 'eu-west-1', dualStack: true, domain: 'on.aws' }],
    ['123456789012.dkr-ecr-fips.us-east-1.on.aws', { fips: true, dualStack: true }],
    ['123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn', { dualStack: true }],
    [
      '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu',
      { region: 'eusc-de-east-1', domain: 'amazonaws.eu' }
    ],
    ['123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov', { region: 'us-iso-east-1' }],
    ['123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM', { region: 'eu-west-1' }],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com:443', { region: 'eu-west-1' }]
  ])('private %s', (value, expected) => {
    expect(parseRegistryHost(value)).toMatchObject({ kind: 'private', ...expected })
  })

  test.each([
    ['public.ecr.aws', false],
    ['https://public.ecr.aws/abc123/app:1', false],
    ['ecr-public.aws.com', true]
  ])('public %s', (value, dualStack) => {
    expect(parseRegistryHost(value)).toEqual({
      kind: 'public',
      host: new URL(`https://${value.replace(/^https:\/\//, '')}`).hostname,
      dualStack
    })
  })

  test.each([
    'evil.public.ecr.aws.example.com',
    'public.ecr.aws.example.com',
    'xpublic.ecr.aws',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com.example.com',
    'evil.com/123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    '12345678901.dkr.ecr.eu-west-1.amazonaws.com',
    '1234567890123.dkr.ecr.eu-west-1.amazonaws.com',
    '123456789012.dkr.ecr..amazonaws.com',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.org',
    'https://user:pass@public.ecr.aws',
    'docker.io',
    '',
    '   '
  ])('not ECR: %j', value => {
    expect(parseRegistryHost(value)).toBeUndefined()
  })
})

describe('registryHostOf', () => {
  test.each([
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['https://registry.local:5000/', 'registry.local:5000'],
    ['registry.local', 'registry.local']
  ])('%s → %s', (endpoint, host) => {
    expect(registryHostOf(endpoint)).toBe(host)
  })
})
