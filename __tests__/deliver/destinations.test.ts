import { describe, expect, test } from '@jest/globals'
import { parseDestinations, refuseMainRegistry } from '../../src/deliver/destinations.js'

const parse = (raw: string, mainAccount?: string) => parseDestinations('destinations', raw, mainAccount)

describe('parseDestinations', () => {
  test.each([
    ['a region: the main account', 'eu-west-1', { region: 'eu-west-1', fips: false }],
    ['account/region', '210987654321/eu-west-1', { region: 'eu-west-1', accountId: '210987654321' }],
    [
      'a registry host',
      '210987654321.dkr.ecr.eu-west-1.amazonaws.com',
      { region: 'eu-west-1', accountId: '210987654321', host: '210987654321.dkr.ecr.eu-west-1.amazonaws.com' }
    ],
    [
      'a FIPS host',
      '210987654321.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
      { region: 'us-gov-west-1', fips: true, dualStack: false }
    ],
    ['a dual-stack host', '210987654321.dkr-ecr.eu-west-1.on.aws', { region: 'eu-west-1', dualStack: true }],
    ['a China region host', '210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn', { region: 'cn-north-1' }]
  ])('%s', (_case, raw, expected) => {
    expect(parse(raw)).toEqual([expect.objectContaining({ label: raw, ...expected })])
  })

  test('a region alone names no account and no host: the main account, the host its login gives', () => {
    expect(parse('eu-west-1')).toEqual([
      { label: 'eu-west-1', region: 'eu-west-1', fips: false, dualStack: false }
    ])
  })

  test('lines and commas, blank lines skipped, order kept', () => {
    expect(parse('eu-west-1, us-west-2\n\n210987654321/eu-west-1\n').map(d => d.label)).toEqual([
      'eu-west-1',
      'us-west-2',
      '210987654321/eu-west-1'
    ])
  })

  test.each([
    ['not a region', 'europe', /"europe" is not a destination/],
    ['a short account', '12345/eu-west-1', /"12345" is not a 12-digit account ID/],
    ['a bad region after the account', '210987654321/west', /"west" is not a region name/],
    ['a host that is not ECR', 'registry.example.com', /is not a destination/],
    ['ECR Public', 'public.ecr.aws', /ECR Public is not a destination/],
    ['a URL', 'https://210987654321.dkr.ecr.eu-west-1.amazonaws.com', /is not a destination/],
    ['the same region twice', 'eu-west-1\neu-west-1', /"eu-west-1" names the same registry as "eu-west-1"/],
    [
      'the same registry by host and account/region',
      '210987654321/eu-west-1\n210987654321.dkr.ecr.eu-west-1.amazonaws.com',
      /names the same registry as "210987654321\/eu-west-1"/
    ],
    ['a hostile line', 'eu-west-1\n::warning::x', /"::warning::x" is not a destination/]
  ])('%s is refused, naming the input', (_case, raw, rule) => {
    expect(() => parse(raw)).toThrow(new RegExp(`^Input "destinations": .*${rule.source}`))
  })

  test('a region of the main account named by registry-id too is the same registry', () => {
    expect(() => parse('eu-west-1\n123456789012/eu-west-1', '123456789012')).toThrow(
      /names the same registry/
    )
  })

  test(`more than 20 destinations`, () => {
    const many = Array.from({ length: 21 }, (_, i) => `${String(i).padStart(12, '1')}/eu-west-1`).join('\n')
    expect(() => parse(many)).toThrow(/at most 20 destinations/)
  })
})

describe('refuseMainRegistry', () => {
  test.each([
    ['the main region', 'eu-west-1', { region: 'eu-west-1' }, true],
    ['another region', 'us-west-2', { region: 'eu-west-1' }, false],
    [
      'registry-id and region of the main',
      '123456789012/eu-west-1',
      { region: 'eu-west-1', accountId: '123456789012' },
      true
    ],
    [
      'another account in the main region',
      '210987654321/eu-west-1',
      { region: 'eu-west-1', accountId: '123456789012' },
      false
    ],
    // The caller's account is not known before the login: the login's host decides then.
    [
      'an account in the main region, main account unknown',
      '210987654321/eu-west-1',
      { region: 'eu-west-1' },
      false
    ]
  ])('%s', (_case, raw, main, refused) => {
    const check = () => refuseMainRegistry('destinations', parse(raw), main)
    if (refused) expect(check).toThrow(/is the main registry/)
    else expect(check).not.toThrow()
  })
})
