/**
 * Repository creation templates through the bundled pull-through-cache action. moto has no template API:
 * the ECR API stand-in (ecr-api-with-cache-rules.ts) answers the four template operations from memory and
 * records each call; the repositories that apply-to-existing fixes are moto's, checked through its ECR API.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EcrApiWithCacheRules } from './ecr-api-with-cache-rules.js'
import { ecrApi, newDockerConfig, runStep, testEnv } from './harness.js'

const api = new EcrApiWithCacheRules(testEnv.AWS_ENDPOINT_URL_ECR as string)
const workspace = mkdtempSync(join(tmpdir(), 'templates-it-'))
const step = (inputs: Record<string, string>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    inputs,
    env: { AWS_ENDPOINT_URL_ECR: api.endpoint, GITHUB_WORKSPACE: workspace }
  })
const suffix = Date.now().toString(36)
const hub = `th${suffix}`
const team = `tt${suffix}`
const existing = `${team}/app`

const LIFECYCLE = {
  rules: [
    {
      rulePriority: 1,
      description: 'untagged after 14 days',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' }
    }
  ]
}
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Pull',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']
    }
  ]
}

const rules = (mutability: string) => `
- prefix: ${hub}
  upstream: docker-hub
  credential: ecr-pullthroughcache/docker-hub
  template:
    mutability: ${mutability}
    lifecycle-policy: ecr/lifecycle.json
    description: Docker Hub cache
`
const templates = `
- prefix: ${team}
  applied-for: [REPLICATION, CREATE_ON_PUSH]
  mutability: IMMUTABLE
  lifecycle-policy: ${JSON.stringify(LIFECYCLE)}
  repository-policy: |
    ${JSON.stringify(POLICY)}
`
const changes = () => api.calls.filter(c => /^(Create|Update|Delete)RepositoryCreationTemplate$/.test(c))

beforeAll(async () => {
  await api.start()
  mkdirSync(join(workspace, 'ecr'))
  // Pretty-printed on purpose: ECR stores it as given, and it is compared parsed.
  writeFileSync(join(workspace, 'ecr', 'lifecycle.json'), JSON.stringify(LIFECYCLE, null, 2))
  await ecrApi('CreateRepository', { repositoryName: existing, imageTagMutability: 'MUTABLE' })
})
afterAll(async () => {
  await api.stop()
  rmSync(workspace, { recursive: true, force: true })
})

describe('pull-through-cache action: repository creation templates', () => {
  test("creates a rule's template and a top-level one; lists the existing repository that differs", async () => {
    const result = await step({ rules: rules('IMMUTABLE'), templates })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    // Templates first: the rule's first pull must already find its template.
    expect(api.calls.filter(c => !c.startsWith('Describe'))).toEqual([
      'CreateRepositoryCreationTemplate',
      'CreateRepositoryCreationTemplate',
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule'
    ])
    expect(api.templates.get(hub)).toMatchObject({
      appliedFor: ['PULL_THROUGH_CACHE'],
      imageTagMutability: 'IMMUTABLE',
      description: 'Docker Hub cache'
    })
    expect(JSON.parse(api.templates.get(hub)?.lifecyclePolicy as string)).toEqual(LIFECYCLE)
    expect(api.templates.get(team)).toMatchObject({
      appliedFor: ['REPLICATION', 'CREATE_ON_PUSH'],
      imageTagMutability: 'IMMUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' }
    })
    expect(JSON.parse(api.templates.get(team)?.repositoryPolicy as string)).toEqual(POLICY)
    expect(result.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Template ${team} applies only to repositories created after it: 1 existing repository differs`
        )
      )
    ])
    expect(result.stdout).toContain(
      `${existing}: mutability is MUTABLE, the template says IMMUTABLE; no lifecycle policy; no repository policy`
    )
    const output = JSON.parse(result.outputs.templates as string) as { prefix: string }[]
    expect(output.map(t => t.prefix).sort()).toEqual([hub, team].sort())
    expect(result.summary).toContain('Repository creation templates')
    expect(result.summary).toMatch(
      new RegExp(
        `<td><code>${team}</code></td><td>REPLICATION, CREATE_ON_PUSH</td><td>created</td><td><code>${team}/app</code>: mutability is MUTABLE`
      )
    )
    // Listing changed nothing.
    const [repository] = (
      await ecrApi<{ repositories: { imageTagMutability: string }[] }>('DescribeRepositories', {
        repositoryNames: [existing]
      })
    ).repositories
    expect(repository?.imageTagMutability).toBe('MUTABLE')
  })

  test('a second run reports unchanged and calls no Create or Update', async () => {
    api.calls.length = 0
    const result = await step({ rules: rules('IMMUTABLE'), templates })
    expect(result.exitCode).toBe(0)
    expect(changes()).toEqual([])
    expect(result.stdout).toContain(`template ${hub} (PULL_THROUGH_CACHE): unchanged`)
    expect(result.stdout).toContain(`template ${team} (REPLICATION, CREATE_ON_PUSH): unchanged`)
  })

  test('a change updates the template, saying what differs', async () => {
    api.calls.length = 0
    const result = await step({ rules: rules('MUTABLE'), templates })
    expect(result.exitCode).toBe(0)
    expect(changes()).toEqual(['UpdateRepositoryCreationTemplate'])
    expect(result.stdout).toContain(
      `template ${hub} (PULL_THROUGH_CACHE): updated: mutability IMMUTABLE → MUTABLE`
    )
    expect(api.templates.get(hub)?.imageTagMutability).toBe('MUTABLE')
  })

  test('apply-to-existing brings the existing repository in line with its template', async () => {
    const result = await step({ rules: rules('MUTABLE'), templates, 'apply-to-existing': 'true' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([])
    expect(result.stdout).toMatch(
      new RegExp(
        `${existing}: .* → brought in line: image-tag-mutability set to IMMUTABLE; lifecycle policy put; repository policy set`
      )
    )
    const [repository] = (
      await ecrApi<{ repositories: { imageTagMutability: string }[] }>('DescribeRepositories', {
        repositoryNames: [existing]
      })
    ).repositories
    expect(repository?.imageTagMutability).toBe('IMMUTABLE')
    const { lifecyclePolicyText } = await ecrApi<{ lifecyclePolicyText: string }>('GetLifecyclePolicy', {
      repositoryName: existing
    })
    expect(JSON.parse(lifecyclePolicyText)).toEqual(LIFECYCLE)
    const { policyText } = await ecrApi<{ policyText: string }>('GetRepositoryPolicy', {
      repositoryName: existing
    })
    expect(JSON.parse(policyText)).toEqual(POLICY)

    // In line now: nothing listed, nothing written.
    const again = await step({ rules: rules('MUTABLE'), templates, 'apply-to-existing': 'true' })
    expect(again.exitCode).toBe(0)
    expect(again.stdout).not.toContain(`${existing}:`)
  })

  test('prune deletes undeclared templates of the declared scenarios and spares the others', async () => {
    api.templates.set(`stale${suffix}`, {
      prefix: `stale${suffix}`,
      appliedFor: ['PULL_THROUGH_CACHE'],
      createdAt: 0,
      updatedAt: 0
    })
    api.templates.set(`mirror${suffix}`, {
      prefix: `mirror${suffix}`,
      appliedFor: ['REPLICATION'],
      createdAt: 0,
      updatedAt: 0
    })
    api.calls.length = 0
    // Only the rule's template declared: PULL_THROUGH_CACHE is the scope; the team template serves others.
    const result = await step({ rules: rules('MUTABLE'), prune: 'true' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(changes()).toEqual(['DeleteRepositoryCreationTemplate'])
    expect([...api.templates.keys()].sort()).toEqual([`mirror${suffix}`, hub, team].sort())
    expect(result.stdout).toContain(`template stale${suffix}: deleted (not declared, prune is true)`)
    expect(result.stdout).toContain(`template mirror${suffix}: not declared, kept`)
  })

  test('a bad template fails before any call, naming the input and the rule', async () => {
    api.calls.length = 0
    const result = await step({
      rules: `- prefix: ${hub}\n  upstream: quay\n  template:\n    encryption: KMS`
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `Input "rules": rule 1 (${hub}) template: kms-key is required with encryption KMS`
    ])
    expect(api.calls).toEqual([])
  })
})
