/**
 * ECR Public end to end (issue 22), against the stand-in (public.ecr.aws on its own loopback address, the
 * ECR Public API answered by the front): deliver from a layout and from the engine, the catalog data set
 * and then changed, a re-run that sends nothing, a login that fails naming its call, and cleanup of a
 * public repository. Checked with skopeo (anonymously, as anyone pulls from ECR Public) and the ECR Public
 * API over plain JSON.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callEcrPublicJsonApi } from '../fixtures/ecr-public-json-api.js'
import { writeOciLayout } from '../fixtures/images.js'
import {
  PUBLIC_ALIAS,
  PUBLIC_PASSWORD,
  PUBLIC_REGISTRY,
  REGISTRY,
  ecrApi,
  run,
  addFault,
  buildImage,
  clearFaults,
  newDockerConfig,
  requestsOf,
  runStep,
  skopeoDigest,
  testEnv,
  type StepOptions
} from './harness.js'
import { pushImage } from './registry-seed.js'

const work = mkdtempSync(join(tmpdir(), 'public-it-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const publicApi = <T = Record<string, unknown>>(operation: string, body: object) =>
  callEcrPublicJsonApi<T>(testEnv.AWS_ENDPOINT_URL_ECR_PUBLIC as string, operation, body)
const deliver = (options: Omit<StepOptions, 'dockerConfig'>, dockerConfig = newDockerConfig()) =>
  runStep('action.yml', 'dist/deliver/index.js', { dockerConfig, ...options })
const cleanup = (inputs: Record<string, string>) =>
  runStep('cleanup/action.yml', 'dist/cleanup/index.js', { dockerConfig: newDockerConfig(), inputs })
const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const uriOf = (name: string) => `${PUBLIC_REGISTRY}/${PUBLIC_ALIAS}/${name}`

async function layout(name: string): Promise<{ dir: string; digest: string }> {
  const dir = join(work, name)
  const result = await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 5000 }] }],
    seed: `${name}-${Date.now()}`
  })
  return { dir, digest: result.top.digest }
}

describe('deliver to ECR Public', () => {
  test('from a layout: created with its catalog data, pushed under /<alias>/<name>, a re-run sends nothing, a changed description is put', async () => {
    const name = uniqueName('pub-layout')
    const { dir, digest } = await layout(name)
    const inputs = {
      'registry-type': 'public',
      source: dir,
      repository: name,
      tags: 'v1',
      'public-description': 'A small tool',
      'public-architectures': 'x86-64, ARM 64',
      'public-operating-systems': 'Linux'
    }
    const first = await deliver({ inputs })
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({
      registry: PUBLIC_REGISTRY,
      'repository-uri': uriOf(name),
      'image-uri': `${uriOf(name)}@${digest}`,
      'image-digest': digest
    })
    expect(await skopeoDigest(`${uriOf(name)}:v1`)).toBe(digest)
    const { imageDetails } = await publicApi<{
      imageDetails: { imageDigest: string; imageTags: string[] }[]
    }>('DescribeImages', { repositoryName: name })
    expect(imageDetails).toEqual([expect.objectContaining({ imageDigest: digest, imageTags: ['v1'] })])
    const catalog = await publicApi<{ catalogData: Record<string, unknown> }>('GetRepositoryCatalogData', {
      repositoryName: name
    })
    expect(catalog.catalogData).toMatchObject({
      description: 'A small tool',
      architectures: ['x86-64', 'ARM 64'],
      operatingSystems: ['Linux']
    })
    expect(first.summary).toContain(`https://gallery.ecr.aws/${PUBLIC_ALIAS}/${name}`)

    const before = (await requestsOf(`${PUBLIC_ALIAS}/${name}`, 'public')).length
    const again = await deliver({ inputs })
    expect(again.errors).toEqual([])
    expect(JSON.parse(again.outputs.deliveries ?? '[]')[0]?.result).toBe('unchanged')
    const during = (await requestsOf(`${PUBLIC_ALIAS}/${name}`, 'public')).slice(before)
    expect(during.filter(r => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([])

    const changed = await deliver({ inputs: { ...inputs, 'public-description': 'A smaller tool' } })
    expect(changed.errors).toEqual([])
    expect(changed.stdout).toContain(`${name}: catalog data updated: description`)
    const after = await publicApi<{ catalogData: Record<string, unknown> }>('GetRepositoryCatalogData', {
      repositoryName: name
    })
    expect(after.catalogData).toMatchObject({
      description: 'A smaller tool',
      architectures: ['x86-64', 'ARM 64']
    })
  })

  test('from the docker engine: docker push to public.ecr.aws, the staging tag gone again', async () => {
    const name = uniqueName('pub-engine')
    const id = await buildImage(`it-public:${name}`, `public ${name}`)
    const result = await deliver({
      inputs: { 'registry-type': 'public', image: `it-public:${name}`, repository: name, tags: 'v1' }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    expect(await skopeoDigest(`${uriOf(name)}:v1`)).toBe(digest)
    const { imageTagDetails } = await publicApi<{ imageTagDetails: { imageTag: string }[] }>(
      'DescribeImageTags',
      {
        repositoryName: name
      }
    )
    expect(imageTagDetails.map(t => t.imageTag)).toEqual(['v1'])
    void id
  })

  test('a gallery name without a badge is a warning; a catalog beyond ECR Public limits fails before any call', async () => {
    const name = uniqueName('pub-limits')
    const { dir } = await layout(name)
    const warned = await deliver({
      inputs: {
        'registry-type': 'public',
        source: dir,
        repository: name,
        tags: 'v1',
        'public-architectures': 'amd64'
      }
    })
    expect(warned.exitCode).toBe(0)
    expect(warned.warnings).toEqual([
      expect.stringMatching(
        /^public-architectures: the gallery shows a badge only for ARM, ARM 64, x86, x86-64/
      )
    ])
    const refused = await deliver({
      inputs: {
        'registry-type': 'public',
        source: dir,
        repository: uniqueName('pub-x'),
        'public-description': 'x'.repeat(1025)
      }
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.errors).toEqual([
      'Input "public-description": at most 1024 characters (ECR Public\'s limit), got 1025'
    ])
  })

  test('a login that fails says which call failed', async () => {
    await addFault({
      repository: '*',
      region: 'us-east-1',
      kind: 'api:GetAuthorizationToken',
      action: {
        type: 'status',
        status: 400,
        code: 'AccessDeniedException',
        message: 'not allowed: ecr-public:GetAuthorizationToken'
      },
      times: 1
    })
    try {
      const result = await deliver({ inputs: { 'registry-type': 'public' } })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(/^Access denied for ecr-public GetAuthorizationToken: /)
      ])
    } finally {
      await clearFaults('*', 'us-east-1')
    }
  })
})

describe('cleanup of an ECR Public repository', () => {
  test('the same planner over ECR Public: a dry run, then keep-last deletes the older images; private-only inputs refused', async () => {
    const name = uniqueName('pub-clean')
    await publicApi('CreateRepository', { repositoryName: name })
    const path = `${PUBLIC_ALIAS}/${name}`
    const digests: string[] = []
    for (const tag of ['v1', 'v2', 'v3']) digests.push(await pushImage(path, tag, PUBLIC_REGISTRY))
    const inputs = {
      'registry-type': 'public',
      repositories: name,
      'keep-last': '1',
      'older-than': '0d',
      'keep-in-use': 'none'
    }
    const dry = await cleanup({ ...inputs, 'dry-run': 'true' })
    expect(dry.errors).toEqual([])
    expect(dry.stdout).toContain(`${name}: 3 images, 2 to delete`)
    const listed = async () =>
      (
        await publicApi<{ imageDetails: { imageDigest: string }[] }>('DescribeImages', {
          repositoryName: name
        })
      ).imageDetails
        .map(d => d.imageDigest)
        .sort()
    expect(await listed()).toEqual([...digests].sort())

    const run = await cleanup(inputs)
    expect(run.errors).toEqual([])
    expect(run.outputs['deleted-count']).toBe('2')
    const left = await listed()
    expect(left).toHaveLength(1)
    expect(
      await skopeoDigest(`${uriOf(name)}:${['v1', 'v2', 'v3'][digests.indexOf(left[0] as string)]}`)
    ).toBe(left[0])

    for (const refused of [{ 'keep-pulled-within': '30d' }, { action: 'archive' }] as Record<
      string,
      string
    >[]) {
      const result = await cleanup({ ...inputs, ...refused })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(/applies only to private registries, not with registry-type public/)
      ])
    }
  })
})

describe('the pull-through cache with an ECR Public upstream', () => {
  test('warming a reference pulls it from public.ecr.aws through the cache: the same digest in the private registry', async () => {
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
    const name = `tool-${suffix}`
    await publicApi('CreateRepository', { repositoryName: name })
    const { dir, digest } = await layout(name)
    await run('skopeo', [
      'copy',
      '-q',
      '--dest-creds',
      `AWS:${PUBLIC_PASSWORD}`,
      `oci:${dir}`,
      `docker://${uriOf(name)}:v1`
    ])
    const prefix = `epub${suffix}`
    const result = await runStep('pull-through-cache/action.yml', 'dist/pull-through-cache/index.js', {
      dockerConfig: newDockerConfig(),
      inputs: {
        rules: `- prefix: ${prefix}\n  upstream: ecr-public\n`,
        warm: `${prefix}/${PUBLIC_ALIAS}/${name}:v1`,
        'warm-timeout': '30s'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const cached = `${REGISTRY}/${prefix}/${PUBLIC_ALIAS}/${name}`
    expect(result.outputs.images).toBe(`${cached}:v1`)
    expect(result.outputs['image-digests']).toBe(digest)
    expect(await skopeoDigest(`${cached}:v1`)).toBe(digest)
    const { repositories } = await ecrApi<{ repositories: { repositoryName: string }[] }>(
      'DescribeRepositories',
      {
        repositoryNames: [`${prefix}/${PUBLIC_ALIAS}/${name}`]
      }
    )
    expect(repositories).toHaveLength(1)
  })
})
