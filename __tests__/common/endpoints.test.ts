import { describe, expect, test } from '@jest/globals'
import { apiEndpointRefusal } from '../../src/common/endpoint-regions.js'
import {
  AWS_SERVICES,
  clientEndpoint,
  endpointOverride,
  endpointUrlVariable,
  parseEndpointChoice,
  variantOf,
  type AwsService,
  type EndpointChoice
} from '../../src/common/endpoints.js'
import { inputErrorOf } from '../helpers/input-error.js'

const lookup = (env: Record<string, string>) => (name: string) => env[name]

describe('parseEndpointChoice: the input, else the SDK switches', () => {
  test.each<[string, Record<string, string>, EndpointChoice]>([
    ['', {}, 'default'],
    ['dual-stack', {}, 'dual-stack'],
    ['FIPS', {}, 'fips'],
    [' fips-dual-stack ', {}, 'fips-dual-stack'],
    ['', { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'dual-stack'],
    ['', { AWS_USE_FIPS_ENDPOINT: 'TRUE' }, 'fips'],
    ['', { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'fips-dual-stack'],
    ['', { AWS_USE_FIPS_ENDPOINT: 'false', AWS_USE_DUALSTACK_ENDPOINT: '' }, 'default'],
    // A given input wins over the variables.
    ['default', { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'default'],
    ['dual-stack', { AWS_USE_FIPS_ENDPOINT: 'true' }, 'dual-stack']
  ])('%j with %j → %s', (raw, env, expected) => {
    expect(parseEndpointChoice('endpoint', raw, lookup(env))).toBe(expected)
  })

  test.each<[string, Record<string, string>, RegExp]>([
    [
      'ipv6',
      {},
      /^Input "endpoint": must be one of default \| dual-stack \| fips \| fips-dual-stack, got "ipv6"$/
    ],
    ['dualstack', {}, /got "dualstack"/],
    ['', { AWS_USE_FIPS_ENDPOINT: 'yes' }, /is empty, so AWS_USE_FIPS_ENDPOINT decides, .* got "yes"/],
    ['', { AWS_USE_DUALSTACK_ENDPOINT: '1' }, /AWS_USE_DUALSTACK_ENDPOINT .* got "1"/]
  ])('%j with %j is refused', (raw, env, message) => {
    expect(inputErrorOf(() => parseEndpointChoice('endpoint', raw, lookup(env))).message).toMatch(message)
  })

  test('variants', () => {
    expect(variantOf('default')).toEqual({ fips: false, dualStack: false })
    expect(variantOf('dual-stack')).toEqual({ fips: false, dualStack: true })
    expect(variantOf('fips')).toEqual({ fips: true, dualStack: false })
    expect(variantOf('fips-dual-stack')).toEqual({ fips: true, dualStack: true })
  })
})

describe('endpoint overrides, read as the SDK reads them', () => {
  test.each<[AwsService, string]>([
    ['ECR', 'AWS_ENDPOINT_URL_ECR'],
    ['ECR PUBLIC', 'AWS_ENDPOINT_URL_ECR_PUBLIC'],
    ['Secrets Manager', 'AWS_ENDPOINT_URL_SECRETS_MANAGER'],
    ['AppRunner', 'AWS_ENDPOINT_URL_APPRUNNER'],
    ['Inspector2', 'AWS_ENDPOINT_URL_INSPECTOR2'],
    ['Lambda', 'AWS_ENDPOINT_URL_LAMBDA']
  ])('%s: %s', (service, variable) => {
    expect(endpointUrlVariable(service)).toBe(variable)
  })

  test.each<[Record<string, string>, AwsService, string | undefined]>([
    [{}, 'ECR', undefined],
    [{ AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:5057' }, 'ECR', 'http://127.0.0.1:5057'],
    [{ AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:5057' }, 'STS', undefined],
    [{ AWS_ENDPOINT_URL: 'http://localstack:4566' }, 'STS', 'http://localstack:4566'],
    [{ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://b' }, 'STS', 'http://b'],
    [{ AWS_ENDPOINT_URL_ECR: 'http://a', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, 'ECR', undefined],
    [{ AWS_ENDPOINT_URL_ECR: '' }, 'ECR', undefined]
  ])('%j, %s → %s', (env, service, expected) => {
    expect(endpointOverride(service, env)).toBe(expected)
  })
})

describe('clientEndpoint: what each client is told, always explicitly', () => {
  test.each(AWS_SERVICES)('%s: the choice without an override, neither variant with one', service => {
    const both = variantOf('fips-dual-stack')
    expect(clientEndpoint(service, both, {})).toEqual({ useFipsEndpoint: true, useDualstackEndpoint: true })
    expect(clientEndpoint(service, variantOf('default'), {})).toEqual({
      useFipsEndpoint: false,
      useDualstackEndpoint: false
    })
    expect(clientEndpoint(service, both, { [endpointUrlVariable(service)]: 'http://127.0.0.1:1' })).toEqual({
      useFipsEndpoint: false,
      useDualstackEndpoint: false
    })
    expect(clientEndpoint(service, both, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toEqual({
      useFipsEndpoint: false,
      useDualstackEndpoint: false
    })
  })
})

describe('apiEndpointRefusal: where each API offers a variant', () => {
  test.each<[AwsService, string, EndpointChoice, unknown]>([
    ['ECR', 'eu-west-1', 'default', undefined],
    ['ECR', 'eu-west-1', 'dual-stack', undefined],
    ['ECR', 'cn-north-1', 'dual-stack', undefined],
    ['ECR', 'us-gov-west-1', 'fips-dual-stack', undefined],
    ['ECR', 'us-east-1', 'fips', undefined],
    [
      'ECR',
      'eu-west-1',
      'fips',
      'ECR has no fips endpoint in eu-west-1 (there: default, dual-stack; fips: us-east-1, us-east-2, us-west-1, us-west-2, us-gov-east-1, us-gov-west-1)'
    ],
    [
      'ECR',
      'cn-north-1',
      'fips',
      expect.stringContaining('no fips endpoint in cn-north-1 (there: default, dual-stack;')
    ],
    [
      'ECR',
      'us-iso-east-1',
      'dual-stack',
      expect.stringContaining('(there: default; dual-stack: every aws region')
    ],
    [
      'ECR PUBLIC',
      'us-east-1',
      'dual-stack',
      'ECR PUBLIC has no dual-stack endpoint in us-east-1 (there: default; dual-stack: nowhere confirmed)'
    ],
    ['ECR PUBLIC', 'us-east-1', 'fips', expect.stringContaining('fips: nowhere confirmed')],
    ['ECS', 'eu-west-1', 'dual-stack', undefined],
    [
      'ECS',
      'us-east-1',
      'fips-dual-stack',
      expect.stringContaining(
        'ECS has no fips-dual-stack endpoint in us-east-1 (there: default, dual-stack, fips;'
      )
    ],
    ['Lambda', 'cn-north-1', 'dual-stack', undefined],
    [
      'Batch',
      'eu-west-1',
      'dual-stack',
      expect.stringContaining('Batch has no dual-stack endpoint in eu-west-1 (there: default;')
    ],
    ['AppRunner', 'us-west-1', 'fips', expect.stringContaining('fips: us-east-1, us-east-2, us-west-2')],
    ['Inspector2', 'us-west-2', 'fips', undefined],
    ['Secrets Manager', 'ca-central-1', 'fips-dual-stack', undefined],
    ['STS', 'ca-central-1', 'fips-dual-stack', undefined],
    [
      'STS',
      'ca-central-1',
      'fips',
      expect.stringContaining(
        'STS has no fips endpoint in ca-central-1 (there: default, dual-stack, fips-dual-stack;'
      )
    ],
    ['STS', 'us-gov-west-1', 'fips-dual-stack', expect.stringContaining('there: default, dual-stack, fips;')]
  ])('%s in %s, %s', (service, region, choice, expected) => {
    expect(apiEndpointRefusal(service, region, variantOf(choice))).toEqual(expected)
  })
})
