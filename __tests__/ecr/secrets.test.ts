import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'

const masked: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn((value: string) => masked.push(value)),
  info: jest.fn(),
  debug: jest.fn()
}))
const { credentialMasks, ensureCredentialSecret, holdsCredential, maskCredential } =
  await import('../../src/ecr/secrets.js')

const sm = mockClient(SecretsManagerClient)
const client = new SecretsManagerClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const credential = {
  secretName: 'ecr-pullthroughcache/docker-hub',
  username: 'ci-bot',
  accessToken: 'dckr_pat_x'
}
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf'

beforeEach(() => {
  sm.reset()
  masked.length = 0
})

describe('holdsCredential', () => {
  test.each([
    ['the same values', '{"username":"ci-bot","accessToken":"dckr_pat_x"}', true],
    [
      'the same values in another order, another field beside',
      '{"x":1,"accessToken":"dckr_pat_x","username":"ci-bot"}',
      true
    ],
    ['another token', '{"username":"ci-bot","accessToken":"old"}', false],
    ['another user', '{"username":"other","accessToken":"dckr_pat_x"}', false],
    ['not JSON', 'dckr_pat_x', false],
    ['no string (a binary secret)', undefined, false]
  ])('%s: %s', (_case, stored, expected) => expect(holdsCredential(stored, credential)).toBe(expected))
})

describe('ensureCredentialSecret', () => {
  test('missing: created with the values as ECR wants them, its ARN returned', async () => {
    sm.on(DescribeSecretCommand).rejects(
      new ResourceNotFoundException({ message: 'not found', $metadata: {} })
    )
    sm.on(CreateSecretCommand).resolves({ ARN })
    expect(await ensureCredentialSecret(client, credential)).toEqual({ arn: ARN, change: 'created' })
    expect(sm.commandCalls(CreateSecretCommand)[0]?.args[0].input).toMatchObject({
      Name: credential.secretName,
      SecretString: '{"username":"ci-bot","accessToken":"dckr_pat_x"}'
    })
  })

  test('holding the values already: no new version', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN })
    sm.on(GetSecretValueCommand).resolves({
      SecretString: '{"username":"ci-bot","accessToken":"dckr_pat_x"}'
    })
    expect(await ensureCredentialSecret(client, credential)).toEqual({ arn: ARN, change: 'unchanged' })
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0)
  })

  test('holding other values: one new version', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN })
    sm.on(GetSecretValueCommand).resolves({ SecretString: '{"username":"ci-bot","accessToken":"old"}' })
    sm.on(PutSecretValueCommand).resolves({ ARN })
    expect(await ensureCredentialSecret(client, credential)).toEqual({ arn: ARN, change: 'updated' })
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(1)
  })

  test('access denied: explained, and no value in the message', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new Error('User is not authorized to perform secretsmanager:DescribeSecret'), {
        name: 'AccessDeniedException'
      })
    )
    const failure = ensureCredentialSecret(client, credential)
    await expect(failure).rejects.toThrow(/Access denied for DescribeSecret/)
    await expect(failure).rejects.not.toThrow(/dckr_pat_x|ci-bot/)
  })
})

test('maskCredential masks the user, the token and the JSON that carries both', () => {
  maskCredential(credential)
  expect(masked).toEqual(['ci-bot', 'dckr_pat_x', '{"username":"ci-bot","accessToken":"dckr_pat_x"}'])
})

describe('credentialMasks: a log line holds one line, so a multi-line value is masked line by line too', () => {
  const masks = (username: string, accessToken: string) =>
    credentialMasks({ secretName: 'ecr-pullthroughcache/x', username, accessToken })
  test.each([
    ['one line each', 'u', 't', ['u', 't', '{"username":"u","accessToken":"t"}']],
    [
      'lines',
      'u',
      'one\ntwo\r\nthree\rfour',
      [
        'u',
        'one\ntwo\r\nthree\rfour',
        '{"username":"u","accessToken":"one\\ntwo\\r\\nthree\\rfour"}',
        'one',
        'two',
        'three',
        'four'
      ]
    ],
    [
      'a trailing newline, blank lines left out (the runner refuses a blank mask)',
      'u',
      'tok\n  \n',
      ['u', 'tok\n  \n', '{"username":"u","accessToken":"tok\\n  \\n"}', 'tok']
    ],
    ['a multi-line username', 'a\nb', 't', ['a\nb', 't', '{"username":"a\\nb","accessToken":"t"}', 'a', 'b']],
    [
      'the same value twice, masked once',
      'same',
      'same',
      ['same', '{"username":"same","accessToken":"same"}']
    ]
  ])('%s', (_case, username, accessToken, expected) => expect(masks(username, accessToken)).toEqual(expected))
})
