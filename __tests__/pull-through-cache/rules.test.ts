import { describe, expect, test } from '@jest/globals'
import type { PullThroughCacheRule } from '@aws-sdk/client-ecr'
import { inputErrorOf } from '../helpers/input-error.js'
import { planRuleChanges } from '../../src/pull-through-cache/plan.js'
import { parseCacheRules, type CacheRule } from '../../src/pull-through-cache/rules.js'
import { resolveUpstream } from '../../src/pull-through-cache/upstreams.js'
import { resolveWarmTarget } from '../../src/pull-through-cache/warm.js'

const registry = { accountId: '123456789012', region: 'eu-west-1' }
const parse = (yaml: string) => parseCacheRules(yaml, registry, () => undefined)
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub'

describe('resolveUpstream', () => {
  test.each([
    ['docker-hub', 'docker-hub', 'registry-1.docker.io'],
    ['quay', 'quay', 'quay.io'],
    ['ghcr', 'github-container-registry', 'ghcr.io'],
    ['k8s', 'k8s', 'registry.k8s.io'],
    ['ecr-public', 'ecr-public', 'public.ecr.aws'],
    ['gitlab', 'gitlab-container-registry', 'registry.gitlab.com'],
    ['chainguard', 'chainguard', 'cgr.dev'],
    ['https://ghcr.io', 'github-container-registry', 'ghcr.io'],
    ['docker.io', 'docker-hub', 'registry-1.docker.io'],
    ['myreg.azurecr.io', 'azure-container-registry', 'myreg.azurecr.io'],
    ['210987654321.dkr.ecr.eu-west-1.amazonaws.com', 'ecr', '210987654321.dkr.ecr.eu-west-1.amazonaws.com']
  ])('%s', (upstream, kind, url) => {
    expect(resolveUpstream(upstream)).toMatchObject({ kind, url })
  })

  test.each([
    ['dockerhub', /unknown upstream "dockerhub"/],
    ['azure', /needs the registry URL/],
    ['ecr', /needs the registry URL/],
    ['registry.example.com', /ECR cannot cache registry.example.com/]
  ])('%s is refused', (upstream, reason) => {
    expect(resolveUpstream(upstream)).toMatch(reason)
  })
})

describe('parseCacheRules', () => {
  test('a full list', () => {
    expect(
      parse(`
- prefix: docker-hub
  upstream: docker-hub
  credential: ecr-pullthroughcache/hub
- prefix: quay
  upstream: quay
- prefix: mirror
  upstream: 210987654321.dkr.ecr.eu-west-1.amazonaws.com
  upstream-prefix: team
  role: arn:aws:iam::123456789012:role/ptc
`)
    ).toEqual([
      {
        prefix: 'docker-hub',
        upstream: 'docker-hub',
        upstreamUrl: 'registry-1.docker.io',
        credentialArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub',
        upstreamPrefix: undefined,
        roleArn: undefined
      },
      {
        prefix: 'quay',
        upstream: 'quay',
        upstreamUrl: 'quay.io',
        credentialArn: undefined,
        upstreamPrefix: undefined,
        roleArn: undefined
      },
      {
        prefix: 'mirror',
        upstream: 'ecr',
        upstreamUrl: '210987654321.dkr.ecr.eu-west-1.amazonaws.com',
        credentialArn: undefined,
        upstreamPrefix: 'team',
        roleArn: 'arn:aws:iam::123456789012:role/ptc'
      }
    ])
  })

  test('empty is no rules', () => expect(parse('  ')).toEqual([]))

  test.each([
    [
      'malformed YAML says where',
      '- prefix: a\n  upstream: [quay\n',
      /is not valid YAML at line \d+, column \d+/
    ],
    ['not a list', 'prefix: quay', /must be a YAML list/],
    [
      'unknown upstream',
      '- prefix: hub\n  upstream: dockerhub',
      /rule 1 \(hub\): unknown upstream "dockerhub"/
    ],
    [
      'docker-hub without credential',
      '- prefix: hub\n  upstream: docker-hub',
      /upstream docker-hub needs a credential/
    ],
    ['ghcr without credential', '- prefix: gh\n  upstream: ghcr', /needs a credential/],
    [
      'credential for quay',
      '- prefix: quay\n  upstream: quay\n  credential: ecr-pullthroughcache/q',
      /upstream quay takes no credential/
    ],
    [
      'credential for k8s',
      '- prefix: k8s\n  upstream: k8s\n  credential: ecr-pullthroughcache/k',
      /takes no credential/
    ],
    ['prefix too short', '- prefix: q\n  upstream: quay', /prefix "q" must be ROOT or 2 to 30 characters/],
    ['prefix too long', `- prefix: ${'a'.repeat(31)}\n  upstream: quay`, /must be ROOT or 2 to 30/],
    ['prefix with uppercase', '- prefix: Quay\n  upstream: quay', /must be ROOT or 2 to 30/],
    [
      'secret name without the required prefix',
      '- prefix: hub\n  upstream: docker-hub\n  credential: hub-token',
      /must start with ecr-pullthroughcache\//
    ],
    [
      'secret in another account',
      `- prefix: hub\n  upstream: docker-hub\n  credential: ${SECRET.replace('123456789012', '999999999999')}`,
      /registry's account and region \(123456789012, eu-west-1\), not 999999999999, eu-west-1/
    ],
    [
      'secret in another region',
      `- prefix: hub\n  upstream: docker-hub\n  credential: ${SECRET.replace('eu-west-1', 'us-east-1')}`,
      /not 123456789012, us-east-1/
    ],
    [
      'role for a non-ECR upstream',
      '- prefix: quay\n  upstream: quay\n  role: arn:aws:iam::123456789012:role/x',
      /role applies only to ECR upstreams/
    ],
    [
      'duplicate prefix',
      '- prefix: quay\n  upstream: quay\n- prefix: quay\n  upstream: k8s',
      /rule 2: prefix "quay" is declared twice/
    ],
    ['unknown field', '- prefix: quay\n  upstream: quay\n  creds: x', /rule 1: unknown field "creds"/]
  ])('%s', (_case, yaml, message) => {
    const error = inputErrorOf(() => parse(yaml))
    expect(error.input).toBe('rules')
    expect(error.message).toMatch(message)
  })
})

describe('planRuleChanges', () => {
  const hub: CacheRule = {
    prefix: 'hub',
    upstream: 'docker-hub',
    upstreamUrl: 'registry-1.docker.io',
    credentialArn: SECRET
  }
  const quay: CacheRule = { prefix: 'quay', upstream: 'quay', upstreamUrl: 'quay.io' }
  const existingHub: PullThroughCacheRule = {
    ecrRepositoryPrefix: 'hub',
    upstreamRegistryUrl: 'registry-1.docker.io',
    credentialArn: `${SECRET}-AbCdEf`
  }

  test.each([
    ['missing: create', [hub], [], false, [{ action: 'create', rule: hub }]],
    [
      'equal (the secret ARN with its suffix): keep',
      [hub],
      [existingHub],
      false,
      [{ action: 'keep', rule: hub }]
    ],
    [
      'another credential: update',
      [hub],
      [{ ...existingHub, credentialArn: `${SECRET}-other-XyZ123` }],
      false,
      [{ action: 'update', rule: hub, changes: [`credential ${SECRET}-other-XyZ123 → ${SECRET}`] }]
    ],
    [
      'another upstream: replace',
      [hub],
      [{ ...existingHub, upstreamRegistryUrl: 'quay.io' }],
      false,
      [{ action: 'replace', rule: hub, changes: ['upstream quay.io → registry-1.docker.io'] }]
    ],
    [
      'undeclared, no prune: left alone',
      [hub],
      [existingHub, { ecrRepositoryPrefix: 'old' }],
      false,
      [{ action: 'keep', rule: hub }]
    ],
    [
      'undeclared, prune: deleted',
      [quay],
      [existingHub],
      true,
      [
        { action: 'create', rule: quay },
        { action: 'delete', prefix: 'hub' }
      ]
    ]
  ] as [string, CacheRule[], PullThroughCacheRule[], boolean, unknown[]][])(
    '%s',
    (_case, declared, existing, prune, expected) => {
      expect(planRuleChanges(declared, existing, prune)).toEqual(expected)
    }
  )
})

describe('resolveWarmTarget', () => {
  const rules = [
    { prefix: 'docker-hub', upstream: 'docker-hub' },
    { prefix: 'quay', upstream: 'quay' },
    { prefix: 'quay/argoproj', upstream: 'quay' }
  ]
  test.each([
    ['docker-hub/nginx:1.27', 'docker-hub/library/nginx', '1.27', true],
    ['docker-hub/nginx', 'docker-hub/library/nginx', 'latest', true],
    ['docker-hub/bitnami/redis:7', 'docker-hub/bitnami/redis', '7', false],
    ['docker-hub/library/nginx:1.27', 'docker-hub/library/nginx', '1.27', false],
    [
      `docker-hub/nginx@sha256:${'a'.repeat(64)}`,
      'docker-hub/library/nginx',
      `sha256:${'a'.repeat(64)}`,
      true
    ],
    ['quay/argoproj/argocd:v2.10.0', 'quay/argoproj/argocd', 'v2.10.0', false],
    ['quay/coreos/etcd:v3.5', 'quay/coreos/etcd', 'v3.5', false]
  ])('%s', (input, repository, reference, rewritten) => {
    expect(resolveWarmTarget(input, rules)).toEqual({ input, repository, reference, rewritten })
  })

  test('ROOT matches what no other prefix does', () => {
    expect(resolveWarmTarget('nginx:1', [{ prefix: 'ROOT', upstream: 'docker-hub' }])).toMatchObject({
      repository: 'library/nginx',
      reference: '1'
    })
  })

  test('no matching prefix: the error lists the prefixes there are', () => {
    expect(() => resolveWarmTarget('ghcr/org/app:1', rules)).toThrow(
      'Input "warm": "ghcr/org/app:1" matches no pull-through-cache rule prefix (prefixes: docker-hub, quay, quay/argoproj)'
    )
  })
})

test('a token put where the secret name goes is refused without being quoted', () => {
  const error = inputErrorOf(() =>
    parse('- prefix: hub\n  upstream: docker-hub\n  credential: dckr_pat_oops')
  )
  expect(error.message).toMatch(/must start with ecr-pullthroughcache\//)
  expect(error.message).not.toContain('dckr_pat_oops')
})
