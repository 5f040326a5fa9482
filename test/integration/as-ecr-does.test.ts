/**
 * The stand-ins answer as ECR does where a kinder answer would hide a bug (issue 20): a push to a
 * repository that does not exist is refused unless a CREATE_ON_PUSH template covers it (then the push
 * creates it from the template), and PutImage refuses a manifest whose layers were never uploaded. The
 * deliver action works where the role may not create repositories but such a template exists.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  PASSWORD,
  REGISTRY,
  addFault,
  clearFaults,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoDigest,
  uniqueRepository
} from './harness.js'
import { pushImage } from './registry-seed.js'

const work = mkdtempSync(join(tmpdir(), 'as-ecr-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

async function layout(name: string) {
  const dir = join(work, name)
  const result = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 3000 }] }],
    seed: `${name}-${Date.now()}`
  })
  return { dir, digest: result.top.digest }
}

async function repositoryOf(name: string): Promise<{ imageTagMutability: string } | undefined> {
  try {
    const { repositories } = await ecrApi<{ repositories: { imageTagMutability: string }[] }>(
      'DescribeRepositories',
      { repositoryNames: [name] }
    )
    return repositories[0]
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return undefined
    throw error
  }
}

describe('a push to a repository that does not exist', () => {
  test('is refused with NAME_UNKNOWN, and nothing is created', async () => {
    const repository = uniqueRepository('nope')
    const { dir } = await layout('refused')
    const copy = run('skopeo', [
      'copy',
      '-q',
      '--dest-creds',
      `AWS:${PASSWORD}`,
      `oci:${dir}`,
      `docker://${REGISTRY}/${repository}:v1`
    ])
    await expect(copy).rejects.toThrow(/name unknown|NAME_UNKNOWN|does not exist/i)
    expect(await repositoryOf(repository)).toBeUndefined()
  })

  test('creates it from the CREATE_ON_PUSH template that covers it, with the template settings', async () => {
    const prefix = `cop${suffix()}`
    await ecrApi('CreateRepositoryCreationTemplate', {
      prefix,
      appliedFor: ['CREATE_ON_PUSH'],
      imageTagMutability: 'IMMUTABLE'
    })
    try {
      const repository = `${prefix}/app`
      const digest = await pushImage(repository, 'v1')
      expect(await repositoryOf(repository)).toMatchObject({ imageTagMutability: 'IMMUTABLE' })
      expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
    } finally {
      await ecrApi('DeleteRepositoryCreationTemplate', { prefix })
    }
  })
})

describe('deliver where the role may not create repositories', () => {
  const deliver = (repository: string, source: string) =>
    runStep('action.yml', 'dist/deliver/index.js', {
      dockerConfig: newDockerConfig(),
      inputs: { source, repository, tags: 'v1' }
    })
  const denyCreate = (repository: string) =>
    addFault({
      repository,
      kind: 'api:CreateRepository',
      action: {
        type: 'status',
        status: 400,
        code: 'AccessDeniedException',
        message: `User is not authorized to perform: ecr:CreateRepository on resource ${repository}`
      }
    })

  test('a CREATE_ON_PUSH template covers it: the push creates it, then it is governed', async () => {
    const prefix = `cop${suffix()}`
    const repository = `${prefix}/svc`
    await ecrApi('CreateRepositoryCreationTemplate', {
      prefix,
      appliedFor: ['CREATE_ON_PUSH'],
      imageTagMutability: 'IMMUTABLE'
    })
    await denyCreate(repository)
    try {
      const { dir, digest } = await layout('on-push')
      const result = await deliver(repository, dir)
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain(`the push creates it, from the CREATE_ON_PUSH template "${prefix}"`)
      expect(result.outputs['repository-uri']).toBe(`${REGISTRY}/${repository}`)
      expect(result.outputs['image-digest']).toBe(digest)
      expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
      expect(await repositoryOf(repository)).toMatchObject({ imageTagMutability: 'IMMUTABLE' })
      // A re-run finds the repository, and the immutable tag holding this image: nothing written.
      const again = await deliver(repository, dir)
      expect(again.errors).toEqual([])
      expect(JSON.parse(again.outputs.deliveries ?? '[]')[0]?.result).toBe('unchanged')
    } finally {
      await clearFaults(repository)
      await ecrApi('DeleteRepositoryCreationTemplate', { prefix })
    }
  })

  test('no template covers it: the denial fails the step, naming the call; nothing is pushed', async () => {
    const repository = uniqueRepository('denied')
    await denyCreate(repository)
    try {
      const { dir } = await layout('denied')
      const result = await deliver(repository, dir)
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([expect.stringMatching(/^Access denied for CreateRepository /)])
      expect(await repositoryOf(repository)).toBeUndefined()
    } finally {
      await clearFaults(repository)
    }
  })
})

describe('PutImage', () => {
  test('refuses a manifest whose layers were never uploaded (LayersNotFoundException), as ECR does', async () => {
    const repository = uniqueRepository('layers')
    await ecrApi('CreateRepository', { repositoryName: repository })
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${'1'.repeat(64)}`,
        size: 2
      },
      layers: []
    })
    await expect(
      ecrApi('PutImage', { repositoryName: repository, imageManifest: manifest, imageTag: 'x' })
    ).rejects.toMatchObject({
      name: 'LayersNotFoundException'
    })
  })
})
