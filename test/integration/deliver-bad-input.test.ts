/**
 * The deliver action refusing bad input: one ::error:: naming the input and the rule, exit 1, and nothing
 * created or pushed (checked with the ECR API and skopeo).
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import {
  REGISTRY,
  buildImage,
  describeRepository,
  newDockerConfig,
  runStep,
  skopeoDigest,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
/** A real image, so that each case fails on its own input and nothing else. */
const IMAGE = 'it-bad-input:one'
beforeAll(async () => {
  await buildImage(IMAGE, 'bad input')
})

describe('bad input: one ::error:: naming the input and the rule, exit 1, nothing created or pushed', () => {
  interface BadInput {
    name: string
    inputs: Record<string, string>
    error: RegExp
    env?: Record<string, string | undefined>
  }
  const cases: BadInput[] = [
    {
      name: 'bad repository name',
      inputs: { repository: 'Team/App' },
      error: /^Input "repository": .*not a valid/
    },
    { name: 'bad tag', inputs: { tags: 'ok\n.bad' }, error: /^Input "tags": "\.bad" is not a valid tag/ },
    {
      name: 'missing image',
      inputs: { image: 'it-app:missing' },
      error: /^Input "image": "it-app:missing" is not an image in the docker engine/
    },
    {
      name: 'image without repository',
      inputs: { repository: '' },
      error: /^Input "repository": is required when image is given/
    },
    {
      name: 'unknown mutability',
      inputs: { 'image-tag-mutability': 'FROZEN' },
      error: /^Input "image-tag-mutability": must be one of MUTABLE/
    },
    {
      name: 'unknown encryption',
      inputs: { 'encryption-type': 'RSA' },
      error: /^Input "encryption-type": must be one of AES256 \| KMS \| KMS_DSSE/
    },
    {
      name: 'KMS without a key',
      inputs: { 'encryption-type': 'KMS' },
      error: /^Input "kms-key": is required with encryption-type KMS/
    },
    {
      name: 'key without KMS',
      inputs: { 'kms-key': 'alias/ecr' },
      error: /^Input "kms-key": applies only with encryption-type KMS/
    },
    {
      name: 'missing region',
      inputs: {},
      error: /^No AWS region is set: give aws-region to aws-actions\/configure-aws-credentials/,
      env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_CONFIG_FILE: '/nonexistent' }
    },
    {
      name: 'missing credentials',
      inputs: {},
      error:
        /^No AWS credentials were found for GetAuthorizationToken: add aws-actions\/configure-aws-credentials/,
      env: {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_CONFIG_FILE: '/nonexistent',
        // Keep the SDK off the instance metadata address: this machine has no network beyond loopback.
        AWS_EC2_METADATA_DISABLED: 'true'
      }
    }
  ]

  // One parameter: a test function with more parameters than a row has is taken to want a done callback.
  test.each(cases)('$name', async ({ inputs, error, env }) => {
    const repository = uniqueRepository('bad')
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { image: IMAGE, repository, tags: 'v1', ...inputs },
      env
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(error)
    expect(await describeRepository(repository)).toBeUndefined()
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()
    expect(result.stdout).not.toContain('docker push')
  })

  test('create-repository false and the repository missing: clear error, nothing created', async () => {
    const repository = uniqueRepository('bad')
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { image: IMAGE, repository, 'create-repository': 'false' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `Repository "${repository}" does not exist and create-repository is false: create it first, or set create-repository: true.`
    ])
    expect(await describeRepository(repository)).toBeUndefined()
  })
})
