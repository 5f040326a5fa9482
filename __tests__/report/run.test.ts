import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetAccountSettingCommand,
  GetLifecyclePolicyCommand,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  GetSigningConfigurationCommand,
  type ImageDetail
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReportDocument } from '../../src/report/document.js'
import { coreFixture } from '../helpers/core-fixture.js'

const core = coreFixture()
jest.unstable_mockModule('@actions/core', () => core.module)
const { run } = await import('../../src/report/main.js')

const ecr = mockClient(ECRClient)
const d = (name: string) => `sha256:${name.padStart(64, '0')}`
const OCI = 'application/vnd.oci.image.manifest.v1+json'
const awsError = (name: string) => Object.assign(new Error(`${name} happened`), { name })
const PUSHED = new Date('2026-06-01T00:00:00Z')

/** web: 150 images sharing one 1000-byte base layer, each with its own 10-byte layer; api: one image. */
const images: Record<string, ImageDetail[]> = {
  web: Array.from({ length: 150 }, (_, i) => ({
    imageDigest: d(`a${i}`),
    imageTags: i === 0 ? ['latest'] : [],
    imagePushedAt: PUSHED,
    imageSizeInBytes: 1110,
    imageManifestMediaType: OCI
  })),
  api: [
    {
      imageDigest: d('b'),
      imageTags: ['v1'],
      imagePushedAt: PUSHED,
      imageSizeInBytes: 600,
      imageManifestMediaType: OCI
    }
  ]
}
const manifestOf = (digest: string) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `${digest}c`, size: 100 },
    layers:
      digest === d('b')
        ? [{ mediaType: 'l', digest: d('api-layer'), size: 500 }]
        : [
            { mediaType: 'l', digest: d('base'), size: 1000 },
            { mediaType: 'l', digest: `${digest}l`, size: 10 }
          ]
  })

const reportFile = () =>
  JSON.parse(readFileSync(core.outputs['report-file'] as string, 'utf8')) as ReportDocument

beforeEach(() => {
  ecr.reset()
  core.reset({ regions: 'eu-west-1' })
  process.env.AWS_REGION = 'eu-west-1'
  process.env.AWS_ACCESS_KEY_ID = 'a'
  process.env.AWS_SECRET_ACCESS_KEY = 'b'
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'report-run-'))
  ecr.on(DescribeRepositoriesCommand).resolves({
    repositories: ['web', 'api', 'other/x'].map(repositoryName => ({
      repositoryName,
      registryId: '123456789012',
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: repositoryName === 'web' },
      encryptionConfiguration: { encryptionType: 'AES256' }
    }))
  })
  ecr.on(DescribeImagesCommand).callsFake(({ repositoryName }: { repositoryName: string }) => ({
    imageDetails: images[repositoryName] ?? []
  }))
  ecr.on(BatchGetImageCommand).callsFake(({ imageIds }: { imageIds: { imageDigest: string }[] }) => ({
    images: imageIds.map(({ imageDigest }) => ({
      imageId: { imageDigest },
      imageManifest: manifestOf(imageDigest)
    })),
    failures: []
  }))
  ecr.on(GetLifecyclePolicyCommand).callsFake(({ repositoryName }: { repositoryName: string }) => {
    if (repositoryName !== 'web') throw awsError('LifecyclePolicyNotFoundException')
    return { lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1 }] }) }
  })
  ecr.on(GetRepositoryPolicyCommand).rejects(awsError('RepositoryPolicyNotFoundException'))
  ecr.on(GetRegistryPolicyCommand).rejects(awsError('AccessDeniedException'))
  ecr.on(DescribeRegistryCommand).resolves({ replicationConfiguration: { rules: [] } })
  ecr
    .on(GetRegistryScanningConfigurationCommand)
    .resolves({ scanningConfiguration: { scanType: 'BASIC', rules: [] } })
  ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [] })
  ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ repositoryCreationTemplates: [] })
  ecr
    .on(GetAccountSettingCommand)
    .callsFake(({ name }: { name: string }) => ({ name, value: `${name}-value` }))
  ecr.on(GetSigningConfigurationCommand).rejects(awsError('SigningConfigurationNotFoundException'))
})

describe('report run', () => {
  test('counts, distinct blob bytes (BatchGetImage 100 a call), outputs; a denied registry read is noted, not fatal', async () => {
    core.inputs.repositories = 'web\napi'
    await run()
    expect(core.outputs).toMatchObject({
      'repository-count': 2,
      'image-count': 151,
      'total-bytes': 1000 + 150 * 110 + 600,
      'non-compliant': '[]'
    })
    const sizes = ecr
      .commandCalls(BatchGetImageCommand)
      .filter(c => c.args[0].input.repositoryName === 'web')
      .map(c => c.args[0].input.imageIds?.length)
    expect(sizes).toEqual([100, 50])
    const report = reportFile()
    const web = report.repositories.find(r => r.repository === 'web')
    expect(web).toMatchObject({ images: 150, tagged: 1, untagged: 149, imageBytes: 150 * 1110 })
    expect(web?.lifecyclePolicy).toEqual({ present: true, rules: 1 })
    expect(report.registries[0]?.settings).toMatchObject({
      registryPolicy: { notReadable: 'needs ecr:GetRegistryPolicy' },
      signing: { value: null },
      accountSettings: { BLOB_MOUNTING: { value: 'BLOB_MOUNTING-value' } }
    })
    expect(ecr.commandCalls(DescribeImageScanFindingsCommand)).toHaveLength(0)
    expect(core.module.setFailed).not.toHaveBeenCalled()
  })

  test('fail-on non-compliant fails after writing the report, naming each repository and why', async () => {
    Object.assign(core.inputs, {
      repositories: 'web, api',
      require: 'lifecycle-policy: present\nscan-on-push: true',
      'fail-on': 'non-compliant'
    })
    await expect(run()).rejects.toThrow(
      /^1 repositories are non-compliant: api \(eu-west-1\): scan-on-push: scan on push off; lifecycle-policy: lifecycle policy absent$/
    )
    expect(JSON.parse(core.outputs['non-compliant'] as string)).toEqual([
      {
        repository: 'api',
        region: 'eu-west-1',
        reasons: ['scan-on-push: scan on push off', 'lifecycle-policy: lifecycle policy absent']
      }
    ])
    expect(reportFile().repositories.find(r => r.repository === 'web')?.requirements).toEqual({
      'scan-on-push': true,
      'lifecycle-policy': true
    })
  })

  test('findings: one call per repository, for its newest image', async () => {
    Object.assign(core.inputs, { repositories: 'api', findings: 'true', require: 'max-critical-findings: 0' })
    ecr.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE' },
      imageScanFindings: { findingSeverityCounts: { CRITICAL: 2 } }
    })
    await run()
    expect(ecr.commandCalls(DescribeImageScanFindingsCommand).map(c => c.args[0].input.imageId)).toEqual([
      { imageDigest: d('b') }
    ])
    expect(JSON.parse(core.outputs['non-compliant'] as string)).toEqual([
      {
        repository: 'api',
        region: 'eu-west-1',
        reasons: ['max-critical-findings: 2 critical findings, more than 0']
      }
    ])
  })

  test.each([
    [{ require: 'max-images: lots' }, /^Input "require": max-images: must be a whole number/],
    [{ 'fail-on': 'sometimes' }, /^Input "fail-on": must be one of none \| non-compliant/],
    [
      { 'in-use': 'ecs, k8s' },
      /^Input "in-use": "k8s" is not one of ecs, lambda, batch, apprunner, inspector/
    ],
    [{ regions: 'mars-1' }, /^Input "regions"/],
    [{ 'price-per-gb-month': '$1' }, /^Input "price-per-gb-month": must be a price/],
    [
      { merge: 'r/*.json', regions: '', require: 'max-images: 1' },
      /^Input "require": cannot be given with merge/
    ]
  ])('bad input %p: one error naming the input, before any call', async (inputs, message) => {
    Object.assign(core.inputs, inputs)
    await expect(run()).rejects.toThrow(message)
    expect(ecr.calls()).toHaveLength(0)
  })
})
