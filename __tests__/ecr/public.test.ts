import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRPUBLICClient,
  GetAuthorizationTokenCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException
} from '@aws-sdk/client-ecr-public'
import { mockClient } from 'aws-sdk-client-mock'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

const masked: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn((value: string) => masked.push(value)),
  info: jest.fn(),
  debug: jest.fn()
}))
const { PUBLIC_API_REGION, createEcrPublicClient, ensurePublicRepository, galleryUrl, getPublicLogin } =
  await import('../../src/ecr/public.js')

const publicMock = mockClient(ECRPUBLICClient)
const client = new ECRPUBLICClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const uri = 'public.ecr.aws/a1b2c3d4/team/app'
const notFound = () => new RepositoryNotFoundException({ message: 'no', $metadata: {} })
beforeEach(() => {
  publicMock.reset()
  masked.length = 0
})

describe('ECR Public', () => {
  test('the API client is in us-east-1 whatever AWS_REGION says', async () => {
    const previous = process.env.AWS_REGION
    process.env.AWS_REGION = 'eu-west-1'
    try {
      expect(await (await createEcrPublicClient(DEFAULT_ENDPOINT)).config.region()).toBe(PUBLIC_API_REGION)
    } finally {
      process.env.AWS_REGION = previous
    }
  })

  test('login: public.ecr.aws, token and password masked', async () => {
    const token = Buffer.from('AWS:public-pw').toString('base64')
    publicMock.on(GetAuthorizationTokenCommand).resolves({ authorizationData: { authorizationToken: token } })
    const login = await getPublicLogin(client, true)
    expect(login).toMatchObject({
      host: 'public.ecr.aws',
      endpoint: 'https://public.ecr.aws',
      username: 'AWS',
      password: 'public-pw'
    })
    expect(masked).toEqual([token, 'public-pw'])
  })

  test('a missing repository is created with the catalog data', async () => {
    publicMock.on(DescribeRepositoriesCommand).rejects(notFound())
    publicMock
      .on(CreateRepositoryCommand)
      .resolves({ repository: { repositoryName: 'team/app', repositoryUri: uri } })
    const catalog = {
      description: 'An app',
      aboutText: '# App',
      usageText: 'docker pull',
      architectures: ['x86-64'],
      operatingSystems: ['Linux']
    }
    const result = await ensurePublicRepository(client, 'team/app', catalog, { create: true })
    expect(result).toEqual({
      repository: expect.objectContaining({ repositoryUri: uri }),
      created: true,
      changes: []
    })
    expect(publicMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/app',
      catalogData: catalog
    })
  })

  test('an existing repository is used; a concurrent creation counts as success', async () => {
    publicMock
      .on(DescribeRepositoriesCommand)
      .resolves({ repositories: [{ repositoryName: 'team/app', repositoryUri: uri }] })
    expect((await ensurePublicRepository(client, 'team/app', {}, { create: true })).created).toBe(false)
    expect(publicMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)

    publicMock.reset()
    publicMock
      .on(DescribeRepositoriesCommand)
      .rejectsOnce(notFound())
      .resolves({ repositories: [{ repositoryName: 'team/app', repositoryUri: uri }] })
    publicMock
      .on(CreateRepositoryCommand)
      .rejects(new RepositoryAlreadyExistsException({ message: 'exists', $metadata: {} }))
    expect(await ensurePublicRepository(client, 'team/app', {}, { create: true })).toMatchObject({
      created: false
    })
  })

  test('create-repository false and missing: a clear error', async () => {
    publicMock.on(DescribeRepositoriesCommand).rejects(notFound())
    await expect(ensurePublicRepository(client, 'team/app', {}, { create: false })).rejects.toThrow(
      'Public repository "team/app" does not exist and create-repository is false'
    )
  })

  test('gallery URL', () => expect(galleryUrl(uri)).toBe('https://gallery.ecr.aws/a1b2c3d4/team/app'))
})
