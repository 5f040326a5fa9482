import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCreationTemplateCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
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
  core.reset({ prune: 'false', 'warm-timeout': '5m', 'stall-timeout': '60s', 'apply-to-existing': 'false' })
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

  const LIFECYCLE = JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 },
        action: { type: 'expire' }
      }
    ]
  })
  const withTemplate = `- prefix: quay\n  upstream: quay\n  template:\n    mutability: IMMUTABLE\n    lifecycle-policy: '${LIFECYCLE}'`

  function templatesScenario() {
    core.inputs.rules = withTemplate
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [] })
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({
      registryId: '123456789012',
      repositoryCreationTemplates: []
    })
    ecr.on(CreateRepositoryCreationTemplateCommand).resolves({})
    ecr.on(CreatePullThroughCacheRuleCommand).resolves({})
    ecr.on(ValidatePullThroughCacheRuleCommand).resolves({ isValid: true })
    ecr.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        { repositoryName: 'quay/argoproj/argocd', imageTagMutability: 'MUTABLE', registryId: '123456789012' },
        { repositoryName: 'other/app', imageTagMutability: 'MUTABLE' }
      ]
    })
    ecr
      .on(GetLifecyclePolicyCommand)
      .rejects(Object.assign(new Error('none'), { name: 'LifecyclePolicyNotFoundException' }))
  }

  test('templates: read with the rules, created before the rules; differing repositories listed and warned about', async () => {
    templatesScenario()
    await run()
    expect(core.groups).toEqual(['Repository creation templates', 'Pull-through-cache rules'])
    expect(ecr.calls().map(c => c.args[0].constructor.name)).toEqual([
      'GetAuthorizationTokenCommand',
      'DescribePullThroughCacheRulesCommand',
      'DescribeRepositoryCreationTemplatesCommand',
      'CreateRepositoryCreationTemplateCommand',
      'DescribeRepositoriesCommand',
      'GetLifecyclePolicyCommand',
      'CreatePullThroughCacheRuleCommand',
      'ValidatePullThroughCacheRuleCommand'
    ])
    expect(core.warnings).toEqual([
      expect.stringMatching(
        /^Template quay applies only to repositories created after it: 1 existing repository differs from it \(quay\/argoproj\/argocd\); apply-to-existing: true/
      )
    ])
    expect(JSON.parse(core.outputs.templates as string)).toEqual([
      expect.objectContaining({
        prefix: 'quay',
        appliedFor: ['PULL_THROUGH_CACHE'],
        tagMutability: 'IMMUTABLE',
        lifecyclePolicy: JSON.parse(LIFECYCLE)
      })
    ])
  })

  test("apply-to-existing: the repository gets the template's mutability and lifecycle policy", async () => {
    templatesScenario()
    core.inputs['apply-to-existing'] = 'true'
    ecr.on(PutImageTagMutabilityCommand).resolves({})
    ecr.on(PutLifecyclePolicyCommand).resolves({})
    await run()
    expect(core.warnings).toEqual([])
    expect(ecr.commandCalls(PutImageTagMutabilityCommand)[0]?.args[0].input).toMatchObject({
      repositoryName: 'quay/argoproj/argocd',
      imageTagMutability: 'IMMUTABLE'
    })
    expect(ecr.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input).toMatchObject({
      repositoryName: 'quay/argoproj/argocd',
      lifecyclePolicyText: LIFECYCLE
    })
  })

  test('templates in another registry than registry-id: refused before any change', async () => {
    templatesScenario()
    core.inputs['registry-id'] = '210987654321'
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ registryId: '123456789012' })
    await expect(run()).rejects.toThrow(
      /belong to the caller's own registry \(123456789012\), not registry-id 210987654321/
    )
    expect(ecr.commandCalls(CreateRepositoryCreationTemplateCommand)).toHaveLength(0)
    expect(ecr.commandCalls(CreatePullThroughCacheRuleCommand)).toHaveLength(0)
  })

  test('bad templates stop before any call', async () => {
    core.inputs.templates = '- prefix: team\n  applied-for: [PUSH]'
    await expect(run()).rejects.toMatchObject({ name: 'InputError', input: 'templates' })
    expect(ecr.calls()).toHaveLength(0)
  })
})
