import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MARKER, writePolicyTraps } from '../../test/fixtures/hostile.js'
import { inputErrorOf } from '../helpers/input-error.js'
import { parseDeliverInputs } from '../../src/deliver/inputs.js'

/** action.yml's defaults, as the runner fills them in. */
const DEFAULTS: Record<string, string> = {
  'create-repository': 'true',
  'max-concurrency': '5',
  'skip-logout': 'false',
  'mask-password': 'true'
}

function parse(given: Record<string, string>) {
  const inputs = { ...DEFAULTS, ...given }
  return parseDeliverInputs(name => inputs[name] ?? '', { sha: 'abc123' })
}

describe('parseDeliverInputs', () => {
  test('a typical delivery', () => {
    expect(parse({ image: 'app:ci', repository: 'team/app', tags: 'abc123\nlatest' })).toEqual({
      work: {
        kind: 'image',
        image: 'app:ci',
        repository: 'team/app',
        tags: ['abc123', 'latest'],
        maxConcurrency: 5,
        referrers: 'push'
      },
      registryId: undefined,
      registries: [],
      createRepository: true,
      settings: {
        tagMutability: undefined,
        tagMutabilityExclusions: undefined,
        scanOnPush: undefined,
        encryptionType: undefined,
        kmsKey: undefined,
        tags: undefined
      },
      skipLogout: false,
      stallTimeoutMs: 60_000,
      maskPassword: true,
      updateRepository: false,
      lifecyclePolicy: undefined,
      repositoryPolicy: undefined,
      scan: { wait: false, timeoutMs: 600_000, failOn: 'none', ignore: [] },
      destinations: [],
      scanDestinations: false,
      endpoint: { fips: false, dualStack: false },
      warnings: []
    })
  })

  test('login only: no image, no repository, no tags', () => {
    expect(parse({}).work).toEqual({ kind: 'login' })
  })

  test('a repository alone is ensured; a source carries its upload settings', () => {
    expect(parse({ repository: 'team/app' }).work).toEqual({ kind: 'ensure', repository: 'team/app' })
    expect(parse({ source: 'build/oci', repository: 'team/app', 'mount-from': 'team/base' }).work).toEqual({
      kind: 'source',
      source: 'build/oci',
      repository: 'team/app',
      tags: ['abc123'],
      maxConcurrency: 5,
      mountFrom: 'team/base',
      referrers: 'push'
    })
  })

  test.each([
    ['image', { image: 'app:ci', repository: 'team/app' }],
    ['source', { source: 'build/oci', repository: 'team/app' }]
  ])('the commit SHA is the default tag with %s', (_case, given) => {
    expect(parse(given).work).toMatchObject({ tags: ['abc123'] })
  })

  test('registry-type public with its catalog', () => {
    expect(
      parse({
        'registry-type': 'public',
        image: 'app:ci',
        repository: 'team/app',
        'public-description': 'An app',
        'public-architectures': 'x86-64, ARM 64',
        'public-operating-systems': 'Linux'
      }).public
    ).toEqual({
      description: 'An app',
      aboutText: undefined,
      usageText: undefined,
      architectures: ['x86-64', 'ARM 64'],
      operatingSystems: ['Linux']
    })
  })

  test('a source push', () => {
    expect(
      parse({ source: 'out.tar', repository: 'team/app', 'max-concurrency': '8', 'mount-from': 'team/base' })
    ).toMatchObject({
      work: { kind: 'source', source: 'out.tar', maxConcurrency: 8, mountFrom: 'team/base' }
    })
  })

  test('every setting', () => {
    const inputs = parse({
      image: 'app:ci',
      repository: 'team/app',
      'registry-id': '210987654321',
      registries: '111111111111, 222222222222',
      'image-tag-mutability': 'immutable_with_exclusion',
      'image-tag-mutability-exclusions': 'latest\ndev-*',
      'scan-on-push': 'true',
      'encryption-type': 'KMS',
      'kms-key': 'alias/ecr',
      'repository-tags': 'team=core\ncost-center=42'
    })
    expect(inputs.registryId).toBe('210987654321')
    expect(inputs.registries).toEqual(['111111111111', '222222222222'])
    expect(inputs.settings).toEqual({
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: ['latest', 'dev-*'],
      scanOnPush: true,
      encryptionType: 'KMS',
      kmsKey: 'alias/ecr',
      tags: { team: 'core', 'cost-center': '42' }
    })
  })

  test.each([
    ['a', 'repository', { repository: 'a' }],
    ['256 max', 'repository', { repository: 'a'.repeat(257) }],
    ['uppercase', 'repository', { repository: 'Team/App' }],
    ['leading separator', 'repository', { repository: '-team/app' }],
    ['trailing slash', 'repository', { repository: 'team/app/' }],
    ['double slash', 'repository', { repository: 'team//app' }],
    ['triple underscore', 'repository', { repository: 'team___app' }],
    ['image without repository', 'repository', { image: 'app:ci' }],
    ['bad tag', 'tags', { image: 'app:ci', repository: 'team/app', tags: 'v1\n-bad' }],
    ['tag too long', 'tags', { image: 'app:ci', repository: 'team/app', tags: 'a'.repeat(129) }],
    ['tag with slash', 'tags', { image: 'app:ci', repository: 'team/app', tags: 'feature/x' }],
    ['image and source', 'source', { image: 'app:ci', source: 'out.tar', repository: 'team/app' }],
    ['tags without image or source', 'tags', { tags: 'v1' }],
    ['source without repository', 'repository', { source: 'out.tar' }],
    ['max-concurrency zero', 'max-concurrency', { 'max-concurrency': '0' }],
    ['max-concurrency not a number', 'max-concurrency', { 'max-concurrency': 'many' }],
    ['max-concurrency too high', 'max-concurrency', { 'max-concurrency': '33' }],
    ['bad mount-from', 'mount-from', { 'mount-from': 'Team/Base' }],
    ['registry-id not 12 digits', 'registry-id', { 'registry-id': '12345' }],
    ['registries entry', 'registries', { registries: '123456789012\nabc' }],
    ['unknown mutability', 'image-tag-mutability', { 'image-tag-mutability': 'FROZEN' }],
    ['unknown encryption', 'encryption-type', { 'encryption-type': 'RSA' }],
    ['KMS without key', 'kms-key', { 'encryption-type': 'KMS' }],
    ['KMS_DSSE without key', 'kms-key', { 'encryption-type': 'KMS_DSSE' }],
    ['key without KMS', 'kms-key', { 'kms-key': 'alias/x' }],
    ['key with AES256', 'kms-key', { 'encryption-type': 'AES256', 'kms-key': 'alias/x' }],
    [
      'exclusions without the setting',
      'image-tag-mutability-exclusions',
      { 'image-tag-mutability-exclusions': 'dev-*' }
    ],
    [
      'setting without exclusions',
      'image-tag-mutability-exclusions',
      { 'image-tag-mutability': 'MUTABLE_WITH_EXCLUSION' }
    ],
    [
      'bad exclusion',
      'image-tag-mutability-exclusions',
      { 'image-tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'image-tag-mutability-exclusions': 'dev/*' }
    ],
    [
      'six exclusions',
      'image-tag-mutability-exclusions',
      { 'image-tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'image-tag-mutability-exclusions': 'a,b,c,d,e,f' }
    ],
    ['scan-on-push not a boolean', 'scan-on-push', { 'scan-on-push': 'sometimes' }],
    ['repository tag without =', 'repository-tags', { 'repository-tags': 'team' }],
    ['reserved tag key', 'repository-tags', { 'repository-tags': 'aws:team=x' }],
    ['create-repository not a boolean', 'create-repository', { 'create-repository': 'y' }],
    ['update-repository not a boolean', 'update-repository', { 'update-repository': 'please' }],
    [
      'malformed lifecycle JSON',
      'lifecycle-policy',
      { repository: 'team/app', 'lifecycle-policy': '{"rules": [}' }
    ],
    [
      'lifecycle lint error',
      'lifecycle-policy',
      {
        repository: 'team/app',
        'lifecycle-policy': JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              selection: { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 5 },
              action: { type: 'expire' }
            }
          ]
        })
      }
    ],
    [
      'lifecycle file missing',
      'lifecycle-policy',
      { repository: 'team/app', 'lifecycle-policy': 'no/such/file.json' }
    ],
    [
      'repository policy not an object',
      'repository-policy',
      { repository: 'team/app', 'repository-policy': '[1]' }
    ],
    [
      'allow-pull-accounts not an account',
      'allow-pull-accounts',
      { repository: 'team/app', 'allow-pull-accounts': 'prod' }
    ],
    ['policy without repository', 'repository-policy', { 'allow-pull-accounts': '111111111111' }],
    [
      'preview without a policy',
      'lifecycle-policy-preview',
      { repository: 'team/app', 'lifecycle-policy-preview': 'true' }
    ],
    [
      'unknown severity',
      'fail-on-severity',
      { image: 'x', repository: 'team/app', scan: 'wait', 'fail-on-severity': 'SEVERE' }
    ],
    [
      'timeout spelled wrong',
      'scan-timeout',
      { image: 'x', repository: 'team/app', scan: 'wait', 'scan-timeout': '10 minutes' }
    ],
    ['unknown scan mode', 'scan', { image: 'x', repository: 'team/app', scan: 'yes' }],
    [
      'fail-on-severity without scan wait',
      'fail-on-severity',
      { image: 'x', repository: 'team/app', 'fail-on-severity': 'HIGH' }
    ],
    ['scan without an image', 'scan', { repository: 'team/app', scan: 'wait' }],
    [
      'ignore with a bad date',
      'ignore-vulnerabilities',
      {
        image: 'x',
        repository: 'team/app',
        scan: 'wait',
        'ignore-vulnerabilities': 'CVE-2024-1 until=next-week'
      }
    ]
  ])('%s: error names %s', (_case, input, given) => {
    const error = inputErrorOf(() => parse(given))
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input "${input}": .+`))
  })

  test.each([['ab'], ['a'.repeat(256)], ['team/app'], ['my.repo_name__x-y--z/a1/b2'], ['a-----b']])(
    'accepts repository %s',
    name => {
      expect(parse({ repository: name }).work).toEqual({ kind: 'ensure', repository: name })
    }
  )

  test.each([['_underscore-start'], ['v1.2.3'], ['a'.repeat(128)], ['A_b.c-D']])('accepts tag %s', tag => {
    expect(parse({ image: 'x'.repeat(12), repository: 'team/app', tags: tag }).work).toMatchObject({
      tags: [tag]
    })
  })
})

describe('policy files stay in the workspace, capped, and are never quoted', () => {
  const root = mkdtempSync(join(tmpdir(), 'policy-traps-'))
  const workspace = join(root, 'workspace')
  const outside = join(root, 'outside')
  let traps: Record<string, string>
  const saved = process.env.GITHUB_WORKSPACE
  beforeAll(async () => {
    traps = await writePolicyTraps(workspace, outside)
    const policy = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 7
          },
          action: { type: 'expire' }
        }
      ]
    })
    writeFileSync(join(workspace, 'ok.json'), policy)
    mkdirSync(join(workspace, 'policies'))
    writeFileSync(join(workspace, 'policies', 'lifecycle.json'), policy)
    execFileSync('mkfifo', [join(workspace, 'fifo.json')])
    process.env.GITHUB_WORKSPACE = workspace
  })
  afterAll(() => {
    process.env.GITHUB_WORKSPACE = saved
    rmSync(root, { recursive: true, force: true })
  })

  test.each([
    ['an absolute path outside', 'outsideAbsolute', /is outside the workspace/],
    ['a relative path climbing out', 'outsideRelative', /is outside the workspace/],
    ['a symlink in the workspace pointing out', 'symlinkOut', /is outside the workspace/],
    ['a device', 'device', /is outside the workspace/],
    ['a symlink to a device', 'symlinkToDevice', /is outside the workspace/],
    ['a file larger than ECR takes', 'huge', /has \d+ bytes, more than the 30720 allowed/],
    ['JSON nested absurdly deep', 'deep', /has \d+ bytes|nests deeper than 64 levels/]
  ])('lifecycle-policy: %s is refused, naming the input', (_case, trap, reason) => {
    const error = inputErrorOf(() =>
      parse({ repository: 'team/app', 'lifecycle-policy': traps[trap] as string })
    )
    expect(error.input).toBe('lifecycle-policy')
    expect(error.message).toMatch(reason)
    expect(error.message).not.toContain(MARKER)
  })

  test('a FIFO is refused without waiting for a writer', () => {
    const error = inputErrorOf(() => parse({ repository: 'team/app', 'repository-policy': 'fifo.json' }))
    expect(error.message).toMatch(/fifo.json is not a regular file/)
  })

  test('repository-policy: deep nesting inline names the input', () => {
    const deep = `{"a": ${'['.repeat(200)}${']'.repeat(200)}}`
    const error = inputErrorOf(() => parse({ repository: 'team/app', 'repository-policy': deep }))
    expect(error.input).toBe('repository-policy')
    expect(error.message).toMatch(/nests deeper than 64 levels/)
  })

  test('text that is not JSON is refused without being quoted', () => {
    writeFileSync(join(workspace, 'text.json'), `root:${MARKER}:0:0:root:/root:/bin/bash\n`)
    const error = inputErrorOf(() => parse({ repository: 'team/app', 'lifecycle-policy': 'text.json' }))
    expect(error.message).toBe(
      'Input "lifecycle-policy": is not valid JSON at line 1, column 1: it does not start like JSON'
    )
  })

  test.each([['ok.json'], ['./policies/lifecycle.json'], ['policies/../ok.json']])(
    '%s inside the workspace is read',
    path => {
      expect(parse({ repository: 'team/app', 'lifecycle-policy': path }).lifecyclePolicy?.text).toContain(
        'rules'
      )
    }
  )

  test('an absolute path inside the workspace is read', () => {
    const path = join(workspace, 'ok.json')
    expect(parse({ repository: 'team/app', 'lifecycle-policy': path }).lifecyclePolicy?.text).toBe(
      readFileSync(path, 'utf8')
    )
  })
})

describe('image: the reference grammar', () => {
  test.each([
    ['app:ci'],
    ['registry.example:5000/team/app:v1'],
    [`team/app@sha256:${'a'.repeat(64)}`],
    [`sha256:${'b'.repeat(64)}`],
    ['0123456789ab'],
    ['localhost/app']
  ])('%s is accepted', image =>
    expect(parse({ image, repository: 'team/app' }).work).toMatchObject({ image })
  )

  test.each([['app:ci\n::stop-commands::x'], ['../app'], ['App:ci'], ['app:'], ['app@sha256:short']])(
    '%j is refused',
    image => expect(inputErrorOf(() => parse({ image, repository: 'team/app' })).input).toBe('image')
  )
})

describe('destinations, platform and scan-destinations against the other inputs', () => {
  const push = { source: 'out', repository: 'team/app' }
  test('destinations parsed in order; a source narrowed to a platform', () => {
    const inputs = parse({
      ...push,
      destinations: 'eu-west-1\n210987654321/us-west-2',
      platform: 'linux/arm64'
    })
    expect(inputs.destinations.map(d => [d.region, d.accountId])).toEqual([
      ['eu-west-1', undefined],
      ['us-west-2', '210987654321']
    ])
    expect(inputs.work).toMatchObject({ platform: { os: 'linux', architecture: 'arm64' } })
  })

  test('destinations given as regions inherit the endpoint choice; hosts keep what their name says', () => {
    const inputs = parse({
      ...push,
      endpoint: 'dual-stack',
      destinations:
        'eu-west-1\n210987654321/us-west-2\n210987654321.dkr.ecr-fips.us-east-2.amazonaws.com\n210987654321.dkr.ecr.ap-south-1.amazonaws.com'
    })
    expect(inputs.endpoint).toEqual({ fips: false, dualStack: true })
    expect(inputs.destinations.map(d => [d.label, d.fips, d.dualStack])).toEqual([
      ['eu-west-1', false, true],
      ['210987654321/us-west-2', false, true],
      ['210987654321.dkr.ecr-fips.us-east-2.amazonaws.com', true, false],
      ['210987654321.dkr.ecr.ap-south-1.amazonaws.com', false, false]
    ])
  })

  test('a KMS alias serves every region', () => {
    const given = { ...push, destinations: 'eu-west-1', 'encryption-type': 'KMS', 'kms-key': 'alias/ecr' }
    expect(parse(given).settings.kmsKey).toBe('alias/ecr')
  })

  test.each([
    [
      'a key ARN with a destination in another region',
      'kms-key',
      /one key ARN cannot serve several regions/,
      {
        ...push,
        destinations: 'eu-west-1',
        'encryption-type': 'KMS',
        'kms-key': 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
      }
    ],
    ['destinations without a repository', 'destinations', /need repository/, { destinations: 'eu-west-1' }],
    [
      'scan-destinations without destinations',
      'scan-destinations',
      /only with destinations/,
      { ...push, 'scan-destinations': 'true' }
    ],
    [
      'scan-destinations without scan',
      'scan-destinations',
      /applies only with scan: wait/,
      { ...push, destinations: 'eu-west-1', 'scan-destinations': 'true' }
    ],
    [
      'platform with image',
      'platform',
      /applies to source/,
      { image: 'app:ci', repository: 'team/app', platform: 'linux/amd64' }
    ],
    ['a platform without architecture', 'platform', /os\/architecture/, { ...push, platform: 'linux' }],
    [
      'destinations to ECR Public',
      'destinations',
      /only to private registries/,
      { ...push, destinations: 'eu-west-1', 'registry-type': 'public' }
    ]
  ])('%s: refused naming %s', (_case, input, rule, given) => {
    expect(() => parse(given)).toThrow(new RegExp(`^Input "${input}": .*${rule.source}`))
  })
})
