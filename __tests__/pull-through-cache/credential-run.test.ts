import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  CreatePullThroughCacheRuleCommand,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ValidatePullThroughCacheRuleCommand
} from '@aws-sdk/client-ecr'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  ResourceNotFoundException,
  SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../src/common/run.js'
import { run } from '../../src/pull-through-cache/main.js'
import { KEPT_TOKENS, REFUSED_TOKENS, RULE_WITH_CREDENTIAL, printedForms } from '../helpers/tokens.js'

// Issue 19 through run(), with the real @actions/core (inputs from INPUT_*, output and summary files,
// step debug on) and the AWS clients mocked: each token reaches CreateSecret byte for byte and is
// printed nowhere but in the masks, or is refused naming its variable before any call.
const ecr = mockClient(ECRClient)
const sm = mockClient(SecretsManagerClient)
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub-AbCdEf'
const USER = 'ci-bot-x7'
const saved = { ...process.env }
let work: string

beforeEach(() => {
  ecr.reset()
  sm.reset()
  work = mkdtempSync(join(tmpdir(), 'ptc-credential-'))
  for (const file of ['output', 'summary']) writeFileSync(join(work, file), '')
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'a',
    AWS_SECRET_ACCESS_KEY: 'b',
    RUNNER_DEBUG: '1',
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    INPUT_RULES: RULE_WITH_CREDENTIAL,
    INPUT_PRUNE: 'false',
    'INPUT_WARM-TIMEOUT': '5m',
    'INPUT_STALL-TIMEOUT': '60s',
    'INPUT_APPLY-TO-EXISTING': 'false'
  })
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${HOST}` }
    ]
  })
  ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [] })
  ecr.on(CreatePullThroughCacheRuleCommand).resolves({})
  ecr.on(ValidatePullThroughCacheRuleCommand).resolves({ isValid: true })
  sm.on(DescribeSecretCommand).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }))
  sm.on(CreateSecretCommand).resolves({ ARN })
})

afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
  Object.assign(process.env, saved)
  process.exitCode = undefined
  rmSync(work, { recursive: true, force: true })
})

/** Runs the action as its entry does, with HUB_USER and HUB_TOKEN set (or unset) as given. */
async function runStep(env: { HUB_USER?: string; HUB_TOKEN?: string }) {
  for (const [name, value] of Object.entries(env))
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  const lines: string[] = []
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'))
    return true
  }) as typeof process.stdout.write
  try {
    await runAction(run)
  } finally {
    process.stdout.write = write
  }
  const masks = lines.filter(line => line.startsWith('::add-mask::'))
  const printed = [
    ...lines.filter(line => !line.startsWith('::add-mask::')),
    readFileSync(join(work, 'output'), 'utf8'),
    readFileSync(join(work, 'summary'), 'utf8')
  ].join('\n')
  const errors = lines
    .filter(line => line.startsWith('::error::'))
    .map(line => line.slice('::error::'.length))
  return { lines, masks, printed, errors }
}

/** A value as a workflow command's data carries it (@actions/core's escaping). */
const commandData = (value: string) =>
  value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

describe('a credential named by environment variables, through run()', () => {
  test.each(KEPT_TOKENS)('%s: stored byte for byte, masked first, printed nowhere', async (_case, token) => {
    const step = await runStep({ HUB_USER: USER, HUB_TOKEN: token })
    expect(step.errors).toEqual([])
    const [create] = sm.commandCalls(CreateSecretCommand)
    expect(create?.args[0].input.Name).toBe('ecr-pullthroughcache/hub')
    expect(create?.args[0].input.SecretString).toBe(JSON.stringify({ username: USER, accessToken: token }))
    expect(JSON.parse(create?.args[0].input.SecretString as string).accessToken).toBe(token)
    expect(ecr.commandCalls(CreatePullThroughCacheRuleCommand)[0]?.args[0].input.credentialArn).toBe(ARN)

    // Masked before anything but the start-up mark of runAction is printed.
    const firstOther = step.lines.findIndex(
      line => line !== '' && !line.startsWith('::add-mask::') && !line.startsWith('::debug::start-up:')
    )
    const lastMask = step.lines.findLastIndex(line => line === `::add-mask::${commandData(token)}`)
    expect(lastMask).toBeGreaterThan(0)
    expect(lastMask).toBeLessThan(firstOther)
    for (const form of printedForms(token)) expect(step.masks).toContain(`::add-mask::${commandData(form)}`)
    for (const form of [...printedForms(token), commandData(token), USER])
      expect(step.printed).not.toContain(form)
  })

  test.each(KEPT_TOKENS.slice(0, 6))(
    '%s as the username: stored byte for byte, printed nowhere',
    async (_case, user) => {
      const step = await runStep({ HUB_USER: user, HUB_TOKEN: 'tok-x8' })
      expect(step.errors).toEqual([])
      const stored = sm.commandCalls(CreateSecretCommand)[0]?.args[0].input.SecretString as string
      expect(JSON.parse(stored)).toEqual({ username: user, accessToken: 'tok-x8' })
      for (const form of [...printedForms(user), 'tok-x8']) expect(step.printed).not.toContain(form)
    }
  )

  test.each(REFUSED_TOKENS)(
    '%s: refused naming the variable, before any call',
    async (_case, token, reason) => {
      const step = await runStep({ HUB_USER: USER, HUB_TOKEN: token })
      expect(step.errors).toEqual([expect.stringMatching(reason)])
      expect(step.printed).not.toContain(USER)
      expect(ecr.calls()).toHaveLength(0)
      expect(sm.calls()).toHaveLength(0)
    }
  )

  test('the values inline: one error showing the new way, before any call', async () => {
    process.env.INPUT_RULES = RULE_WITH_CREDENTIAL.replace('username-env: HUB_USER', `username: ${USER}`)
    const step = await runStep({ HUB_TOKEN: 'tok-x8' })
    expect(step.errors).toEqual([
      expect.stringMatching(
        /^Input "rules": rule 1 \(hub\): credential username and access-token are not read/
      )
    ])
    expect(step.errors[0]).toMatch(/username-env: HUB_USER and access-token-env: HUB_TOKEN/)
    expect(step.printed.replace(`username: ${USER}`, '')).not.toContain(USER)
    expect(ecr.calls()).toHaveLength(0)
  })
})
