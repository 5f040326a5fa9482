import { describe, expect, test } from '@jest/globals'
import { mentionsInlineValues } from '../../src/pull-through-cache/credential.js'
import { parseCacheRules } from '../../src/pull-through-cache/rules.js'
import { inputErrorOf } from '../helpers/input-error.js'
import { KEPT_TOKENS, REFUSED_TOKENS, RULE_WITH_CREDENTIAL } from '../helpers/tokens.js'

// Issue 19: a credential's values never pass through YAML; the rule names the variables that hold them.
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub'
const registry = { accountId: '123456789012', region: 'eu-west-1' }
const parse = (yaml: string, env: Record<string, string | undefined> = {}) =>
  parseCacheRules(yaml, registry, name => env[name])
const rule = (credential: string) =>
  `- prefix: hub\n  upstream: docker-hub\n  credential:\n${credential
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n')}\n`
const NEW_WAY = /username-env: HUB_USER and access-token-env: HUB_TOKEN in the credential, with env: /

describe('the values, read from the variables the rule names', () => {
  test.each(KEPT_TOKENS)('%s: kept byte for byte', (_case, token) => {
    const [parsed] = parse(RULE_WITH_CREDENTIAL, { HUB_USER: 'ci-bot', HUB_TOKEN: token })
    expect(parsed?.credentialValues).toEqual({
      secretName: 'ecr-pullthroughcache/hub',
      username: 'ci-bot',
      accessToken: token
    })
    expect(parsed?.credentialValues?.accessToken).toHaveLength(token.length)
    expect(parsed?.credentialArn).toBe(SECRET)
  })

  test.each(KEPT_TOKENS)('%s as the username: kept byte for byte', (_case, username) => {
    const [parsed] = parse(RULE_WITH_CREDENTIAL, { HUB_USER: username, HUB_TOKEN: 't' })
    expect(parsed?.credentialValues?.username).toBe(username)
  })

  test.each(REFUSED_TOKENS)('%s: refused, naming the variable', (_case, token, reason) => {
    const error = inputErrorOf(() => parse(RULE_WITH_CREDENTIAL, { HUB_USER: 'ci-bot', HUB_TOKEN: token }))
    expect(error.input).toBe('rules')
    expect(error.message).toMatch(/^Input "rules": rule 1 \(hub\): credential: /)
    expect(error.message).toMatch(reason)
    expect(error.message).not.toContain('ci-bot')
  })

  test('both variables missing: one error naming both', () => {
    const error = inputErrorOf(() => parse(RULE_WITH_CREDENTIAL, { HUB_USER: '' }))
    expect(error.message).toMatch(
      /HUB_USER \(username-env\) is empty.*; environment variable HUB_TOKEN .* is not set/
    )
  })

  test('a rule wrong as written says so before a missing variable does', () => {
    const error = inputErrorOf(() => parse(`${RULE_WITH_CREDENTIAL}- prefix: Q\n  upstream: quay\n`))
    expect(error.message).toMatch(/rule 2: prefix "Q" must be ROOT/)
  })
})

describe('the credential mapping', () => {
  const INLINE_REFUSED = /credential username and access-token are not read from the YAML/
  test.each([
    [
      'access-token inline',
      'secret: ecr-pullthroughcache/hub\nusername-env: HUB_USER\naccess-token: dckr_pat_x'
    ],
    ['username inline', 'secret: ecr-pullthroughcache/hub\nusername: ci-bot\naccess-token-env: HUB_TOKEN'],
    ['both inline', 'secret: ecr-pullthroughcache/hub\nusername: ci-bot\naccess-token: dckr_pat_x'],
    [
      'an inline token that YAML turns into nothing',
      'secret: s\nusername: ci-bot\naccess-token: !dckr_pat_x'
    ],
    ['an inline token that is a YAML alias', 'secret: s\nusername: ci-bot\naccess-token: *dckr_pat_x'],
    ['an inline token cut at #', 'secret: s\nusername: ci-bot\naccess-token: dckr #pat_x']
  ])('%s: refused once, showing the new way and no value', (_case, credential) => {
    const error = inputErrorOf(() => parse(rule(credential), { HUB_USER: 'u', HUB_TOKEN: 't' }))
    expect(error.input).toBe('rules')
    expect(error.message).toMatch(/^Input "rules": rule 1 \(hub\): /)
    expect(error.message).toMatch(INLINE_REFUSED)
    expect(error.message).toMatch(NEW_WAY)
    expect(error.message).not.toMatch(/dckr|pat_x|ci-bot/)
  })

  test.each([
    ['a mapping inside', 'a: b'],
    ['a reserved character', '@dckr_pat_x'],
    ['a flow mapping', '{dckr: pat_x}x'],
    ['a flow sequence', '[dckr_pat_x']
  ])(
    'an inline token that breaks the YAML (%s): the same refusal, with the position only',
    (_case, token) => {
      const yaml = rule(`secret: ecr-pullthroughcache/hub\nusername: ci-bot\naccess-token: ${token}`)
      const error = inputErrorOf(() => parse(yaml))
      expect(error.message).toMatch(INLINE_REFUSED)
      expect(error.message).toMatch(NEW_WAY)
      expect(error.message).toMatch(/\(as given, the input is not valid YAML at line \d+, column \d+\)$/)
      expect(error.message).not.toMatch(/dckr|pat_x|ci-bot|a: b/)
    }
  )

  test.each([
    ['starting with a digit', '1HUB'],
    ['with a dash', 'HUB-TOKEN'],
    ['with a space', 'HUB TOKEN'],
    ['with a $', '$HUB_TOKEN'],
    ['the token itself', 'dckr_pat-x/y+z='],
    ['a number', '123'],
    ['a list', '[HUB_TOKEN]']
  ])('access-token-env %s: refused, not quoted', (_case, name) => {
    const yaml = rule(`secret: ecr-pullthroughcache/hub\nusername-env: HUB_USER\naccess-token-env: ${name}`)
    const error = inputErrorOf(() => parse(yaml, { HUB_USER: 'u' }))
    expect(error.message).toMatch(/credential access-token-env must be the name of an environment variable/)
    expect(error.message).toMatch(NEW_WAY)
    expect(error.message).not.toContain(name)
  })

  test.each([
    [
      'no access-token-env',
      'secret: ecr-pullthroughcache/hub\nusername-env: HUB_USER',
      /needs access-token-env$/
    ],
    ['no secret', 'username-env: HUB_USER\naccess-token-env: HUB_TOKEN', /credential needs secret$/],
    [
      'a name outside the prefix',
      'secret: hub\nusername-env: HUB_USER\naccess-token-env: HUB_TOKEN',
      /must start with ecr-pullthroughcache\//
    ],
    ['an ARN as the name', `secret: ${SECRET}\nusername-env: U\naccess-token-env: T`, /not an ARN/],
    ['an unknown field', 'secret: ecr-pullthroughcache/hub\npassword-env: T', /unknown field "password-env"/],
    ['a list', '- ecr-pullthroughcache/hub', /a mapping of secret, username-env, access-token-env/]
  ])('%s is refused', (_case, credential, reason) => {
    const error = inputErrorOf(() =>
      parse(rule(credential), { HUB_USER: 'u', HUB_TOKEN: 't', U: 'u', T: 't' })
    )
    expect(error.message).toMatch(reason)
  })
})

describe('mentionsInlineValues: the likely reason a YAML with values in it does not parse', () => {
  test.each([
    ['    access-token: a: b', true],
    ['    username: ci', true],
    ['  credential: {secret: s, username: u, access-token: @t}', true],
    ['  - "access-token": x', true],
    ['    username-env: HUB_USER\n    access-token-env: HUB_TOKEN', false],
    ['  tags: { docker-username-x: 1 }', false],
    ['- prefix: hub\n  upstream: [quay', false]
  ])('%j: %s', (raw, expected) => expect(mentionsInlineValues(raw)).toBe(expected))
})

test('valid YAML that is no list, with inline keys: the list error, not the YAML one', () => {
  const error = inputErrorOf(() => parse('credential:\n  username: ci-bot\n  access-token: x'))
  expect(error.message).toMatch(/must be a YAML list of rules/)
})
