import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getManifest, pushImage, pushIndex, pushUntagged, putManifest, uploadImage } from './registry-seed.js'
import { addFault, clearFaults, ecrApi, uniqueRepository, type StepResult } from './harness.js'
import {
  apiCallMark,
  apiCallsFor,
  asTheApiSays,
  fileOf,
  OCI,
  pick,
  QUIET_REGION,
  REGION,
  REGION2,
  REGISTRY2,
  report
} from './report-helpers.js'

const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] }]
})
const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
      action: { type: 'expire' }
    }
  ]
})
const REQUIRE = 'lifecycle-policy: present\npublic-access: false\nmax-untagged: 2'

describe('report action against the ECR API', () => {
  // One prefix of our own: the glob matches this file's repositories only.
  const prefix = uniqueRepository('report').replace('/', '-')
  const web = `${prefix}/web`
  const api = `${prefix}/api`
  const empty = `${prefix}/empty`
  let first: StepResult

  beforeAll(async () => {
    await ecrApi('CreateRepository', { repositoryName: web })
    await ecrApi('CreateRepository', {
      repositoryName: api,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true }
    })
    await ecrApi('CreateRepository', { repositoryName: empty })
    await ecrApi('PutLifecyclePolicy', { repositoryName: web, lifecyclePolicyText: LIFECYCLE })
    await ecrApi('SetRepositoryPolicy', { repositoryName: api, policyText: PUBLIC_POLICY })
    // web: v1, v2, an untagged image (archived), an index tagged multi with two untagged children, and a
    // signature-like referrer of v1 (a manifest with a subject, untagged).
    const v1 = await pushImage(web, 'v1')
    await pushImage(web, 'v2')
    const orphan = await pushUntagged(web)
    const children = [await pushUntagged(web), await pushUntagged(web)]
    await pushIndex(web, 'multi', children)
    const referrer = JSON.parse((await uploadImage(web)).toString()) as Record<string, unknown>
    referrer.subject = { mediaType: OCI, digest: v1, size: (await getManifest(web, v1)).length }
    const bytes = Buffer.from(JSON.stringify(referrer))
    await putManifest(web, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes)
    await ecrApi('UpdateImageStorageClass', {
      repositoryName: web,
      imageId: { imageDigest: orphan },
      targetStorageClass: 'ARCHIVE'
    })
    await pushImage(api, 'v1')
    first = await report({ inputs: { repositories: `${prefix}/**`, require: REQUIRE } })
  })

  test('counts and bytes equal what the ECR API returns', async () => {
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    const file = fileOf(first)
    expect(file.repositories.map(r => r.repository)).toEqual([api, empty, web])
    for (const name of [web, api, empty]) {
      const entry = file.repositories.find(r => r.repository === name)
      const truth = await asTheApiSays(name)
      expect([name, entry && pick(entry, Object.keys(truth))]).toEqual([name, truth])
    }
    const webEntry = file.repositories.find(r => r.repository === web)
    expect(webEntry).toMatchObject({
      images: 7,
      tagged: 3,
      untagged: 4,
      indexes: 1,
      referrers: 1,
      archived: 1
    })
    expect(webEntry?.archivedBytes).toBeGreaterThan(0)
    expect(webEntry?.lifecyclePolicy).toEqual({ present: true, rules: 1 })
    expect(file.repositories.find(r => r.repository === api)).toMatchObject({
      settings: { mutability: 'IMMUTABLE', scanOnPush: true, encryption: 'AES256' },
      repositoryPolicy: { present: true, statements: 1, publicAccess: true }
    })
    expect(first.outputs).toMatchObject({
      'repository-count': '3',
      'image-count': String(file.totals.images),
      'total-bytes': String(file.totals.bytes)
    })
  })

  test('non-compliant is exact; the CSV has a row per repository', () => {
    expect(JSON.parse(first.outputs['non-compliant'] as string)).toEqual([
      {
        repository: api,
        region: REGION,
        reasons: [
          'lifecycle-policy: lifecycle policy absent',
          'public-access: the repository policy allows Principal "*" without a condition'
        ]
      },
      { repository: empty, region: REGION, reasons: ['lifecycle-policy: lifecycle policy absent'] },
      { repository: web, region: REGION, reasons: ['max-untagged: untagged images 4, more than 2'] }
    ])
    const csv = readFileSync(first.outputs['csv-file'] as string, 'utf8').split('\r\n')
    expect(csv).toHaveLength(5)
    expect(csv[3]).toMatch(new RegExp(`^123456789012,${REGION},${web},7,3,4,1,1,1,`))
  })

  test('the summary: totals, the pie, pushes per week, ✓/✗ per requirement with console links', () => {
    const summary = first.summary
    expect(summary).toContain('```mermaid\npie showData title Bytes by repository')
    expect(summary).toContain(`"${web}" : `)
    expect(summary).toContain('<h3>Images pushed per week</h3>')
    expect(summary).toMatch(/<td>Images pushed<\/td>(<td>\d+<\/td>){11}<td>8<\/td><\/tr>/)
    expect(summary).toContain(
      `<a href="https://${REGION}.console.aws.amazon.com/ecr/repositories/private/123456789012/${web}?region=${REGION}"><code>${web}</code></a>`
    )
    expect(summary).toContain('<th><code>lifecycle-policy</code></th><th><code>public-access</code></th>')
    expect(summary).toMatch(new RegExp(`<code>${api}</code></a></td>.*?<td>✗</td><td>✗</td><td>✓</td>`))
  })

  test('the report reads, never writes; BatchGetImage takes a repository in one call of up to 100', async () => {
    const since = await apiCallMark()
    const again = await report({ inputs: { repositories: web } })
    expect(again.exitCode).toBe(0)
    const calls = await apiCallsFor(since, prefix)
    expect(calls.filter(op => !/^(Describe|List|Get|BatchGet)/.test(op))).toEqual([])
    expect(calls.filter(op => op === 'BatchGetImage')).toEqual(['BatchGetImage'])
    expect(calls).toEqual(
      expect.arrayContaining(['DescribeImages', 'GetLifecyclePolicy', 'GetRepositoryPolicy'])
    )
  })

  test('fail-on non-compliant fails the step, naming every repository and why, after writing the report', async () => {
    const failed = await report({
      inputs: { repositories: `${prefix}/**`, require: REQUIRE, 'fail-on': 'non-compliant' }
    })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors).toHaveLength(1)
    expect(failed.errors[0]).toMatch(
      new RegExp(
        `^3 repositories are non-compliant: ${api} \\(${REGION}\\): lifecycle-policy: .*; public-access: .* \\| ` +
          `${empty} \\(${REGION}\\): lifecycle-policy: lifecycle policy absent \\| ${web} \\(${REGION}\\): max-untagged: untagged images 4, more than 2$`
      )
    )
    expect(failed.outputs['repository-count']).toBe('3')
    expect(fileOf(failed).repositories).toHaveLength(3)
  })

  test('a bad require fails before any call, naming the input', async () => {
    const since = await apiCallMark()
    const bad = await report({ inputs: { repositories: `${prefix}/**`, require: 'max-untagged: some' } })
    expect(bad.exitCode).toBe(1)
    expect(bad.errors).toEqual([
      'Input "require": max-untagged: must be a whole number (0 or more), got "some"'
    ])
    expect(await apiCallsFor(since, prefix)).toEqual([])
  })

  describe('across regions', () => {
    const other = `${prefix}/eu`
    beforeAll(async () => {
      await ecrApi('CreateRepository', { repositoryName: other }, REGION2)
      await pushImage(other, 'v1', REGISTRY2)
    })

    test('merge of two region reports: one report and one summary, without calling AWS', async () => {
      const eu = await report({ inputs: { repositories: `${prefix}/**`, regions: REGION2 } })
      expect(eu.exitCode).toBe(0)
      expect(fileOf(eu).repositories.map(r => [r.region, r.repository])).toEqual([[REGION2, other]])
      const workspace = mkdtempSync(join(tmpdir(), 'report-merge-'))
      for (const [name, result] of [
        ['us', first],
        ['eu', eu]
      ] as const) {
        mkdirSync(join(workspace, 'reports', name), { recursive: true })
        copyFileSync(result.outputs['report-file'] as string, join(workspace, 'reports', name, 'report.json'))
      }
      const merged = await report({
        inputs: { merge: 'reports/**/*.json', 'fail-on': 'non-compliant' },
        // Nothing to call: no credentials, and an endpoint that answers nothing.
        env: {
          GITHUB_WORKSPACE: workspace,
          AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:9',
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined
        }
      })
      expect(merged.exitCode).toBe(1)
      expect(merged.errors[0]).toMatch(/^3 repositories are non-compliant: /)
      const file = fileOf(merged)
      expect(file.repositories.map(r => [r.region, r.repository])).toEqual([
        [REGION2, other],
        [REGION, api],
        [REGION, empty],
        [REGION, web]
      ])
      expect(merged.outputs['repository-count']).toBe('4')
      expect(Number(merged.outputs['total-bytes'])).toBe(fileOf(first).totals.bytes + fileOf(eu).totals.bytes)
      expect(file.registries.map(r => r.region).sort()).toEqual([REGION2, REGION].sort())
      expect(merged.summary).toContain('<h2>ECR report (2 reports merged)</h2>')
      expect(merged.summary).toContain(`<h3>${REGION2} (123456789012)</h3>`)
      expect(merged.summary).toContain(`"${other} (${REGION2})" : `)
    })
  })

  describe('registry-level settings', () => {
    const denied = `${prefix}/denied`
    beforeAll(async () => {
      await ecrApi('CreateRepository', { repositoryName: denied }, QUIET_REGION)
    })
    afterAll(async () => {
      await clearFaults('*', QUIET_REGION)
    })

    test('a denied registry-level read is reported, not fatal', async () => {
      await addFault({
        repository: '*',
        region: QUIET_REGION,
        kind: 'api:GetRegistryPolicy',
        action: {
          type: 'status',
          status: 400,
          code: 'AccessDeniedException',
          message:
            'User: arn:aws:sts::123456789012:assumed-role/ecr-report/ci is not authorized to perform: ecr:GetRegistryPolicy'
        },
        times: 1
      })
      const result = await report({ inputs: { repositories: denied, regions: QUIET_REGION } })
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      const settings = fileOf(result).registries[0]?.settings
      expect(settings?.registryPolicy).toEqual({ notReadable: 'needs ecr:GetRegistryPolicy' })
      expect(settings?.replication).toEqual({ value: { rules: 0, destinations: [] } })
      expect(settings?.scanning).toMatchObject({ value: { scanType: 'BASIC' } })
      expect(result.summary).toContain(
        '<td>Registry policy</td><td>not readable: needs ecr:GetRegistryPolicy</td>'
      )
    })

    test('account settings and signing as the ECR stand-in answers them (the front, where moto has none)', async () => {
      const result = await report({ inputs: { repositories: denied, regions: QUIET_REGION } })
      const settings = fileOf(result).registries[0]?.settings
      expect(settings?.accountSettings).toEqual({
        BASIC_SCAN_TYPE_VERSION: { value: 'AWS_NATIVE' },
        REGISTRY_POLICY_SCOPE: { value: 'V2' },
        BLOB_MOUNTING: { value: 'DISABLED' }
      })
      expect(settings?.signing).toEqual({ value: null })
    })
  })
})
