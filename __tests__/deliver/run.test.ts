import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { coreFixture } from '../helpers/core-fixture.js'

const core = coreFixture()
const commands: string[][] = []
jest.unstable_mockModule('@actions/core', () => core.module)
jest.unstable_mockModule('@actions/exec', () => ({
  getExecOutput: async (_command: string, args: string[]) => {
    commands.push(args)
    return { exitCode: 0, stdout: '', stderr: '' }
  }
}))
jest.unstable_mockModule('@actions/io', () => ({ which: async () => '/usr/bin/docker' }))
process.env.GITHUB_SHA = 'abc123'
const { run } = await import('../../src/deliver/main.js')

const ecr = mockClient(ECRClient)
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const DEFAULTS = {
  'create-repository': 'true',
  'skip-logout': 'false',
  'mask-password': 'true',
  'registry-type': 'private'
}

beforeEach(() => {
  ecr.reset()
  commands.length = 0
  core.reset(DEFAULTS)
  process.env.AWS_REGION = 'eu-west-1'
  process.env.AWS_ACCESS_KEY_ID = 'a'
  process.env.AWS_SECRET_ACCESS_KEY = 'b'
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${HOST}` }
    ]
  })
})

describe('deliver run()', () => {
  test('log in, then ensure the repository, docker login reported last: the phases in order, and what each outputs', async () => {
    core.inputs.repository = 'team/app'
    ecr
      .on(DescribeRepositoriesCommand)
      .rejects(Object.assign(new Error('none'), { name: 'RepositoryNotFoundException' }))
    ecr.on(CreateRepositoryCommand).resolves({
      repository: {
        repositoryName: 'team/app',
        repositoryUri: `${HOST}/team/app`,
        registryId: '123456789012'
      }
    })
    await run()
    // docker login runs beside the rest (nothing of a daemonless push needs it): its group comes last.
    expect(core.groups).toEqual([
      'Log in to Amazon ECR',
      'Ensure repository team/app',
      `docker login ${HOST}`
    ])
    expect(ecr.calls().map(c => c.args[0].constructor.name)).toEqual([
      'GetAuthorizationTokenCommand',
      'DescribeRepositoriesCommand',
      'CreateRepositoryCommand'
    ])
    expect(commands).toEqual([['login', '--username', 'AWS', '--password-stdin', HOST]])
    expect(core.outputs).toMatchObject({
      registry: HOST,
      'repository-uri': `${HOST}/team/app`,
      'docker-username': 'AWS'
    })
    expect(core.module.setSecret).toHaveBeenCalledWith('pw')
    expect(core.summary.write).toHaveBeenCalled()
  })

  test.each([
    ['repository', { repository: 'Team/App' }],
    ['tags', { tags: 'v1' }],
    ['lifecycle-policy', { repository: 'team/app', 'lifecycle-policy': '{"rules": [}' }],
    ['stall-timeout', { 'stall-timeout': 'soon' }]
  ])('bad %s stops before any call or command', async (input, given) => {
    Object.assign(core.inputs, given)
    await expect(run()).rejects.toMatchObject({ name: 'InputError', input })
    expect(ecr.calls()).toHaveLength(0)
    expect(commands).toEqual([])
  })

  describe('the endpoint choice', () => {
    const ensured = () => {
      core.inputs.repository = 'team/app'
      ecr.on(DescribeRepositoriesCommand).resolves({
        repositories: [
          { repositoryName: 'team/app', repositoryUri: `${HOST}/team/app`, registryId: '123456789012' }
        ]
      })
    }
    afterEach(() => {
      delete process.env.AWS_USE_FIPS_ENDPOINT
    })

    test('dual-stack: the registry host of the login, the docker login and the outputs', async () => {
      ensured()
      core.inputs.endpoint = 'dual-stack'
      await run()
      const dualStack = '123456789012.dkr-ecr.eu-west-1.on.aws'
      expect(commands).toEqual([['login', '--username', 'AWS', '--password-stdin', dualStack]])
      expect(core.outputs).toMatchObject({ registry: dualStack, 'repository-uri': `${dualStack}/team/app` })
      expect(core.state).toMatchObject({ registries: JSON.stringify([dualStack]) })
    })

    test('FIPS where it is not offered: refused before any call, naming the input, region and what exists', async () => {
      ensured()
      core.inputs.endpoint = 'fips'
      await expect(run()).rejects.toThrow(
        /^Input "endpoint": fips is not offered: the ECR registry has no fips endpoint in eu-west-1 \(there: default, dual-stack; fips: us-east-1,/
      )
      expect(ecr.calls()).toHaveLength(0)
      expect(commands).toEqual([])
    })

    test('AWS_USE_FIPS_ENDPOINT=true with the input empty, in a region that has FIPS', async () => {
      process.env.AWS_REGION = 'us-east-1'
      process.env.AWS_USE_FIPS_ENDPOINT = 'true'
      const east = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
      ecr.on(GetAuthorizationTokenCommand).resolves({
        authorizationData: [
          { authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${east}` }
        ]
      })
      await run()
      const fips = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'
      expect(core.outputs).toMatchObject({ registry: fips })
      expect(commands).toEqual([['login', '--username', 'AWS', '--password-stdin', fips]])
    })
  })
})
