import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  CreatePullThroughCacheRuleCommand,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ValidatePullThroughCacheRuleCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { coreFixture } from '../helpers/core-fixture.js'

const core = coreFixture()
jest.unstable_mockModule('@actions/core', () => core.module)
const { run } = await import('../../src/pull-through-cache/main.js')

const ecr = mockClient(ECRClient)
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

beforeEach(() => {
  ecr.reset()
  core.reset({ prune: 'false', 'warm-timeout': '5m', 'stall-timeout': '60s' })
  process.env.AWS_REGION = 'eu-west-1'
  process.env.AWS_ACCESS_KEY_ID = 'a'
  process.env.AWS_SECRET_ACCESS_KEY = 'b'
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${HOST}` }
    ]
  })
})

describe('pull-through-cache run()', () => {
  test('rules: read, created, validated, in that order; the rules output', async () => {
    core.inputs.rules = '- prefix: quay\n  upstream: quay'
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [] })
    ecr.on(CreatePullThroughCacheRuleCommand).resolves({})
    ecr.on(ValidatePullThroughCacheRuleCommand).resolves({ isValid: true })
    await run()
    expect(core.groups).toEqual(['Pull-through-cache rules'])
    expect(ecr.calls().map(c => c.args[0].constructor.name)).toEqual([
      'GetAuthorizationTokenCommand',
      'DescribePullThroughCacheRulesCommand',
      'CreatePullThroughCacheRuleCommand',
      'ValidatePullThroughCacheRuleCommand'
    ])
    expect(JSON.parse(core.outputs.rules as string)).toMatchObject([
      { prefix: 'quay', upstreamUrl: 'quay.io' }
    ])
  })

  test.each([
    ['registry-id', { 'registry-id': '12' }],
    ['rules', { rules: '- prefix: quay' }],
    ['warm', { rules: '- prefix: quay\n  upstream: quay', warm: 'quay/../x:1' }]
  ])('bad %s stops before any call', async (input, given) => {
    Object.assign(core.inputs, given)
    await expect(run()).rejects.toMatchObject({ name: 'InputError', input })
    expect(ecr.calls()).toHaveLength(0)
  })
})
