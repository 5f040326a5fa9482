/**
 * Repository creation templates through the bundled pull-through-cache action. moto has no template API:
 * the test ECR API (scripts/front/templates.mjs) answers the four template operations and logs each call;
 * the repositories that apply-to-existing fixes are moto's, checked through its ECR API. Each test makes
 * its own prefixes, secret and repository.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSecret, creationTemplates, recordApiCalls } from './front-api.js'
import { ecrApi, newDockerConfig, runStep } from './harness.js'

const workspace = mkdtempSync(join(tmpdir(), 'templates-it-'))
mkdirSync(join(workspace, 'ecr'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))
const step = (inputs: Record<string, string>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    inputs,
    env: { GITHUB_WORKSPACE: workspace }
  })

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

/**
 * What each test starts from: prefixes of its own, the Docker Hub credential's secret, the lifecycle
 * policy file (pretty-printed on purpose: ECR stores it as given, and it is compared parsed), and an
 * existing MUTABLE repository under the team prefix.
 */
async function setUp() {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
  const hub = `th${suffix}`
  const team = `tt${suffix}`
  const existing = `${team}/app`
  await createSecret(`ecr-pullthroughcache/${hub}`, { username: 'u', accessToken: 't' })
  writeFileSync(join(workspace, 'ecr', 'lifecycle.json'), JSON.stringify(LIFECYCLE, null, 2))
  await ecrApi('CreateRepository', { repositoryName: existing, imageTagMutability: 'MUTABLE' })
  const rules = (mutability: string) => `
- prefix: ${hub}
  upstream: docker-hub
  credential: ecr-pullthroughcache/${hub}
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
  return { suffix, hub, team, existing, rules, templates }
}
const TEMPLATE_CHANGES = /^(Create|Update|Delete)RepositoryCreationTemplate$/

describe('pull-through-cache action: repository creation templates', () => {
  test("creates a rule's template and a top-level one; lists the existing repository that differs", async () => {
    const { suffix, hub, team, existing, rules, templates } = await setUp()
    const recorder = await recordApiCalls()
    const result = await step({ rules: rules('IMMUTABLE'), templates })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    // Templates first: the rule's first pull must already find its template.
    expect((await recorder.calls()).filter(c => !c.startsWith('Describe'))).toEqual([
      'CreateRepositoryCreationTemplate',
      'CreateRepositoryCreationTemplate',
      'CreatePullThroughCacheRule',
      'ValidatePullThroughCacheRule'
    ])
    const stored = await creationTemplates()
    expect(stored.get(hub)).toMatchObject({
      appliedFor: ['PULL_THROUGH_CACHE'],
      imageTagMutability: 'IMMUTABLE',
      description: 'Docker Hub cache'
    })
    expect(JSON.parse(stored.get(hub)?.lifecyclePolicy as string)).toEqual(LIFECYCLE)
    expect(stored.get(team)).toMatchObject({
      appliedFor: ['REPLICATION', 'CREATE_ON_PUSH'],
      imageTagMutability: 'IMMUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' }
    })
    expect(JSON.parse(stored.get(team)?.repositoryPolicy as string)).toEqual(POLICY)
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
    // The output lists every template of the registry: other tests' are there too.
    expect(
      output
        .map(t => t.prefix)
        .filter(prefix => prefix.endsWith(suffix))
        .sort()
    ).toEqual([hub, team].sort())
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
    const { hub, team, rules, templates } = await setUp()
    expect((await step({ rules: rules('IMMUTABLE'), templates })).errors).toEqual([])
    const recorder = await recordApiCalls()
    const result = await step({ rules: rules('IMMUTABLE'), templates })
    expect(result.exitCode).toBe(0)
    expect(await recorder.calls(TEMPLATE_CHANGES)).toEqual([])
    expect(result.stdout).toContain(`template ${hub} (PULL_THROUGH_CACHE): unchanged`)
    expect(result.stdout).toContain(`template ${team} (REPLICATION, CREATE_ON_PUSH): unchanged`)
  })

  test('a change updates the template, saying what differs', async () => {
    const { hub, rules, templates } = await setUp()
    expect((await step({ rules: rules('IMMUTABLE'), templates })).errors).toEqual([])
    const recorder = await recordApiCalls()
    const result = await step({ rules: rules('MUTABLE'), templates })
    expect(result.exitCode).toBe(0)
    expect(await recorder.calls(TEMPLATE_CHANGES)).toEqual(['UpdateRepositoryCreationTemplate'])
    expect(result.stdout).toContain(
      `template ${hub} (PULL_THROUGH_CACHE): updated: mutability IMMUTABLE → MUTABLE`
    )
    expect((await creationTemplates()).get(hub)?.imageTagMutability).toBe('MUTABLE')
  })

  test('apply-to-existing brings the existing repository in line with its template', async () => {
    const { existing, rules, templates } = await setUp()
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
    const { suffix, hub, team, rules, templates } = await setUp()
    expect((await step({ rules: rules('MUTABLE'), templates })).errors).toEqual([])
    await ecrApi('CreateRepositoryCreationTemplate', {
      prefix: `stale${suffix}`,
      appliedFor: ['PULL_THROUGH_CACHE']
    })
    await ecrApi('CreateRepositoryCreationTemplate', {
      prefix: `mirror${suffix}`,
      appliedFor: ['REPLICATION']
    })
    const recorder = await recordApiCalls()
    // Only the rule's template declared: PULL_THROUGH_CACHE is the scope; the team template serves others.
    // (Undeclared PULL_THROUGH_CACHE templates of other tests go too: prune owns the whole scope.)
    const result = await step({ rules: rules('MUTABLE'), prune: 'true' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await recorder.calls(TEMPLATE_CHANGES)).toEqual(
      expect.arrayContaining(['DeleteRepositoryCreationTemplate'])
    )
    const left = await creationTemplates()
    expect(
      [`mirror${suffix}`, hub, team, `stale${suffix}`].filter(prefix => left.has(prefix)).sort()
    ).toEqual([`mirror${suffix}`, hub, team].sort())
    expect(
      [...left.values()]
        .filter(t => (t.appliedFor as string[]).includes('PULL_THROUGH_CACHE'))
        .map(t => t.prefix)
    ).toEqual([hub])
    expect(result.stdout).toContain(`template stale${suffix}: deleted (not declared, prune is true)`)
    expect(result.stdout).toContain(`template mirror${suffix}: not declared, kept`)
  })

  test('a bad template fails before any call, naming the input and the rule', async () => {
    const { hub } = await setUp()
    const recorder = await recordApiCalls()
    const result = await step({
      rules: `- prefix: ${hub}\n  upstream: quay\n  template:\n    encryption: KMS`
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `Input "rules": rule 1 (${hub}) template: kms-key is required with encryption KMS`
    ])
    expect(await recorder.calls()).toEqual([])
  })
})
