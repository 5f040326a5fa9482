import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

const saved: [string, string][] = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn(),
  info: jest.fn(),
  debug: jest.fn(),
  saveState: jest.fn((name: string, value: string) => saved.push([name, value]))
}))
const { logInToRegistries } = await import('../../src/deliver/login.js')
type Docker = Parameters<typeof logInToRegistries>[1]

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const data = (account: string) => ({
  authorizationToken: Buffer.from(`AWS:pw-${account}`).toString('base64'),
  proxyEndpoint: `https://${account}.dkr.ecr.eu-west-1.amazonaws.com`
})
const host = (account: string) => `${account}.dkr.ecr.eu-west-1.amazonaws.com`

beforeEach(() => {
  ecrMock.reset()
  saved.length = 0
})

describe('logInToRegistries', () => {
  test('target registry first, then the extra ones; each saved in state right after its login', async () => {
    ecrMock
      .on(GetAuthorizationTokenCommand, { registryIds: ['210987654321'] })
      .resolves({ authorizationData: [data('210987654321')] })
      .on(GetAuthorizationTokenCommand, { registryIds: ['111111111111'] })
      .resolves({ authorizationData: [data('111111111111')] })
    const logins: string[] = []
    const docker = {
      login: jest.fn(async (registry: string, _user: string, password: string) => {
        logins.push(`${registry} ${password}`)
      })
    } as unknown as Docker
    const result = await logInToRegistries(client, docker, {
      registryId: '210987654321',
      registries: ['210987654321', '111111111111'],
      maskPassword: true,
      endpoint: DEFAULT_ENDPOINT
    })
    expect(result.map(login => login.host)).toEqual([host('210987654321'), host('111111111111')])
    expect(logins).toEqual([
      `${host('210987654321')} pw-210987654321`,
      `${host('111111111111')} pw-111111111111`
    ])
    expect(saved).toEqual([
      ['registries', JSON.stringify([host('210987654321')])],
      ['registries', JSON.stringify([host('210987654321'), host('111111111111')])]
    ])
  })

  test('a failed login leaves the earlier logins in state for the post step', async () => {
    ecrMock
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [data('123456789012'), data('111111111111')] })
    const docker = {
      login: jest.fn(async (registry: string) => {
        if (registry === host('111111111111')) throw new Error('docker login failed')
      })
    } as unknown as Docker
    await expect(
      logInToRegistries(client, docker, { registries: [], maskPassword: true, endpoint: DEFAULT_ENDPOINT })
    ).rejects.toThrow('docker login failed')
    expect(saved.at(-1)).toEqual(['registries', JSON.stringify([host('123456789012')])])
  })
})
