import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

const saved: [string, string][] = []
const printed: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn(),
  info: jest.fn((line: string) => void printed.push(line)),
  debug: jest.fn(),
  group: jest.fn(async (name: string, fn: () => Promise<unknown>) => {
    printed.push(`group ${name}`)
    return fn()
  }),
  saveState: jest.fn((name: string, value: string) => saved.push([name, value]))
}))
const { getLogins, logInDocker, startDockerLogins } = await import('../../src/deliver/login.js')
type Docker = Parameters<typeof logInDocker>[0]

/** Logs in to each registry as the action does: credentials, then docker login to each. */
async function logInToRegistries(
  ecr: ECRClient,
  docker: Docker,
  target: Parameters<typeof getLogins>[1]
): ReturnType<typeof getLogins> {
  const logins = await getLogins(ecr, target)
  await logInDocker(docker, logins)
  return logins
}

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
  printed.length = 0
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

describe('startDockerLogins (docker login beside the push)', () => {
  const login = (account: string) => ({
    host: host(account),
    endpoint: `https://${host(account)}`,
    username: 'AWS',
    password: `pw-${account}`,
    token: 't'
  })

  test('its lines are held while it runs, then printed in their own group; the host is in state', async () => {
    let release = () => {}
    const gate = new Promise<void>(resolve => (release = resolve))
    const docker = {
      login: jest.fn(async (registry: string, _user: string, _pw: string, print: (line: string) => void) => {
        print(`[command]docker login ${registry}`)
        await gate
        print('Login Succeeded')
      })
    } as unknown as Docker
    const logins = startDockerLogins(docker, [login('123456789012')])
    await new Promise(resolve => setImmediate(resolve))
    // Running: nothing printed yet, nothing recorded for the post step yet.
    expect(printed).toEqual([])
    release()
    await logins.done
    expect(saved).toEqual([['registries', JSON.stringify([host('123456789012')])]])
    expect(printed).toEqual([])
    await logins.finish()
    expect(printed).toEqual([
      `group docker login ${host('123456789012')}`,
      `[command]docker login ${host('123456789012')}`,
      'Login Succeeded'
    ])
  })

  test('a failed login settles `done` (never rejects) and fails `finish`, after printing', async () => {
    const docker = {
      login: jest.fn(async (_registry: string, _user: string, _pw: string, print: (line: string) => void) => {
        print('Error response from daemon: denied')
        throw new Error('docker login failed')
      })
    } as unknown as Docker
    const logins = startDockerLogins(docker, [login('123456789012')])
    await expect(logins.done).resolves.toBeUndefined()
    await expect(logins.finish()).rejects.toThrow('docker login failed')
    expect(printed).toContain('Error response from daemon: denied')
    expect(saved).toEqual([])
  })

  test('without a docker CLI there is nothing to do and nothing printed', async () => {
    const logins = startDockerLogins(undefined, [login('123456789012')])
    await logins.finish()
    expect(printed).toEqual([])
  })
})
