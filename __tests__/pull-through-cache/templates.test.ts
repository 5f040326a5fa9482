import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { Repository, RepositoryCreationTemplate } from '@aws-sdk/client-ecr'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputErrorOf } from '../helpers/input-error.js'
import type { CreationTemplate } from '../../src/ecr/creation-templates.js'
import { parseCacheInputs } from '../../src/pull-through-cache/inputs.js'
import {
  diffTemplate,
  planTemplateChanges,
  repositoryDrift,
  templateFor
} from '../../src/pull-through-cache/template-plan.js'

const LIFECYCLE = {
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' }
    }
  ]
}
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Pull', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'ecr:BatchGetImage' }
  ]
}
const ROLE = 'arn:aws:iam::123456789012:role/ecr-templates'

let workspace: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'templates-'))
  mkdirSync(join(workspace, 'ecr'))
  writeFileSync(join(workspace, 'ecr', 'lifecycle.json'), JSON.stringify(LIFECYCLE, null, 2))
  process.env.GITHUB_WORKSPACE = workspace
})
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
  delete process.env.GITHUB_WORKSPACE
})

function parse(given: Record<string, string>) {
  return parseCacheInputs(name => given[name] ?? '', { region: 'eu-west-1', env: () => undefined }).templates
}

describe('parseTemplateInputs', () => {
  test("a rule's template (PULL_THROUGH_CACHE) and a top-level one, every field", () => {
    const parsed = parse({
      rules: `
- prefix: hub
  upstream: docker-hub
  credential: ecr-pullthroughcache/hub
  template:
    mutability: immutable_with_exclusion
    mutability-exclusions: [latest, dev-*]
    lifecycle-policy: ecr/lifecycle.json
    repository-policy: ${JSON.stringify(POLICY)}
    description: cached from Docker Hub
- prefix: quay
  upstream: quay
`,
      templates: `
- prefix: ROOT
  applied-for: [REPLICATION, CREATE_ON_PUSH]
  encryption: KMS
  kms-key: alias/ecr
  tags:
    team: core
    cost-center: 42
  role: ${ROLE}
  lifecycle-policy: |
    ${JSON.stringify(LIFECYCLE)}
`,
      'apply-to-existing': 'true'
    })
    expect(parsed.applyToExisting).toBe(true)
    expect(parsed.templates).toEqual([
      {
        prefix: 'hub',
        appliedFor: ['PULL_THROUGH_CACHE'],
        description: 'cached from Docker Hub',
        tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        tagMutabilityExclusions: ['latest', 'dev-*'],
        encryptionType: undefined,
        kmsKey: undefined,
        lifecyclePolicy: JSON.stringify(LIFECYCLE, null, 2),
        repositoryPolicy: JSON.stringify(POLICY),
        tags: undefined,
        roleArn: undefined
      },
      {
        prefix: 'ROOT',
        appliedFor: ['REPLICATION', 'CREATE_ON_PUSH'],
        description: undefined,
        tagMutability: undefined,
        tagMutabilityExclusions: undefined,
        encryptionType: 'KMS',
        kmsKey: 'alias/ecr',
        lifecyclePolicy: JSON.stringify(LIFECYCLE),
        repositoryPolicy: undefined,
        tags: { team: 'core', 'cost-center': '42' },
        roleArn: ROLE
      }
    ])
    expect(parsed.warnings).toEqual([])
  })

  test('nothing declared: no templates, apply-to-existing false', () => {
    expect(parse({ rules: '- prefix: quay\n  upstream: quay' })).toEqual({
      templates: [],
      applyToExisting: false,
      warnings: []
    })
  })

  test('warnings: tags in a pull-through-cache template (#2398), tags or KMS without a role, lint notes', () => {
    const { warnings } = parse({
      rules: `
- prefix: quay
  upstream: quay
  template:
    tags: { team: core }
    lifecycle-policy: ${JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'tagged',
            tagPrefixList: ['a', 'b'],
            countType: 'imageCountMoreThan',
            countNumber: 5
          },
          action: { type: 'expire' }
        }
      ]
    })}
`
    })
    expect(warnings).toEqual([
      expect.stringMatching(
        /^rule 1 \(quay\) template: lifecycle-policy: rule 1 \(priority 1\): the 2 entries of tagPrefixList are ANDed/
      ),
      expect.stringMatching(
        /^rule 1 \(quay\) template: resource tags in a PULL_THROUGH_CACHE template .*containers-roadmap#2398/
      ),
      expect.stringMatching(/^rule 1 \(quay\) template: ECR needs a custom role/)
    ])
  })

  const rule = (template: string) => `- prefix: quay\n  upstream: quay\n  template:\n${template}`
  test.each([
    [
      'rules',
      'unknown mutability',
      rule('    mutability: FROZEN'),
      /^rule 1 \(quay\) template: mutability must be one of MUTABLE/
    ],
    [
      'rules',
      'exclusions without an exclusion mutability',
      rule('    mutability-exclusions: [dev-*]'),
      /template: mutability-exclusions applies only with mutability IMMUTABLE_WITH_EXCLUSION/
    ],
    [
      'rules',
      'exclusion mutability without exclusions',
      rule('    mutability: IMMUTABLE_WITH_EXCLUSION'),
      /mutability-exclusions is required with mutability IMMUTABLE_WITH_EXCLUSION/
    ],
    [
      'rules',
      'bad exclusion',
      rule('    mutability: MUTABLE_WITH_EXCLUSION\n    mutability-exclusions: dev/*'),
      /mutability-exclusions "dev\/\*" must be 1 to 128/
    ],
    [
      'rules',
      'KMS without key',
      rule('    encryption: KMS'),
      /template: kms-key is required with encryption KMS/
    ],
    [
      'rules',
      'key without KMS',
      rule('    kms-key: alias/x'),
      /kms-key applies only with encryption KMS or KMS_DSSE/
    ],
    [
      'rules',
      'lifecycle lint error',
      rule('    lifecycle-policy: {"rules": [{"rulePriority": 1}]}'),
      /template: lifecycle-policy rule 1 \(priority 1\): selection.tagStatus must be one of/
    ],
    [
      'rules',
      'malformed lifecycle JSON',
      rule('    lifecycle-policy: |\n      {"rules": [}'),
      /template: lifecycle-policy is not valid JSON/
    ],
    [
      'rules',
      'lifecycle file missing',
      rule('    lifecycle-policy: ecr/missing.json'),
      /lifecycle-policy is neither inline JSON nor a readable file/
    ],
    [
      'rules',
      'lifecycle file outside the workspace',
      rule('    lifecycle-policy: ../../etc/passwd'),
      /lifecycle-policy is neither inline JSON nor a readable file/
    ],
    [
      'rules',
      'repository policy not an object',
      rule('    repository-policy: "[1]"'),
      /repository-policy must be a JSON object/
    ],
    ['rules', 'tags as a list', rule('    tags: [team]'), /template: tags must be a mapping of key: value/],
    [
      'rules',
      'reserved tag key',
      rule('    tags: { "aws:team": x }'),
      /tags key "aws:team": the aws: prefix is reserved/
    ],
    [
      'rules',
      'long description',
      rule(`    description: ${'x'.repeat(257)}`),
      /description is longer than ECR's 256 characters/
    ],
    ['rules', 'role not a role ARN', rule('    role: admin'), /role "admin" is not an IAM role ARN/],
    [
      'rules',
      'unknown template field',
      rule('    scan-on-push: true'),
      /rule 1 \(quay\) template: unknown field "scan-on-push"/
    ],
    [
      'rules',
      'applied-for in a rule template',
      rule('    applied-for: [REPLICATION]'),
      /unknown field "applied-for"/
    ],
    [
      'rules',
      'template not a mapping',
      '- prefix: quay\n  upstream: quay\n  template: IMMUTABLE',
      /rule 1 \(quay\) template must be a mapping/
    ],
    [
      'templates',
      'malformed YAML',
      '- prefix: team\n   applied-for: [REPLICATION',
      /^is not valid YAML at line \d+, column \d+/
    ],
    ['templates', 'not a list', 'prefix: team', /must be a YAML list of templates/],
    ['templates', 'no prefix', '- applied-for: [REPLICATION]', /^template 1: prefix is required/],
    [
      'templates',
      'bad prefix',
      '- prefix: Team\n  applied-for: [REPLICATION]',
      /template 1 \(Team\): prefix "Team" must be ROOT or/
    ],
    [
      'templates',
      'no applied-for',
      '- prefix: team',
      /template 1 \(team\): applied-for is required: one or more of PULL_THROUGH_CACHE/
    ],
    [
      'templates',
      'unknown applied-for',
      '- prefix: team\n  applied-for: [PUSH]',
      /template 1 \(team\): applied-for must be one of/
    ],
    [
      'templates',
      'unknown field',
      '- prefix: team\n  applied-for: [REPLICATION]\n  upstream: quay',
      /template 1: unknown field "upstream"/
    ],
    [
      'templates',
      'prefix twice',
      '- prefix: team\n  applied-for: [REPLICATION]\n- prefix: team\n  applied-for: [CREATE_ON_PUSH]',
      /template 2 \(team\): the prefix already has a template \(template 1\)/
    ],
    [
      'templates',
      "a rule's prefix again",
      '- prefix: quay\n  applied-for: [REPLICATION]',
      /template 1 \(quay\): the prefix already has a template in rules/
    ],
    ['apply-to-existing', 'not a boolean', '', /must be true or false/]
  ])('%s: %s', (input, _case, yaml, message) => {
    const given: Record<string, string> = { rules: rule('    mutability: IMMUTABLE') }
    if (input === 'apply-to-existing') given['apply-to-existing'] = 'maybe'
    else given[input] = yaml
    const error = inputErrorOf(() => parse(given))
    expect(error.input).toBe(input)
    expect(error.rule).toMatch(message)
  })
})

const hub: CreationTemplate = {
  prefix: 'hub',
  appliedFor: ['PULL_THROUGH_CACHE'],
  tagMutability: 'IMMUTABLE',
  lifecyclePolicy: JSON.stringify(LIFECYCLE),
  repositoryPolicy: JSON.stringify(POLICY),
  tags: { team: 'core' }
}
/** The same template as ECR reports it: defaults filled in, JSON reformatted, keys in another order. */
const hubInEcr: RepositoryCreationTemplate = {
  prefix: 'hub',
  appliedFor: ['PULL_THROUGH_CACHE'],
  description: '',
  imageTagMutability: 'IMMUTABLE',
  imageTagMutabilityExclusionFilters: [],
  encryptionConfiguration: { encryptionType: 'AES256' },
  lifecyclePolicy: JSON.stringify(LIFECYCLE, null, 2),
  repositoryPolicy: JSON.stringify({ Statement: POLICY.Statement, Version: POLICY.Version }),
  resourceTags: [{ Key: 'team', Value: 'core' }],
  createdAt: new Date(0),
  updatedAt: new Date(0)
}

describe('planTemplateChanges', () => {
  const replication: RepositoryCreationTemplate = { prefix: 'mirror', appliedFor: ['REPLICATION'] }
  const cacheOnly: RepositoryCreationTemplate = { prefix: 'old', appliedFor: ['PULL_THROUGH_CACHE'] }
  const root: RepositoryCreationTemplate = { prefix: 'ROOT', appliedFor: ['PULL_THROUGH_CACHE'] }
  test.each([
    ['missing: create', [hub], [], false, [{ action: 'create', template: hub }]],
    ['equal as ECR reports it: keep', [hub], [hubInEcr], false, [{ action: 'keep', template: hub }]],
    [
      'different: update, listing what differs',
      [hub],
      [
        {
          ...hubInEcr,
          imageTagMutability: 'MUTABLE',
          lifecyclePolicy: '',
          resourceTags: [{ Key: 'team', Value: 'ops' }],
          appliedFor: ['PULL_THROUGH_CACHE', 'REPLICATION']
        }
      ],
      false,
      [
        {
          action: 'update',
          template: hub,
          changes: [
            'applied-for [PULL_THROUGH_CACHE, REPLICATION] → [PULL_THROUGH_CACHE]',
            'mutability MUTABLE → IMMUTABLE',
            'lifecycle-policy set',
            'tags +team=core -team=ops'
          ]
        }
      ]
    ],
    [
      'undeclared, no prune: left alone',
      [hub],
      [hubInEcr, cacheOnly],
      false,
      [{ action: 'keep', template: hub }]
    ],
    [
      'prune: deletes undeclared templates of the declared scenarios (ROOT too), spares the others',
      [hub],
      [hubInEcr, cacheOnly, replication, root],
      true,
      [
        { action: 'keep', template: hub },
        { action: 'delete', prefix: 'old', appliedFor: ['PULL_THROUGH_CACHE'] },
        { action: 'spare', prefix: 'mirror', appliedFor: ['REPLICATION'] },
        { action: 'delete', prefix: 'ROOT', appliedFor: ['PULL_THROUGH_CACHE'] }
      ]
    ],
    [
      'prune with a REPLICATION template declared: REPLICATION templates are in scope',
      [{ prefix: 'team', appliedFor: ['REPLICATION'] }],
      [replication],
      true,
      [
        { action: 'create', template: { prefix: 'team', appliedFor: ['REPLICATION'] } },
        { action: 'delete', prefix: 'mirror', appliedFor: ['REPLICATION'] }
      ]
    ],
    [
      'prune with nothing declared: nothing deleted',
      [],
      [cacheOnly],
      true,
      [{ action: 'spare', prefix: 'old', appliedFor: ['PULL_THROUGH_CACHE'] }]
    ]
  ] as [string, CreationTemplate[], RepositoryCreationTemplate[], boolean, unknown[]][])(
    '%s',
    (_case, declared, existing, prune, expected) => {
      expect(planTemplateChanges(declared, existing, prune)).toEqual(expected)
    }
  )

  test('prune spares the template of a rule the step declares without template:', () => {
    expect(planTemplateChanges([hub], [hubInEcr, cacheOnly], true, ['hub', 'old'])).toEqual([
      { action: 'keep', template: hub },
      { action: 'spare', prefix: 'old', appliedFor: ['PULL_THROUGH_CACHE'] }
    ])
  })
})

describe('diffTemplate', () => {
  const base: CreationTemplate = { prefix: 'p', appliedFor: ['PULL_THROUGH_CACHE'] }
  test.each([
    [
      'defaults equal explicit defaults',
      base,
      { ...base, tagMutability: 'MUTABLE', encryptionType: 'AES256' },
      []
    ],
    [
      'applied-for as a set',
      { ...base, appliedFor: ['REPLICATION', 'PULL_THROUGH_CACHE'] },
      { ...base, appliedFor: ['PULL_THROUGH_CACHE', 'REPLICATION'] },
      []
    ],
    [
      'exclusions as a set',
      { ...base, tagMutability: 'IMMUTABLE_WITH_EXCLUSION', tagMutabilityExclusions: ['a', 'b'] },
      { ...base, tagMutability: 'IMMUTABLE_WITH_EXCLUSION', tagMutabilityExclusions: ['b', 'a'] },
      []
    ],
    [
      'exclusions changed',
      { ...base, tagMutabilityExclusions: ['a'] },
      { ...base, tagMutabilityExclusions: ['b'] },
      ['mutability-exclusions [a] → [b]']
    ],
    [
      'KMS key as alias matches the ARN',
      { ...base, encryptionType: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:123456789012:alias/ecr' },
      { ...base, encryptionType: 'KMS', kmsKey: 'alias/ecr' },
      []
    ],
    [
      'encryption changed',
      base,
      { ...base, encryptionType: 'KMS', kmsKey: 'alias/ecr' },
      ['encryption AES256 → KMS', 'kms-key (none) → alias/ecr']
    ],
    ['policy removed', { ...base, repositoryPolicy: '{}' }, base, ['repository-policy removed']],
    [
      'a stored policy that does not parse is different',
      { ...base, lifecyclePolicy: '{' },
      { ...base, lifecyclePolicy: '{}' },
      ['lifecycle-policy changed']
    ],
    [
      'description and role',
      { ...base, description: 'a' },
      { ...base, roleArn: ROLE },
      ['description "a" → ""', `role (none) → ${ROLE}`]
    ]
  ] as [string, CreationTemplate, CreationTemplate, string[]][])(
    '%s',
    (_case, current, declared, expected) => {
      expect(diffTemplate(current, declared)).toEqual(expected)
    }
  )
})

describe('templateFor', () => {
  test.each([
    ['hub/library/nginx', ['hub', 'ROOT'], 'hub'],
    ['hub/library/nginx', ['hub', 'hub/library'], 'hub/library'],
    ['hubx/nginx', ['hub', 'ROOT'], 'ROOT'],
    ['hub', ['hub'], undefined],
    ['quay/app', ['hub'], undefined]
  ])('%s under %j: %s', (repository, prefixes, expected) => {
    expect(templateFor(repository, prefixes)).toBe(expected)
  })
})

describe('repositoryDrift', () => {
  const repository: Repository = { repositoryName: 'hub/library/nginx', imageTagMutability: 'MUTABLE' }
  test('each declared setting compared; policies as parsed JSON', () => {
    expect(repositoryDrift(hub, repository, {})).toEqual({
      mutability: 'mutability is MUTABLE, the template says IMMUTABLE',
      lifecyclePolicy: 'no lifecycle policy',
      repositoryPolicy: 'no repository policy'
    })
    expect(
      repositoryDrift(
        hub,
        { ...repository, imageTagMutability: 'IMMUTABLE' },
        { lifecyclePolicy: JSON.stringify(LIFECYCLE, null, 4), repositoryPolicy: '{"Version":"2012-10-17"}' }
      )
    ).toEqual({ repositoryPolicy: 'repository policy differs' })
  })

  test('what the template leaves out is not compared', () => {
    expect(repositoryDrift({ prefix: 'hub', appliedFor: ['PULL_THROUGH_CACHE'] }, repository, {})).toEqual({})
  })

  test('exclusions compared when the mutability matches', () => {
    const template: CreationTemplate = {
      prefix: 'hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: ['latest']
    }
    expect(
      repositoryDrift(
        template,
        {
          ...repository,
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }]
        },
        {}
      )
    ).toEqual({ mutability: 'mutability-exclusions are [dev-*], the template says [latest]' })
  })
})
