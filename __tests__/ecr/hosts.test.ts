import { describe, expect, test } from '@jest/globals'
import { variantOf, type EndpointChoice } from '../../src/common/endpoints.js'
import { parseRegistryHost, registryHostFor, registryHostIn, registryHostOf } from '../../src/ecr/hosts.js'

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

describe('the registry host of each endpoint variant', () => {
  const ACCOUNT = '123456789012'
  test.each<[string, EndpointChoice, string]>([
    ['us-east-1', 'default', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['us-east-1', 'dual-stack', '123456789012.dkr-ecr.us-east-1.on.aws'],
    ['us-east-1', 'fips', '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'],
    ['us-east-1', 'fips-dual-stack', '123456789012.dkr-ecr-fips.us-east-1.on.aws'],
    ['eu-west-1', 'dual-stack', '123456789012.dkr-ecr.eu-west-1.on.aws'],
    ['us-gov-west-1', 'fips', '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com'],
    ['us-gov-east-1', 'fips-dual-stack', '123456789012.dkr-ecr-fips.us-gov-east-1.on.aws'],
    ['cn-north-1', 'default', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', 'dual-stack', '123456789012.dkr-ecr.cn-northwest-1.on.amazonwebservices.com.cn'],
    ['us-iso-east-1', 'default', '123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov']
  ])('%s, %s: %s', (region, choice, host) => {
    expect(registryHostFor(ACCOUNT, region, variantOf(choice))).toEqual({ host })
    // What the parser reads back is what was asked for.
    expect(parseRegistryHost(host)).toMatchObject({ accountId: ACCOUNT, region, ...variantOf(choice) })
  })

  test.each<[string, EndpointChoice, RegExp]>([
    [
      'eu-west-1',
      'fips',
      /^the ECR registry has no fips endpoint in eu-west-1 \(there: default, dual-stack;/
    ],
    ['eu-west-1', 'fips-dual-stack', /no fips-dual-stack endpoint in eu-west-1/],
    ['cn-north-1', 'fips', /no fips endpoint in cn-north-1/],
    ['us-iso-east-1', 'dual-stack', /no dual-stack endpoint in us-iso-east-1 \(there: default;/],
    ['eusc-de-east-1', 'dual-stack', /no dual-stack endpoint in eusc-de-east-1/]
  ])('%s, %s is refused', (region, choice, refusal) => {
    const chosen = registryHostFor(ACCOUNT, region, variantOf(choice))
    expect('refusal' in chosen && chosen.refusal).toMatch(refusal)
  })

  test('the login host rewritten; unchanged for the default; a port kept', () => {
    const login = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
    expect(registryHostIn(login, variantOf('default'))).toBe(login)
    expect(registryHostIn(login, variantOf('dual-stack'))).toBe('123456789012.dkr-ecr.us-east-1.on.aws')
    expect(registryHostIn(`${login}:8443`, variantOf('fips'))).toBe(
      '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com:8443'
    )
    expect(() => registryHostIn('registry.example.com', variantOf('fips'))).toThrow(
      'registry.example.com is not a private ECR registry host: it has no fips host'
    )
    expect(() => registryHostIn('123456789012.dkr.ecr.eu-west-1.amazonaws.com', variantOf('fips'))).toThrow(
      /no fips endpoint in eu-west-1/
    )
  })
})
