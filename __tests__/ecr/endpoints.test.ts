import { describe, expect, test } from '@jest/globals'
import { variantOf, type EndpointChoice } from '../../src/common/endpoints.js'
import { refuseUnofferedEndpoints, type EndpointUse } from '../../src/ecr/endpoints.js'
import { inputErrorOf } from '../helpers/input-error.js'

const OVERRIDES = {
  AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:5057',
  AWS_ENDPOINT_URL_ECS: 'http://127.0.0.1:5057'
}

describe('refused combinations, before any call', () => {
  test.each<[string, EndpointChoice, EndpointUse[], Record<string, string>, RegExp | undefined]>([
    [
      'default is never refused',
      'default',
      [{ region: 'us-iso-east-1', services: ['ECR PUBLIC'], registry: 'public' }],
      {},
      undefined
    ],
    [
      'dual-stack in eu-west-1',
      'dual-stack',
      [{ region: 'eu-west-1', services: ['ECR'], registry: 'private' }],
      {},
      undefined
    ],
    [
      'FIPS outside the regions that have it',
      'fips',
      [{ region: 'eu-west-1', services: ['ECR'], registry: 'private' }],
      {},
      /^Input "endpoint": fips is not offered: the ECR registry has no fips endpoint in eu-west-1 \(there: default, dual-stack; fips: us-east-1, .*\); ECR has no fips endpoint in eu-west-1/
    ],
    [
      'an override wins for the API, the registry host still follows the choice',
      'fips',
      [{ region: 'eu-west-1', services: ['ECR'], registry: 'private' }],
      OVERRIDES,
      /^Input "endpoint": fips is not offered: the ECR registry has no fips endpoint in eu-west-1 \([^)]*\)$/
    ],
    [
      'an overridden API is not checked',
      'fips-dual-stack',
      [{ region: 'us-east-1', services: ['ECR', 'ECS'] }],
      OVERRIDES,
      undefined
    ],
    [
      'ECR Public with dual-stack',
      'dual-stack',
      [{ region: 'us-east-1', services: ['ECR PUBLIC'], registry: 'public' }],
      {},
      /ECR Public's registry has no dual-stack host confirmed .*; ECR PUBLIC has no dual-stack endpoint in us-east-1/
    ],
    [
      'ECR Public with an override for its API: its registry is still refused',
      'fips',
      [{ region: 'us-east-1', services: ['ECR PUBLIC'], registry: 'public' }],
      { AWS_ENDPOINT_URL_ECR_PUBLIC: 'http://127.0.0.1:5057' },
      /^Input "endpoint": fips is not offered: ECR Public's registry has no fips host confirmed \(public\.ecr\.aws: default only\)$/
    ],
    [
      'another client the step uses lacks the variant in a scanned region',
      'dual-stack',
      [
        { region: 'us-east-1', services: ['ECR'], registry: 'private' },
        { region: 'us-east-1', services: ['ECS', 'Lambda'] },
        { region: 'eu-west-1', services: ['ECS', 'Batch'] }
      ],
      {},
      /^Input "endpoint": dual-stack is not offered: Batch has no dual-stack endpoint in eu-west-1 \(there: default; dual-stack: nowhere confirmed\)$/
    ],
    [
      'STS for the caller, in a region with FIPS only over dual-stack',
      'fips',
      [
        { region: 'us-east-1', services: ['ECR', 'STS'], registry: 'private' },
        { region: 'ca-central-1', services: ['STS'] }
      ],
      {},
      /STS has no fips endpoint in ca-central-1 \(there: default, dual-stack, fips-dual-stack;/
    ],
    [
      'the same reason once, however many uses give it',
      'fips',
      [
        { region: 'eu-west-1', services: ['ECR'], registry: 'private' },
        { region: 'eu-west-1', services: ['ECR'], registry: 'private' }
      ],
      { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:5057' },
      /^(?!.*the ECR registry.*the ECR registry).*the ECR registry/
    ]
  ])('%s', (_what, choice, uses, env, expected) => {
    const refuse = () => refuseUnofferedEndpoints('endpoint', variantOf(choice), uses, env)
    if (expected === undefined) expect(refuse).not.toThrow()
    else expect(inputErrorOf(refuse).message).toMatch(expected)
  })
})
