/**
 * The bundled cleanup action against deployments in moto's ECS, Lambda and Batch (moto runs with
 * MOTO_LAMBDA_STUB_ECR=false, so Lambda resolves image functions in its own ECR). What runs survives, what
 * does not goes; a scan that fails deletes nothing. Checked with the ECR API, the plan file and the summary.
 */
import { pushImage, pushUntagged } from './registry-seed.js'
import { describe, expect, test } from '@jest/globals'
import { BatchClient, RegisterJobDefinitionCommand } from '@aws-sdk/client-batch'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand
} from '@aws-sdk/client-ecs'
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand
} from '@aws-sdk/client-lambda'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REGISTRY, addFault, ecrApi, newDockerConfig, runStep, testEnv, type StepOptions } from './harness.js'

const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })

const region = testEnv.AWS_REGION as string
const account = testEnv.ECR_TEST_ACCOUNT as string
const endpoint = testEnv.MOTO_URL as string
const config = { region, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }
const ecs = new ECSClient(config)
const lambda = new LambdaClient(config)
const batch = new BatchClient(config)
const RULES = {
  'keep-last': '0',
  'older-than': '0d',
  'untagged-older-than': '0d',
  'keep-tags': '',
  'keep-revisions': '0'
}

/** A repository without '/' (moto's Lambda looks images up by the last path segment only). */
const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`

/** An image pushed through the registry (tagged, or untagged by digest). */
async function putImage(repository: string, tag?: string): Promise<string> {
  return tag ? pushImage(repository, tag) : pushUntagged(repository)
}

async function remaining(repository: string): Promise<Set<string>> {
  const { imageDetails } = await ecrApi<{ imageDetails: ImageDetail[] }>('DescribeImages', {
    repositoryName: repository
  })
  return new Set(imageDetails.map(d => d.imageDigest as string))
}

/** A role Lambda can assume: moto's Lambda checks that it exists in IAM. */
async function lambdaRole(): Promise<string> {
  const name = `lambda-${randomBytes(4).toString('hex')}`
  const body = new URLSearchParams({
    Action: 'CreateRole',
    Version: '2010-05-08',
    RoleName: name,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }
      ]
    })
  })
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/iam/aws4_request, SignedHeaders=host, Signature=0`
    },
    body
  })
  if (!response.ok) throw new Error(`CreateRole: ${response.status} ${await response.text()}`)
  return `arn:aws:iam::${account}:role/${name}`
}

interface Deployments {
  repository: string
  digests: Record<string, string>
}

/**
 * One repository with an image for each way of being in use, and two that are not:
 * ecsService (a service's task definition, by tag), ecsTask (a running task's definition, by digest),
 * lambdaLatest ($LATEST), lambdaAlias (version 1, which alias live points at), batch (a job definition),
 * listed (named in in-use-images), unusedTagged, unusedUntagged.
 */
async function deploy(): Promise<Deployments> {
  const repository = uniqueName('inuse')
  await ecrApi('CreateRepository', { repositoryName: repository })
  const digests: Record<string, string> = {}
  for (const name of ['ecsService', 'lambdaAlias', 'lambdaLatest', 'batch', 'listed', 'unusedTagged']) {
    digests[name] = await putImage(repository, name.toLowerCase())
  }
  digests.ecsTask = await putImage(repository)
  digests.unusedUntagged = await putImage(repository)
  const image = (reference: string) => `${REGISTRY}/${repository}${reference}`

  const cluster = uniqueName('prod')
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }))
  const web = `${repository}-web`
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: web,
      containerDefinitions: [{ name: 'web', image: image(':ecsservice'), memory: 128 }]
    })
  )
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: 'web',
      taskDefinition: `${web}:1`,
      desiredCount: 1,
      launchType: 'FARGATE'
    })
  )
  const worker = `${repository}-worker`
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: worker,
      containerDefinitions: [{ name: 'w', image: image(`@${digests.ecsTask}`), memory: 128 }]
    })
  )
  await ecs.send(new RunTaskCommand({ cluster, taskDefinition: `${worker}:1`, launchType: 'FARGATE' }))

  const fn = `${repository}-fn`
  const Role = await lambdaRole()
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: fn,
      PackageType: 'Image',
      Code: { ImageUri: image(':lambdaalias') },
      Role
    })
  )
  await lambda.send(new PublishVersionCommand({ FunctionName: fn }))
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn, ImageUri: image(':lambdalatest') }))
  await lambda.send(new CreateAliasCommand({ FunctionName: fn, Name: 'live', FunctionVersion: '1' }))

  await batch.send(
    new RegisterJobDefinitionCommand({
      jobDefinitionName: `${repository}-nightly`,
      type: 'container',
      containerProperties: {
        image: image(':batch'),
        resourceRequirements: [
          { type: 'VCPU', value: '1' },
          { type: 'MEMORY', value: '512' }
        ]
      }
    })
  )
  return { repository, digests }
}

describe('cleanup keeps what runs', () => {
  test('ECS, Lambda, Batch and in-use-images keep their images; the rest goes; the report says where each is used', async () => {
    const { repository, digests } = await deploy()
    const workspace = mkdtempSync(join(tmpdir(), 'in-use-ws-'))
    // As kubectl writes it: space separated, one line.
    writeFileSync(
      join(workspace, 'eks-images.txt'),
      `${REGISTRY}/${repository}:listed public.ecr.aws/nginx/nginx:1\n`
    )
    const result = await cleanup({
      inputs: {
        repositories: repository,
        ...RULES,
        'keep-in-use': 'ecs, lambda, batch',
        'in-use-images': 'eks-images.txt'
      },
      env: { GITHUB_WORKSPACE: workspace }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const kept = ['ecsService', 'ecsTask', 'lambdaLatest', 'lambdaAlias', 'batch', 'listed'].map(
      name => digests[name]
    )
    expect(await remaining(repository)).toEqual(new Set(kept))
    expect(result.outputs).toMatchObject({ 'deleted-count': '2', 'in-use-count': '6' })
    expect(result.stdout).toContain('in use: 1 references to other registries')

    const plan = JSON.parse(readFileSync(result.outputs['plan-file'] as string, 'utf8')) as {
      repositories: { images: { digest: string; rule: string; usedBy?: string[]; deleted: boolean }[] }[]
    }
    const usedBy = (name: string) =>
      plan.repositories[0]?.images.find(i => i.digest === digests[name])?.usedBy?.join(' | ')
    expect(usedBy('ecsService')).toMatch(
      /^ecs: cluster prod-[a-f0-9]+, service web \(primary\), task definition inuse-[a-f0-9]+-web:1$/
    )
    expect(usedBy('ecsTask')).toMatch(
      /ecs: cluster prod-[a-f0-9]+, task [a-f0-9-]+.*task definition inuse-[a-f0-9]+-worker:1/
    )
    expect(usedBy('lambdaLatest')).toMatch(/lambda: inuse-[a-f0-9]+-fn \(\$LATEST\)/)
    expect(usedBy('lambdaAlias')).toMatch(/lambda: inuse-[a-f0-9]+-fn:1 \(alias live\)/)
    expect(usedBy('batch')).toMatch(/^batch: job definition inuse-[a-f0-9]+-nightly:1$/)
    expect(usedBy('listed')).toBe('in-use-images: in-use-images')
    expect(plan.repositories[0]?.images.filter(i => i.rule === 'in-use')).toHaveLength(6)
    expect(result.summary).toContain('<h3>In use</h3>')
    expect(result.summary).toContain('Kept because in use (the other rules would have deleted them): 6')
  })

  test('keep-in-use none: the same images go', async () => {
    const { repository, digests } = await deploy()
    const result = await cleanup({ inputs: { repositories: repository, ...RULES, 'keep-in-use': 'none' } })
    expect(result.exitCode).toBe(0)
    expect(await remaining(repository)).toEqual(new Set())
    expect(result.outputs['deleted-count']).toBe(String(Object.keys(digests).length))
  })

  test.each([
    [
      'denied',
      async () =>
        addFault({
          repository: '*',
          kind: 'api:ListClusters',
          action: {
            type: 'status',
            status: 400,
            code: 'AccessDeniedException',
            message: 'not authorized to perform ecs:ListClusters'
          },
          times: 1
        }),
      {}
    ],
    ['unreachable', async () => undefined, { AWS_ENDPOINT_URL_ECS: 'http://127.0.0.1:9' }]
  ])('a scan that fails (%s) deletes nothing', async (_case, arrange, env) => {
    const { repository, digests } = await deploy()
    await arrange()
    const result = await cleanup({
      inputs: { repositories: repository, ...RULES, 'keep-in-use': 'ecs, lambda' },
      env
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^The in-use scan failed, so nothing was deleted: ecs:ListClusters in us-east-1: /
    )
    expect(result.errors[0]).toMatch(/keep-in-use: none turns the scan off/)
    expect(await remaining(repository)).toEqual(new Set(Object.values(digests)))
  })

  test('delete-empty-repositories deletes the emptied repository and keeps the one that holds an image in use', async () => {
    const { repository: used } = await deploy()
    const empty = uniqueName('preview')
    await ecrApi('CreateRepository', { repositoryName: empty })
    await putImage(empty, 'pr-1')
    await putImage(empty)
    const result = await cleanup({
      inputs: {
        repositories: `${used}\n${empty}`,
        ...RULES,
        'keep-in-use': 'ecs, lambda, batch',
        'delete-empty-repositories': 'true'
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['deleted-repositories']).toBe(empty)
    const { repositories } = await ecrApi<{ repositories: { repositoryName: string }[] }>(
      'DescribeRepositories',
      {}
    )
    const names = repositories.map(r => r.repositoryName)
    expect(names).toContain(used)
    expect(names).not.toContain(empty)
  })
})
