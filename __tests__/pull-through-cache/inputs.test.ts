import { describe, expect, test } from '@jest/globals'
import { parseCacheInputs } from '../../src/pull-through-cache/inputs.js'
import { inputErrorOf } from '../helpers/input-error.js'

const parse = (given: Record<string, string>) =>
  parseCacheInputs(name => given[name] ?? '', { region: 'eu-west-1', env: () => undefined })
const RULES = '- prefix: quay\n  upstream: quay\n'

describe('parseCacheInputs: everything checked before any call', () => {
  test('a typical run', () => {
    expect(
      parse({ rules: RULES, warm: 'quay/argoproj/argocd:v2.10.0', 'registry-id': '123456789012' })
    ).toMatchObject({
      registryId: '123456789012',
      rules: [{ prefix: 'quay', upstream: 'quay', upstreamUrl: 'quay.io' }],
      warm: ['quay/argoproj/argocd:v2.10.0'],
      prune: false,
      warmTimeoutMs: 300_000,
      stallTimeoutMs: 60_000
    })
  })

  test.each([
    ['registry-id', { 'registry-id': 'abc' }, /"abc" is not an AWS account ID/],
    [
      'warm',
      { rules: RULES, warm: 'quay/../../../v2/other/repo:a' },
      /is not an image reference: the repository path/
    ],
    ['warm', { rules: RULES, warm: 'quay//x:a' }, /is not an image reference/],
    [
      'warm',
      { rules: RULES, warm: 'docker-hub/nginx:1.27\r::stop-commands::pwn' },
      /is not an image reference/
    ],
    ['rules', { rules: '- prefix: A\n  upstream: quay' }, /prefix "A" must be ROOT or/],
    ['stall-timeout', { 'stall-timeout': '0s' }, /must be from 1s to 1h/],
    [
      'rules',
      {
        rules:
          '- prefix: hub\n  upstream: docker-hub\n  credential: arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/hub',
        'registry-id': '123456789012'
      },
      /must be in the registry's account and region/
    ]
  ])('%s: %j is refused', (input, given, reason) => {
    const error = inputErrorOf(() => parse(given))
    expect(error.input).toBe(input)
    expect(error.message).toMatch(reason)
    expect(error.message).not.toMatch(/[\r\n]/)
  })

  test('without registry-id, a credential ARN in another account waits for the account to be known', () => {
    const rules =
      '- prefix: hub\n  upstream: docker-hub\n  credential: arn:aws:secretsmanager:eu-west-1:999999999999:secret:ecr-pullthroughcache/hub'
    expect(parse({ rules }).rules).toHaveLength(1)
  })
})

test("a credential's values with registry-id: refused (the secret would be in the caller's account)", () => {
  const env: Record<string, string> = { HUB_USER: 'inputs-test-user-x1', HUB_TOKEN: 'inputs-test-token-x1' }
  const rules =
    '- prefix: hub\n  upstream: docker-hub\n  credential:\n    secret: ecr-pullthroughcache/hub\n' +
    '    username-env: HUB_USER\n    access-token-env: HUB_TOKEN\n'
  const error = inputErrorOf(() =>
    parseCacheInputs(name => ({ rules, 'registry-id': '210987654321' })[name] ?? '', {
      region: 'eu-west-1',
      env: name => env[name]
    })
  )
  expect(error.message).toMatch(/kept in a secret of the caller's own account/)
  expect(error.message).not.toMatch(/inputs-test/)
})
