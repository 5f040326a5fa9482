import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

// Record the order of core calls: masking must come before anything could print the secret.
const events: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn((value: string) => events.push(`mask:${value}`)),
  info: jest.fn((message: string) => events.push(`info:${message}`)),
  debug: jest.fn()
}))
const { getRegistryLogins } = await import('../../src/ecr/auth.js')

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const token = (password: string) => Buffer.from(`AWS:${password}`).toString('base64')

beforeEach(() => {
  ecrMock.reset()
  events.length = 0
})

describe('getRegistryLogins', () => {
  test('decodes each registry, masks token and password', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        {
          authorizationToken: token('pw-one'),
          proxyEndpoint: 'https://111111111111.dkr.ecr.eu-west-1.amazonaws.com'
        },
        {
          authorizationToken: token('pw-two'),
          proxyEndpoint: 'https://222222222222.dkr.ecr.eu-west-1.amazonaws.com'
        }
      ]
    })
    const logins = await getRegistryLogins(client, ['111111111111', '222222222222'], DEFAULT_ENDPOINT)
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({
      registryIds: ['111111111111', '222222222222']
    })
    expect(logins.map(l => [l.host, l.username, l.password])).toEqual([
      ['111111111111.dkr.ecr.eu-west-1.amazonaws.com', 'AWS', 'pw-one'],
      ['222222222222.dkr.ecr.eu-west-1.amazonaws.com', 'AWS', 'pw-two']
    ])
    expect(events).toEqual([
      `mask:${token('pw-one')}`,
      'mask:pw-one',
      `mask:${token('pw-two')}`,
      'mask:pw-two'
    ])
  })

  test('own registry: no registryIds sent', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        {
          authorizationToken: token('pw'),
          proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com'
        }
      ]
    })
    await getRegistryLogins(client, [], DEFAULT_ENDPOINT)
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({})
  })

  test('mask-password false leaves the password unmasked but still masks the token', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        {
          authorizationToken: token('pw'),
          proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com'
        }
      ]
    })
    await getRegistryLogins(client, [], DEFAULT_ENDPOINT, { maskPassword: false })
    expect(events).toEqual([`mask:${token('pw')}`])
  })

  test('missing credentials say how to provide them', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError'
      })
    )
    await expect(getRegistryLogins(client, [], DEFAULT_ENDPOINT)).rejects.toThrow(
      /^No AWS credentials were found for GetAuthorizationToken: add aws-actions\/configure-aws-credentials/
    )
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1)
  })

  test.each([
    ['no data', { authorizationData: [] }],
    [
      'token without a colon',
      {
        authorizationData: [
          { authorizationToken: Buffer.from('nocolon').toString('base64'), proxyEndpoint: 'https://x' }
        ]
      }
    ],
    ['no endpoint', { authorizationData: [{ authorizationToken: token('pw') }] }]
  ])('malformed answer: %s', async (_case, answer) => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves(answer)
    await expect(getRegistryLogins(client, [], DEFAULT_ENDPOINT)).rejects.toThrow(
      /GetAuthorizationToken returned/
    )
  })
})
