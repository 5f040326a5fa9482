/**
 * Cleanup acts on the registry as it is when it deletes (issue 18): a rollback during the run spares its
 * image, images pushed meanwhile are never touched; and `action: archive` sets images aside instead of
 * deleting them, the two-stage lifecycle deletes only old archives, and a re-delivery restores one. Seeded
 * through the registry (real pushes); checked with skopeo and the ECR API over plain JSON.
 */
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import {
  ecrApi,
  holdNext,
  newDockerConfig,
  REGISTRY,
  runStep,
  setImageState,
  skopeoDigest,
  uniqueRepository,
  type StepOptions
} from './harness.js'
import { getManifest, putManifest, uploadImagesNewestLast } from './registry-seed.js'

const cleanup = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), ...options })
const NO_AGE = { 'older-than': '0d', 'keep-in-use': 'none' }

/** Every image of the repository as the ECR API lists it (any status), by digest. */
async function images(repository: string): Promise<Map<string, ImageDetail>> {
  const { imageDetails } = await ecrApi<{ imageDetails: ImageDetail[] }>('DescribeImages', {
    repositoryName: repository,
    maxResults: 1000,
    filter: { imageStatus: 'ANY' }
  })
  return new Map(imageDetails.map(d => [d.imageDigest as string, d]))
}

/** A repository (created first, as ECR requires) holding t1..tN, pushed in that order; `prod` on the newest. */
async function seed(count = 4): Promise<{ repository: string; digests: string[] }> {
  const repository = uniqueRepository('race')
  await ecrApi('CreateRepository', { repositoryName: repository })
  const manifests = await uploadImagesNewestLast(repository, count)
  const digests: string[] = []
  for (const [i, manifest] of manifests.entries())
    digests.push(await putManifest(repository, `t${i + 1}`, manifest))
  await putManifest(repository, 'prod', manifests[count - 1] as Buffer)
  return { repository, digests }
}

interface PlanFile {
  repositories: {
    images: { digest: string; verdict: string; spared?: string; archived?: boolean; status: string }[]
  }[]
}
const planOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PlanFile

describe('cleanup deletes only what the registry still shows unwanted', () => {
  test('a rollback during the run: the image the kept tag moved to survives, so does a push meanwhile', async () => {
    const { repository, digests } = await seed()
    const [t1, t2, t3, t4] = digests as [string, string, string, string]
    // The in-use scan is held in the front: cleanup has listed the repository and planned t1..t3 away.
    const scan = await holdNext({ repository: '*', kind: 'api:ListClusters' })
    const running = cleanup({
      inputs: {
        repositories: repository,
        'keep-last': '1',
        'older-than': '0d',
        'keep-tags': 'prod',
        'keep-in-use': 'ecs'
      }
    })
    await scan.reached()
    // The deploy pipeline rolls back: prod moves onto t1. And a new image is pushed.
    await putManifest(repository, 'prod', await getManifest(repository, t1))
    const [fresh] = await uploadImagesNewestLast(repository, 1)
    const t5 = await putManifest(repository, 't5', fresh as Buffer)
    await scan.release()
    const result = await running

    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const left = await images(repository)
    expect([...left.keys()].sort()).toEqual([t1, t4, t5].sort())
    expect(left.get(t1)?.imageTags?.sort()).toEqual(['prod', 't1'])
    expect(await skopeoDigest(`${REGISTRY}/${repository}:prod`)).toBe(t1)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:t2`)).toBeUndefined()
    expect(await skopeoDigest(`${REGISTRY}/${repository}:t3`)).toBeUndefined()
    expect(result.outputs).toMatchObject({
      'deleted-count': '2',
      'spared-count': '1',
      'already-gone-count': '0'
    })
    const plan = planOf(result.outputs['plan-file'] as string)
    const t1Entry = plan.repositories[0]?.images.find(i => i.digest === t1)
    expect(t1Entry).toMatchObject({ verdict: 'delete', spared: 'gained tag prod since the listing' })
    expect(plan.repositories[0]?.images.map(i => i.digest)).not.toContain(t5)
    expect(result.summary).toContain('Spared')
    void t2
    void t3
  })
})

describe('action: archive', () => {
  const RULES = { 'keep-last': '1', 'older-than': '0d', 'keep-tags': 'prod', 'keep-in-use': 'none' }

  test('a dry run changes nothing; a run archives (not deletes) t1..t3; a re-run archives nothing', async () => {
    const { repository, digests } = await seed()
    const [t1, t2, t3, t4] = digests as [string, string, string, string]

    const dry = await cleanup({
      inputs: { repositories: repository, action: 'archive', 'dry-run': 'true', ...RULES }
    })
    expect(dry.exitCode).toBe(0)
    expect([...(await images(repository)).values()].map(d => d.imageStatus)).toEqual(Array(4).fill('ACTIVE'))
    expect(
      planOf(dry.outputs['plan-file'] as string).repositories[0]?.images.filter(i => i.verdict === 'archive')
    ).toHaveLength(3)
    expect(dry.summary).toContain('Would archive')

    const run = await cleanup({ inputs: { repositories: repository, action: 'archive', ...RULES } })
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'archived-count': '3', 'deleted-count': '0', 'failed-count': '0' })
    expect(Number(run.outputs['archived-bytes'])).toBeGreaterThan(0)
    const after = await images(repository)
    expect(after.size).toBe(4)
    expect([t1, t2, t3, t4].map(d => after.get(d)?.imageStatus)).toEqual([
      'ARCHIVED',
      'ARCHIVED',
      'ARCHIVED',
      'ACTIVE'
    ])
    // Archived by this run: ECR's time of it, within the last minute.
    expect(Date.now() / 1000 - Number(after.get(t1)?.lastArchivedAt)).toBeLessThan(60)
    // Archived images cannot be pulled; the kept one can.
    expect(await skopeoDigest(`${REGISTRY}/${repository}:t1`)).toBeUndefined()
    expect(await skopeoDigest(`${REGISTRY}/${repository}:prod`)).toBe(t4)
    // The default listing shows ACTIVE images only, as ECR's does.
    const active = await ecrApi<{ imageDetails: ImageDetail[] }>('DescribeImages', {
      repositoryName: repository
    })
    expect(active.imageDetails.map(d => d.imageDigest)).toEqual([t4])

    const again = await cleanup({ inputs: { repositories: repository, action: 'archive', ...RULES } })
    expect(again.outputs).toMatchObject({ 'archived-count': '0', 'deleted-count': '0' })
  })

  test('archived-older-than deletes only archives archived longer ago than that', async () => {
    const { repository, digests } = await seed(3)
    const [t1, t2, t3] = digests as [string, string, string]
    const run = await cleanup({ inputs: { repositories: repository, action: 'archive', ...RULES } })
    expect(run.outputs['archived-count']).toBe('2')
    // t1 was archived 200 days ago, t2 just now.
    await setImageState(repository, t1, { lastArchivedAt: Math.floor(Date.now() / 1000) - 200 * 86_400 })
    const second = await cleanup({
      inputs: { repositories: repository, action: 'archive', 'archived-older-than': '180d', ...RULES }
    })
    expect(second.errors).toEqual([])
    expect(second.outputs).toMatchObject({ 'deleted-count': '1', 'archived-count': '0' })
    const left = await images(repository)
    expect([...left.keys()].sort()).toEqual([t2, t3].sort())
    expect(left.get(t2)?.imageStatus).toBe('ARCHIVED')
  })

  test('re-delivering an archived image restores it, and the deliveries output says so', async () => {
    const repository = uniqueRepository('restore')
    await ecrApi('CreateRepository', { repositoryName: repository })
    const layoutDir = mkdtempSync(join(tmpdir(), 'ecr-restore-'))
    const layout = await writeOciLayout(layoutDir, {
      platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 2000 }] }],
      seed: `restore-${Date.now()}`
    })
    const deliver = () =>
      runStep('action.yml', 'dist/deliver/index.js', {
        dockerConfig: newDockerConfig(),
        inputs: { source: layoutDir, repository, tags: 'v1' }
      })
    const first = await deliver()
    expect(first.errors).toEqual([])
    expect(JSON.parse(first.outputs.deliveries ?? '[]')[0]?.result).toBe('delivered')
    const digest = layout.top.digest
    const archiving = await cleanup({
      inputs: { repositories: repository, action: 'archive', 'keep-last': '0', 'keep-tags': '', ...NO_AGE }
    })
    expect(archiving.outputs['archived-count']).toBe('1')
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBeUndefined()

    const again = await deliver()
    expect(again.errors).toEqual([])
    expect(again.exitCode).toBe(0)
    const record = JSON.parse(again.outputs.deliveries ?? '[]')[0]
    expect(record).toMatchObject({ digest, result: 'restored' })
    expect(again.summary).toContain('restored from the archive')
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
    expect((await images(repository)).get(digest)?.imageStatus).toBe('ACTIVE')
    // Once restored, a re-run is unchanged again.
    expect(JSON.parse((await deliver()).outputs.deliveries ?? '[]')[0]?.result).toBe('unchanged')
  })
})

describe('pull times', () => {
  const CALLER = 'arn:aws:iam::123456789012:user/moto' // moto's caller for the test keys
  test('a pull through the registry sets lastRecordedPullTime, which keep-pulled-within honours; a caller without a pull-time exclusion is warned', async () => {
    const { repository, digests } = await seed(3)
    const [t1, t2, t3] = digests as [string, string, string]
    // A client pulls t2 (skopeo reads the manifest).
    expect(await skopeoDigest(`${REGISTRY}/${repository}:t2`)).toBe(t2)
    const pulled = (await images(repository)).get(t2)?.lastRecordedPullTime
    expect(Date.now() / 1000 - Number(pulled)).toBeLessThan(60)
    const inputs = {
      repositories: repository,
      'keep-last': '0',
      'keep-tags': 'prod',
      'keep-pulled-within': '30d',
      ...NO_AGE
    }
    const warned = await cleanup({ inputs: { ...inputs, 'dry-run': 'true' } })
    expect(warned.warnings).toEqual([
      expect.stringMatching(
        /^keep-pulled-within: arn:aws:sts::123456789012:user\/moto is not registered with RegisterPullTimeUpdateExclusion/
      )
    ])
    await ecrApi('RegisterPullTimeUpdateExclusion', { principalArn: CALLER })
    try {
      const result = await cleanup({ inputs })
      expect(result.warnings).toEqual([])
      expect(result.errors).toEqual([])
      const plan = planOf(result.outputs['plan-file'] as string).repositories[0]?.images ?? []
      expect(plan.find(i => i.digest === t2)).toMatchObject({ verdict: 'keep' })
      expect([...(await images(repository)).keys()].sort()).toEqual([t2, t3].sort())
      void t1
    } finally {
      await ecrApi('DeregisterPullTimeUpdateExclusion', { principalArn: CALLER })
    }
  })
})
