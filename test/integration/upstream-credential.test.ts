import { describe, expect, test } from '@jest/globals'
import { callSecretsJsonApi } from '../fixtures/secrets-json-api.js'
import { cacheRules, recordApiCalls } from './front-api.js'
import { expectPrintedNowhere, newDockerConfig, runStep, testEnv, type StepOptions } from './harness.js'

// Issue 19 through the bundled action: tokens that YAML would cut, unquote, tag or refuse reach moto's
// Secrets Manager byte for byte when the rule names the variables that hold them, and are printed nowhere.
// Rules live in the test ECR API (the front: moto has none); the secrets are read back with plain JSON calls.
const suffix = Date.now().toString(36)
const USER = `ci-bot-${suffix}`
const step = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
    dockerConfig: newDockerConfig(),
    ...options,
    env: { RUNNER_DEBUG: '1', ...options.env }
  })
const secretsApi = <T>(operation: string, body: object) =>
  callSecretsJsonApi<T>(
    testEnv.AWS_ENDPOINT_URL_SECRETS_MANAGER as string,
    testEnv.AWS_REGION as string,
    operation,
    body
  )

const TOKENS: [string, string][] = [
  ['a space and a hash (a YAML comment)', `abc #def-${suffix}`],
  ['double quotes', `"quoted-${suffix}"`],
  ['a leading ! (a YAML tag)', `!abc123-${suffix}`],
  ['colon and space (a YAML mapping)', `a: b-${suffix}`],
  ['lines and a trailing newline', `line-one-${suffix}\nline-two-${suffix}\n`]
]
const secretOf = (index: number) => `ecr-pullthroughcache/it-${suffix}-${index}`
const prefixOf = (index: number) => `hub${index}-${suffix}`
const rules = TOKENS.map(
  (_, index) => `
- prefix: ${prefixOf(index)}
  upstream: docker-hub
  credential:
    secret: ${secretOf(index)}
    username-env: HUB_USER
    access-token-env: HUB_TOKEN_${index}`
).join('')
const tokenEnv = Object.fromEntries(TOKENS.map(([, token], index) => [`HUB_TOKEN_${index}`, token]))

describe('the upstream credential, named by environment variables', () => {
  test('tokens YAML would change reach Secrets Manager byte for byte, and are printed nowhere', async () => {
    const result = await step({ inputs: { rules }, env: { HUB_USER: USER, ...tokenEnv } })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const rulesNow = await cacheRules()
    for (const [index, [, token]] of TOKENS.entries()) {
      const stored = await secretsApi<{ ARN: string; SecretString: string }>('GetSecretValue', {
        SecretId: secretOf(index)
      })
      expect(stored.SecretString).toBe(JSON.stringify({ username: USER, accessToken: token }))
      expect(JSON.parse(stored.SecretString).accessToken).toBe(token)
      expect(rulesNow.get(prefixOf(index))?.credentialArn).toBe(stored.ARN)
      // A multi-line value is masked line by line: a log line can hold only one of its lines.
      const lines = token.split('\n').filter(line => line !== '')
      for (const form of lines.length > 1 ? lines : [token]) expectPrintedNowhere(result, form)
    }
    expectPrintedNowhere(result, USER)
  })

  test.each([
    ['as YAML allows', `abc #def-${suffix}`],
    ['breaking the YAML', `a: b-${suffix}`]
  ])('the values inline (%s): one error showing the new way, nothing called', async (_case, token) => {
    const recorder = await recordApiCalls(/./)
    const inline = `- prefix: inline-${suffix}\n  upstream: docker-hub\n  credential:\n    secret: ecr-pullthroughcache/inline-${suffix}\n    username: ${USER}\n    access-token: ${token}\n`
    const result = await step({ inputs: { rules: inline } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input "rules": .*credential username and access-token are not read from the YAML/
      )
    ])
    expect(result.errors[0]).toMatch(/username-env: HUB_USER and access-token-env: HUB_TOKEN .* env: /)
    expect(result.stdout).not.toContain(token)
    expect(result.stdout).not.toContain(`b-${suffix}`)
    expect(await recorder.calls()).toEqual([])
  })

  test('an unset variable (a secret missing here, a fork): the step fails naming it, before any call', async () => {
    const recorder = await recordApiCalls(/./)
    const result = await step({
      inputs: { rules },
      env: { HUB_USER: USER, ...tokenEnv, HUB_TOKEN_2: undefined, HUB_TOKEN_3: '' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `Input "rules": rule 3 (${prefixOf(2)}): credential: environment variable HUB_TOKEN_2 (access-token-env) is not set: give it in the step's env: block`
    ])
    expect(await recorder.calls()).toEqual([])
    expect(result.stdout).not.toContain(USER)
  })
})
