import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand
} from '@aws-sdk/client-ecs'
import {
  GetFunctionCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand
} from '@aws-sdk/client-lambda'
import { BatchClient, DescribeJobDefinitionsCommand } from '@aws-sdk/client-batch'
import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListServicesCommand as ListAppRunnerServicesCommand
} from '@aws-sdk/client-apprunner'
import { Inspector2Client, ListCoverageCommand } from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

jest.unstable_mockModule('@actions/core', () => ({ info: jest.fn(), debug: jest.fn(), warning: jest.fn() }))
const { scanEcs } = await import('../../src/ecr/in-use/ecs.js')
const { scanLambda } = await import('../../src/ecr/in-use/lambda.js')
const { scanBatch } = await import('../../src/ecr/in-use/batch.js')
const { scanAppRunner } = await import('../../src/ecr/in-use/apprunner.js')
const { scanInspector } = await import('../../src/ecr/in-use/inspector.js')

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' }
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const d = (name: string) => `sha256:${name.padEnd(64, '0')}`
const denied = () =>
  Object.assign(new Error('User is not authorized to perform: ecs:ListServices'), {
    name: 'AccessDeniedException'
  })
const td = (family: string, revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:${revision}`

describe('scanEcs', () => {
  const ecs = mockClient(ECSClient)
  const client = new ECSClient({ region: 'eu-west-1', credentials })
  beforeEach(() => {
    ecs.reset()
    ecs.on(ListClustersCommand).resolves({ clusterArns: ['arn:aws:ecs:eu-west-1:123456789012:cluster/prod'] })
    ecs.on(ListTaskDefinitionFamiliesCommand).resolves({ families: [] })
    ecs.on(DescribeTaskDefinitionCommand).callsFake(({ taskDefinition }: { taskDefinition: string }) => ({
      taskDefinition: {
        containerDefinitions: [{ image: `${HOST}/${taskDefinition.split('/').pop()?.replace(':', '-tag:')}` }]
      }
    }))
  })

  test('every page of services, 10 per DescribeServices, every deployment; tasks with their running digest; each task definition once', async () => {
    const services = Array.from(
      { length: 23 },
      (_, i) => `arn:aws:ecs:eu-west-1:123456789012:service/prod/s${i}`
    )
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: services.slice(0, 20), nextToken: 'p2' })
      .resolvesOnce({ serviceArns: services.slice(20) })
    ecs.on(DescribeServicesCommand).callsFake(({ services: names }: { services: string[] }) => ({
      services: names.map(name => ({
        serviceName: name.split('/').pop(),
        deployments: [
          { status: 'PRIMARY', taskDefinition: td('web', 42) },
          ...(name.endsWith('s0') ? [{ status: 'ACTIVE', taskDefinition: td('web', 41) }] : [])
        ]
      }))
    }))
    ecs.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:eu-west-1:123456789012:task/prod/t1'] })
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/t1',
          group: 'family:batchy',
          taskDefinitionArn: td('batchy', 3),
          containers: [{ image: `${HOST}/batchy:latest`, imageDigest: d('a') }]
        }
      ]
    })
    const found = await scanEcs('eu-west-1', 0, DEFAULT_ENDPOINT, client)
    expect(ecs.commandCalls(DescribeServicesCommand).map(c => c.args[0].input.services?.length)).toEqual([
      10, 10, 3
    ])
    expect(ecs.commandCalls(ListTasksCommand)[0]?.args[0].input).toMatchObject({ desiredStatus: 'RUNNING' })
    // web:42, web:41 and batchy:3, once each, though 23 services use web:42.
    expect(
      ecs
        .commandCalls(DescribeTaskDefinitionCommand)
        .map(c => c.args[0].input.taskDefinition)
        .sort()
    ).toEqual([td('batchy', 3), td('web', 41), td('web', 42)].sort())
    expect(found).toContainEqual({
      image: `${HOST}/batchy:latest`,
      digest: d('a'),
      source: 'ecs',
      where: 'cluster prod, task t1 (family:batchy)'
    })
    expect(found).toContainEqual({
      image: `${HOST}/web-tag:41`,
      source: 'ecs',
      where: 'cluster prod, service s0 (active), task definition web:41'
    })
    expect(found.filter(f => f.image === `${HOST}/web-tag:42`)).toHaveLength(23)
  })

  test.each([
    [0, []],
    [1, [5]],
    [3, [5, 4, 3]]
  ])(
    'keep-revisions %i over 5 revisions (and another family sharing the prefix): %j',
    async (count, revisions) => {
      ecs.on(ListServicesCommand).resolves({ serviceArns: [] })
      ecs.on(ListTasksCommand).resolves({ taskArns: [] })
      ecs.on(ListTaskDefinitionFamiliesCommand).resolves({ families: ['web'] })
      ecs
        .on(ListTaskDefinitionsCommand)
        .resolvesOnce({ taskDefinitionArns: [td('web-api', 9), td('web', 5), td('web', 4)], nextToken: 'n' })
        .resolvesOnce({ taskDefinitionArns: [td('web', 3), td('web', 2), td('web', 1)] })
      const found = await scanEcs('eu-west-1', count, DEFAULT_ENDPOINT, client)
      expect(found.map(f => f.image)).toEqual(revisions.map(r => `${HOST}/web-tag:${r}`))
      if (count > 0) {
        expect(ecs.commandCalls(ListTaskDefinitionsCommand)[0]?.args[0].input).toMatchObject({
          familyPrefix: 'web',
          status: 'ACTIVE',
          sort: 'DESC'
        })
      } else {
        expect(ecs.commandCalls(ListTaskDefinitionFamiliesCommand)).toHaveLength(0)
      }
    }
  )

  test('a denied call fails the scan, naming the call, the region and the way out', async () => {
    ecs.on(ListServicesCommand).rejects(denied())
    await expect(scanEcs('eu-west-1', 3, DEFAULT_ENDPOINT, client)).rejects.toThrow(
      /^The in-use scan failed: ecs:ListServices in eu-west-1: AccessDeniedException: .*Allow ecs:ListServices for this role/
    )
  })
})

describe('scanLambda', () => {
  const lambda = mockClient(LambdaClient)
  const client = new LambdaClient({ region: 'eu-west-1', credentials })
  beforeEach(() => {
    lambda.reset()
    lambda
      .on(ListFunctionsCommand)
      .resolvesOnce({ Functions: [{ FunctionName: 'resize', PackageType: 'Image' }], NextMarker: 'm' })
      .resolvesOnce({ Functions: [{ FunctionName: 'zipped', PackageType: 'Zip' }] })
    lambda.on(ListAliasesCommand).resolves({
      Aliases: [
        { Name: 'live', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '4': 0.1 } } }
      ]
    })
    lambda.on(ListVersionsByFunctionCommand).resolves({
      Versions: ['$LATEST', '1', '2', '3', '4', '5'].map(Version => ({ Version }))
    })
    lambda.on(GetFunctionCommand).callsFake(({ Qualifier }: { Qualifier: string }) => ({
      Code: {
        ImageUri: `${HOST}/resize:v${Qualifier}`,
        ResolvedImageUri: `${HOST}/resize@${d(Qualifier === '$LATEST' ? 'l' : Qualifier)}`
      }
    }))
  })

  test.each([
    [0, ['$LATEST', '2', '4']],
    [1, ['$LATEST', '2', '4', '5']],
    [3, ['$LATEST', '2', '4', '5', '3']]
  ])(
    'keep-revisions %i: $LATEST, the alias (weighted too), the newest versions: %j',
    async (count, qualifiers) => {
      const found = await scanLambda('eu-west-1', count, DEFAULT_ENDPOINT, client)
      expect(lambda.commandCalls(GetFunctionCommand).map(c => c.args[0].input.Qualifier)).toEqual(qualifiers)
      expect(
        lambda.commandCalls(GetFunctionCommand).every(c => c.args[0].input.FunctionName === 'resize')
      ).toBe(true)
      const four = found.find(f => f.where.startsWith('resize:4'))
      expect(four).toMatchObject({ image: `${HOST}/resize:v4`, digest: d('4'), source: 'lambda' })
      expect(four?.where).toMatch(/^resize:4 \(alias live, weighted/)
      expect(found.find(f => f.where === 'resize (latest)' || f.where === 'resize ($LATEST)')).toMatchObject({
        digest: d('l')
      })
    }
  )

  test('a failing GetFunction fails the scan', async () => {
    lambda
      .on(GetFunctionCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
    await expect(scanLambda('eu-west-1', 0, DEFAULT_ENDPOINT, client)).rejects.toThrow(
      /lambda:GetFunction in eu-west-1: ThrottlingException: Rate exceeded/
    )
  })
})

describe('scanBatch, scanAppRunner, scanInspector', () => {
  const batch = mockClient(BatchClient)
  const apprunner = mockClient(AppRunnerClient)
  const inspector = mockClient(Inspector2Client)
  beforeEach(() => {
    batch.reset()
    apprunner.reset()
    inspector.reset()
  })

  test('Batch: every page, newest revisions per name (at least one), every kind of container', async () => {
    const def = (name: string, revision: number, extra = {}) => ({
      jobDefinitionName: name,
      revision,
      containerProperties: { image: `${HOST}/${name}:r${revision}` },
      ...extra
    })
    const pages = {
      first: { jobDefinitions: [def('nightly', 1), def('nightly', 3)], nextToken: 't' },
      second: {
        jobDefinitions: [
          def('nightly', 2),
          {
            jobDefinitionName: 'mpi',
            revision: 1,
            nodeProperties: {
              nodeRangeProperties: [{ targetNodes: '0:', container: { image: `${HOST}/mpi:1` } }]
            }
          }
        ]
      }
    }
    batch
      .on(DescribeJobDefinitionsCommand)
      .callsFake(({ nextToken }: { nextToken?: string }) => (nextToken ? pages.second : pages.first))
    const client = new BatchClient({ region: 'eu-west-1', credentials })
    expect((await scanBatch('eu-west-1', 0, DEFAULT_ENDPOINT, client)).map(f => f.where)).toEqual([
      'job definition nightly:3',
      'job definition mpi:1'
    ])
    expect((await scanBatch('eu-west-1', 2, DEFAULT_ENDPOINT, client)).map(f => f.image)).toEqual(
      [`${HOST}/nightly:r3`, `${HOST}/nightly:r2`, `${HOST}/mpi:1`].slice(0, 3)
    )
    expect(batch.commandCalls(DescribeJobDefinitionsCommand)[0]?.args[0].input).toMatchObject({
      status: 'ACTIVE'
    })
  })

  test('App Runner: each service image identifier', async () => {
    apprunner
      .on(ListAppRunnerServicesCommand)
      .resolves({ ServiceSummaryList: [{ ServiceArn: 'arn:s1', ServiceName: 'site' }] })
    apprunner.on(DescribeServiceCommand).resolves({
      Service: {
        ServiceName: 'site',
        SourceConfiguration: {
          ImageRepository: { ImageIdentifier: `${HOST}/site:prod`, ImageRepositoryType: 'ECR' }
        }
      } as never
    })
    const found = await scanAppRunner(
      'eu-west-1',
      DEFAULT_ENDPOINT,
      new AppRunnerClient({ region: 'eu-west-1', credentials })
    )
    expect(found).toEqual([{ image: `${HOST}/site:prod`, source: 'apprunner', where: 'service site' }])
  })

  test('Inspector: images in use now, or last in use within keep-pulled-within', async () => {
    const NOW = new Date('2026-11-24T12:00:00Z')
    const resource = (name: string, ecrImage: object) => ({
      resourceType: 'AWS_ECR_CONTAINER_IMAGE',
      resourceId: `arn:aws:ecr:eu-west-1:123456789012:repository/team/${name}/${d(name)}`,
      accountId: '123456789012',
      scanType: 'PACKAGE',
      resourceMetadata: { ecrImage }
    })
    inspector.on(ListCoverageCommand).resolves({
      coveredResources: [
        resource('a', { inUseCount: 2 }),
        resource('b', { inUseCount: 0, lastInUseAt: new Date('2026-11-20T00:00:00Z') }),
        resource('c', { inUseCount: 0, lastInUseAt: new Date('2026-01-01T00:00:00Z') })
      ] as never
    })
    const client = new Inspector2Client({ region: 'eu-west-1', credentials })
    const found = await scanInspector(
      'eu-west-1',
      { keepPulledWithinMs: 30 * 86_400_000, now: NOW },
      DEFAULT_ENDPOINT,
      client
    )
    expect(found).toEqual([
      {
        image: `${HOST}/team/a@${d('a')}`,
        digest: d('a'),
        source: 'inspector',
        where: 'in use by 2 ECS tasks or EKS pods'
      },
      {
        image: `${HOST}/team/b@${d('b')}`,
        digest: d('b'),
        source: 'inspector',
        where: 'last in use 2026-11-20'
      }
    ])
    expect(inspector.commandCalls(ListCoverageCommand)[0]?.args[0].input.filterCriteria).toEqual({
      resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' }]
    })
    expect(await scanInspector('eu-west-1', { now: NOW }, DEFAULT_ENDPOINT, client)).toHaveLength(1)
  })
})
