/**
 * Repository governance through the deliver action: lifecycle and repository policies as code, read back
 * through the ECR API; update-repository; a policy that breaks a rule refused before anything is created.
 */
import { describe, expect, test } from '@jest/globals'
import type { Tag } from '@aws-sdk/client-ecr'
import {
  describeRepository,
  ecrApi,
  newDockerConfig,
  runStep,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)

describe('repository governance: policies as code and update-repository', () => {
  const lifecycle = {
    rules: [
      {
        rulePriority: 1,
        description: 'expire untagged after 14 days',
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 14
        },
        action: { type: 'expire' }
      }
    ]
  }

  test('policies are applied, read back through the API, and a second run changes nothing', async () => {
    const repository = uniqueRepository('gov')
    const inputs = {
      repository,
      'lifecycle-policy': JSON.stringify(lifecycle),
      'allow-pull-accounts': '111111111111\n222222222222'
    }
    const first = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(first.errors).toEqual([])
    expect(first.stdout).toContain(`${repository}: lifecycle policy created`)
    expect(first.stdout).toContain(`${repository}: repository policy created`)
    const { lifecyclePolicyText } = await ecrApi<{ lifecyclePolicyText: string }>('GetLifecyclePolicy', {
      repositoryName: repository
    })
    expect(JSON.parse(lifecyclePolicyText)).toEqual(lifecycle)
    const { policyText } = await ecrApi<{ policyText: string }>('GetRepositoryPolicy', {
      repositoryName: repository
    })
    expect(JSON.parse(policyText).Statement[0].Principal.AWS).toEqual([
      'arn:aws:iam::111111111111:root',
      'arn:aws:iam::222222222222:root'
    ])

    const second = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toContain(`${repository}: lifecycle policy unchanged`)
    expect(second.stdout).toContain(`${repository}: repository policy unchanged`)
  })

  test('update-repository applies the settings to an existing repository', async () => {
    const repository = uniqueRepository('gov')
    expect((await deliver({ dockerConfig: newDockerConfig(), inputs: { repository } })).exitCode).toBe(0)
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: {
        repository,
        'update-repository': 'true',
        'image-tag-mutability': 'IMMUTABLE',
        'scan-on-push': 'true',
        'repository-tags': 'team=core'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.stdout).toContain(`${repository}: image-tag-mutability set to IMMUTABLE`)
    expect(await describeRepository(repository)).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true }
    })
    const created = await describeRepository(repository)
    const { tags } = await ecrApi<{ tags: Tag[] }>('ListTagsForResource', {
      resourceArn: created?.repositoryArn
    })
    expect(tags).toEqual([{ Key: 'team', Value: 'core' }])
  })

  test('a lifecycle policy that breaks a rule fails before anything is created', async () => {
    const repository = uniqueRepository('bad')
    const broken = {
      rules: [
        { ...lifecycle.rules[0], selection: { ...lifecycle.rules[0]?.selection, tagPrefixList: ['v'] } }
      ]
    }
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { repository, 'lifecycle-policy': JSON.stringify(broken) }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      'Input "lifecycle-policy": rule 1 (priority 1): tagStatus untagged cannot have tagPrefixList or tagPatternList (only tagged rules select by tag)'
    ])
    expect(await describeRepository(repository)).toBeUndefined()
  })
})
