import { beforeEach, describe, expect, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  ListTagsForResourceCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  type Repository
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { repositoryConsoleUrl } from '../../src/ecr/console.js'
import { isTagImmutable } from '../../src/ecr/mutability.js'
import { ensureRepository } from '../../src/ecr/repositories.js'
import { describeDifference, diffRepositorySettings } from '../../src/ecr/settings-diff.js'

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const repository: Repository = {
  repositoryName: 'team/app',
  repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/app',
  repositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app',
  registryId: '123456789012',
  imageTagMutability: 'MUTABLE',
  imageScanningConfiguration: { scanOnPush: false },
  encryptionConfiguration: { encryptionType: 'AES256' }
}
const notFound = () => new RepositoryNotFoundException({ message: 'not found', $metadata: {} })

beforeEach(() => {
  ecrMock.reset()
})

describe('ensureRepository', () => {
  test('an existing repository is used, not created', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository] })
    const result = await ensureRepository(client, { name: 'team/app' }, {}, { create: true })
    expect(result).toEqual({ repository, created: false, differences: [] })
    expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
  })

  test('a missing repository is created with the declared settings', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    ecrMock.on(CreateRepositoryCommand).resolves({ repository })
    const result = await ensureRepository(
      client,
      { name: 'team/app', registryId: '210987654321' },
      {
        tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        tagMutabilityExclusions: ['latest'],
        scanOnPush: true,
        encryptionType: 'KMS',
        kmsKey: 'alias/ecr',
        tags: { team: 'core' }
      },
      { create: true }
    )
    expect(result.created).toBe(true)
    expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/app',
      registryId: '210987654321',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'alias/ecr' },
      tags: [{ Key: 'team', Value: 'core' }]
    })
    expect(ecrMock.commandCalls(DescribeRepositoriesCommand)[0]?.args[0].input).toEqual({
      repositoryNames: ['team/app'],
      registryId: '210987654321'
    })
  })

  test('a concurrent creation counts as success', async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .rejectsOnce(notFound())
      .resolves({ repositories: [repository] })
    ecrMock
      .on(CreateRepositoryCommand)
      .rejects(new RepositoryAlreadyExistsException({ message: 'exists', $metadata: {} }))
    const result = await ensureRepository(client, { name: 'team/app' }, {}, { create: true })
    expect(result).toEqual({ repository, created: false, differences: [] })
  })

  test('create-repository false and missing: a clear error, nothing created', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    await expect(ensureRepository(client, { name: 'team/app' }, {}, { create: false })).rejects.toThrow(
      'Repository "team/app" does not exist and create-repository is false'
    )
    expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
  })

  test('differences with an existing repository are reported, nothing changed', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository] })
    ecrMock.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'web' }] })
    const result = await ensureRepository(
      client,
      { name: 'team/app' },
      { tagMutability: 'IMMUTABLE', tags: { team: 'core' } },
      { create: true }
    )
    expect(result.differences.map(describeDifference)).toEqual([
      'image-tag-mutability is MUTABLE, declared IMMUTABLE',
      'repository tag team is "web", declared "core"'
    ])
    expect(ecrMock.calls().map(call => call.args[0].constructor.name)).toEqual([
      'DescribeRepositoriesCommand',
      'ListTagsForResourceCommand'
    ])
  })

  test('access denied says where the policy is', async () => {
    const denied = Object.assign(new Error('not authorized to perform ecr:DescribeRepositories'), {
      name: 'AccessDeniedException'
    })
    ecrMock.on(DescribeRepositoriesCommand).rejects(denied)
    await expect(ensureRepository(client, { name: 'team/app' }, {}, { create: true })).rejects.toThrow(
      /Access denied for DescribeRepositories team\/app: .*minimal IAM policy/
    )
  })
})

describe('diffRepositorySettings', () => {
  test.each([
    ['nothing declared', {}, {}, []],
    ['same as declared', { tagMutability: 'MUTABLE', scanOnPush: false, encryptionType: 'AES256' }, {}, []],
    ['scan on push', { scanOnPush: true }, {}, ['scan-on-push is false, declared true']],
    [
      'encryption',
      { encryptionType: 'KMS', kmsKey: 'k' },
      {},
      ['encryption-type is AES256, declared KMS (encryption cannot change after creation)']
    ],
    [
      'exclusions, order ignored',
      { tagMutabilityExclusions: ['b', 'a'] },
      {},
      ['image-tag-mutability-exclusions are [], declared [a, b]']
    ],
    ['missing tag', { tags: { team: 'core' } }, {}, ['repository tag team is missing, declared "core"']],
    ['equal tags', { tags: { team: 'core' } }, { team: 'core', other: 'x' }, []]
  ] as const)('%s', (_case, desired, tags, expected) => {
    expect(
      diffRepositorySettings(
        repository,
        tags as Record<string, string>,
        desired as Parameters<typeof diffRepositorySettings>[2]
      ).map(describeDifference)
    ).toEqual(expected)
  })

  test('a KMS key named by alias or id matches the ARN ECR reports', () => {
    const kms = {
      ...repository,
      encryptionConfiguration: { encryptionType: 'KMS' as const, kmsKey: 'arn:aws:kms:eu-west-1:1:key/abcd' }
    }
    expect(diffRepositorySettings(kms, {}, { encryptionType: 'KMS', kmsKey: 'abcd' })).toEqual([])
    expect(diffRepositorySettings(kms, {}, { encryptionType: 'KMS', kmsKey: 'other' })).toHaveLength(1)
  })
})

describe('isTagImmutable', () => {
  test.each([
    ['v1', 'MUTABLE', [], false],
    ['v1', undefined, [], false],
    ['v1', 'IMMUTABLE', [], true],
    ['latest', 'IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], false],
    ['dev-42', 'IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], false],
    ['v1', 'IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], true],
    ['release-1', 'MUTABLE_WITH_EXCLUSION', ['release-*'], true],
    ['latest', 'MUTABLE_WITH_EXCLUSION', ['release-*'], false]
  ])('%s under %s %j → %s', (tag, mutability, exclusions, expected) => {
    expect(isTagImmutable(tag, mutability, exclusions)).toBe(expected)
  })
})

test('repositoryConsoleUrl', () => {
  expect(repositoryConsoleUrl('eu-west-1', '123456789012', 'team/app')).toBe(
    'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/team/app?region=eu-west-1'
  )
})
