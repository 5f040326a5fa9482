import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  BatchDeleteImageCommand,
  DeleteRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient
} from '@aws-sdk/client-ecr'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTasksCommand
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { coreFixture } from '../helpers/core-fixture.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const core = coreFixture()
jest.unstable_mockModule('@actions/core', () => core.module)
const { run } = await import('../../src/cleanup/main.js')

const ecr = mockClient(ECRClient)
const ecs = mockClient(ECSClient)
const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const OLD = new Date('2020-01-01T00:00:00Z')

beforeEach(() => {
  ecr.reset()
  ecs.reset()
  core.reset({
    repositories: 'web',
    'keep-last': '0',
    'older-than': '0d',
    'untagged-older-than': '1d',
    'keep-tags': '',
    'keep-revisions': '0',
    'keep-in-use': 'ecs'
  })
  process.env.AWS_REGION = 'eu-west-1'
  process.env.AWS_ACCESS_KEY_ID = 'a'
  process.env.AWS_SECRET_ACCESS_KEY = 'b'
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'cleanup-run-'))
  ecr
    .on(DescribeRepositoriesCommand)
    .resolves({ repositories: [{ repositoryName: 'web', registryId: '123456789012' }] })
  ecr.on(DescribeImagesCommand).resolves({
    imageDetails: [
      {
        imageDigest: d('a'),
        imageTags: ['v41'],
        imagePushedAt: OLD,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
      },
      {
        imageDigest: d('b'),
        imageTags: ['v40'],
        imagePushedAt: OLD,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
      }
    ]
  })
  ecr
    .on(BatchDeleteImageCommand)
    .callsFake(({ imageIds }: { imageIds: { imageDigest: string }[] }) => ({ imageIds, failures: [] }))
  ecs.on(ListClustersCommand).resolves({ clusterArns: ['arn:aws:ecs:eu-west-1:123456789012:cluster/prod'] })
  ecs
    .on(ListServicesCommand)
    .resolves({ serviceArns: ['arn:aws:ecs:eu-west-1:123456789012:service/prod/web'] })
  ecs.on(DescribeServicesCommand).resolves({
    services: [
      {
        serviceName: 'web',
        deployments: [
          { status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42' }
        ]
      }
    ]
  })
  ecs.on(ListTasksCommand).resolves({ taskArns: [] })
  ecs.on(ListTaskDefinitionFamiliesCommand).resolves({ families: [] })
  ecs
    .on(DescribeTaskDefinitionCommand)
    .resolves({ taskDefinition: { containerDefinitions: [{ image: `${HOST}/web:v41` }] } })
})

describe('cleanup run: what is in use is never deleted', () => {
  test('the image a service runs survives, the other goes; outputs count it', async () => {
    await run()
    const deleted = ecr
      .commandCalls(BatchDeleteImageCommand)
      .flatMap(c => c.args[0].input.imageIds?.map(i => i.imageDigest))
    expect(deleted).toEqual([d('b')])
    expect(core.outputs).toMatchObject({ 'deleted-count': 1, 'in-use-count': 1 })
  })

  test('a scan that is denied fails the step before anything is deleted', async () => {
    ecs
      .on(ListServicesCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }))
    await expect(run()).rejects.toThrow(
      /The in-use scan failed, so nothing was deleted: ecs:ListServices in eu-west-1/
    )
    expect(ecr.commandCalls(BatchDeleteImageCommand)).toHaveLength(0)
  })

  test('keep-in-use none deletes both, without a single ECS call', async () => {
    core.inputs['keep-in-use'] = 'none'
    await run()
    expect(ecr.commandCalls(BatchDeleteImageCommand).flatMap(c => c.args[0].input.imageIds)).toHaveLength(2)
    expect(ecs.calls()).toHaveLength(0)
  })
})

describe('delete-empty-repositories', () => {
  beforeEach(() => {
    core.inputs['keep-in-use'] = 'none'
    core.inputs['delete-empty-repositories'] = 'true'
  })

  test('a repository left empty is deleted without force', async () => {
    ecr.on(DeleteRepositoryCommand).resolves({})
    await run()
    expect(ecr.commandCalls(DeleteRepositoryCommand).map(c => c.args[0].input)).toEqual([
      { repositoryName: 'web', registryId: undefined }
    ])
    expect(core.outputs['deleted-repositories']).toBe('web')
  })

  test('an image pushed meanwhile makes ECR refuse: reported, not forced, the step green', async () => {
    ecr
      .on(DeleteRepositoryCommand)
      .rejects(Object.assign(new Error('not empty'), { name: 'RepositoryNotEmptyException' }))
    await run()
    expect(ecr.commandCalls(DeleteRepositoryCommand)).toHaveLength(1)
    expect(core.outputs['deleted-repositories']).toBe('')
  })

  test('a repository holding an image in use is never emptied, so never deleted', async () => {
    core.inputs['keep-in-use'] = 'ecs'
    await run()
    expect(ecr.commandCalls(DeleteRepositoryCommand)).toHaveLength(0)
  })

  test('a dry run deletes nothing, repositories included', async () => {
    core.inputs['dry-run'] = 'true'
    await run()
    expect(ecr.commandCalls(BatchDeleteImageCommand)).toHaveLength(0)
    expect(ecr.commandCalls(DeleteRepositoryCommand)).toHaveLength(0)
  })
})
