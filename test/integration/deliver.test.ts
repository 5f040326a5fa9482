import { beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Tag } from '@aws-sdk/client-ecr'
import {
  REGISTRY,
  buildImage,
  describeRepository,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoConfigDigest,
  skopeoDigest,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const post = (options: StepOptions) => runStep('action.yml', 'dist/deliver/post.js', options)

function dockerAuths(dockerConfig: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as {
      auths?: Record<string, unknown>
    }
    return Object.keys(config.auths ?? {})
  } catch (error) {
    // No config.json: nobody logged in. Anything else (unreadable, not JSON) is a failure of its own.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

let imageOne: string
let imageTwo: string
beforeAll(async () => {
  imageOne = await buildImage('it-app:one', 'one')
  imageTwo = await buildImage('it-app:two', 'two')
})

describe('deliver action against the local engine, registry and ECR API', () => {
  test('first delivery creates the repository with its settings, pushes every tag, verifies and logs out', async () => {
    const repository = uniqueRepository()
    const dockerConfig = newDockerConfig()
    const result = await deliver({
      dockerConfig,
      inputs: {
        image: 'it-app:one',
        repository,
        tags: 'abc123\nlatest',
        'image-tag-mutability': 'IMMUTABLE_WITH_EXCLUSION',
        'image-tag-mutability-exclusions': 'latest',
        'scan-on-push': 'true',
        'repository-tags': 'team=core\nservice=app'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)

    const uri = `${REGISTRY}/${repository}`
    const digest = result.outputs['image-digest'] as string
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs).toMatchObject({
      registry: REGISTRY,
      'repository-uri': uri,
      'image-uri': `${uri}@${digest}`,
      'image-uris': `${uri}:abc123\n${uri}:latest`,
      'docker-username': 'AWS'
    })
    // The password is output, and masked before anything printed it.
    expect(result.outputs['docker-password']).toBe(`${REGISTRY.split('.')[0]}-auth-token`)
    expect(result.stdout.indexOf(`::add-mask::${result.outputs['docker-password']}`)).toBeGreaterThanOrEqual(
      0
    )
    expect(result.stdout.indexOf(`::add-mask::${result.outputs['docker-password']}`)).toBeLessThan(
      result.stdout.indexOf('[command]docker login')
    )
    expect(result.stdout).toContain('--password-stdin')

    // An independent client sees both tags at the output digest.
    expect(await skopeoDigest(`${uri}:abc123`)).toBe(digest)
    expect(await skopeoDigest(`${uri}:latest`)).toBe(digest)
    // ...and it is the local image: its config is the one docker identifies it by.
    expect(await skopeoConfigDigest(`${uri}:abc123`)).toBe(imageOne)

    // The ECR API has the repository with the declared settings.
    const created = await describeRepository(repository)
    expect(created).toMatchObject({
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
      imageScanningConfiguration: { scanOnPush: true }
    })
    const { tags } = await ecrApi<{ tags: Tag[] }>('ListTagsForResource', {
      resourceArn: created?.repositoryArn
    })
    expect(tags).toEqual(
      expect.arrayContaining([
        { Key: 'team', Value: 'core' },
        { Key: 'service', Value: 'app' }
      ])
    )

    expect(result.summary).toContain('<h2>ECR delivery</h2>')
    expect(result.summary).toContain(`<code>${uri}:abc123</code></td><td><code>${digest}</code>`)
    expect(result.summary).toContain(`ecr/repositories/private/${REGISTRY.split('.')[0]}/${repository}`)

    // The post step logs out of what main logged in to.
    expect(dockerAuths(dockerConfig)).toEqual([REGISTRY])
    expect(JSON.parse(result.state.registries as string)).toEqual([REGISTRY])
    const logout = await post({ dockerConfig, state: result.state })
    expect(logout.exitCode).toBe(0)
    expect(dockerAuths(dockerConfig)).toEqual([])
  })

  test('immutable repository: a re-run of the same image succeeds without pushing; a new tag reuses the digest', async () => {
    const repository = uniqueRepository()
    const dockerConfig = newDockerConfig()
    const inputs = { image: 'it-app:one', repository, tags: 'v1', 'image-tag-mutability': 'IMMUTABLE' }
    const first = await deliver({ dockerConfig, inputs })
    expect(first.exitCode).toBe(0)
    const digest = first.outputs['image-digest']

    const again = await deliver({ dockerConfig, inputs })
    expect(again.errors).toEqual([])
    expect(again.exitCode).toBe(0)
    expect(again.outputs['image-digest']).toBe(digest)
    expect(again.stdout).not.toContain('docker push')
    expect(again.stdout).toContain('nothing to push')

    const more = await deliver({ dockerConfig, inputs: { ...inputs, tags: 'v1\nv1.0.0' } })
    expect(more.exitCode).toBe(0)
    expect(more.outputs['image-digest']).toBe(digest)
    expect(more.stdout).not.toContain('docker push')
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1.0.0`)).toBe(digest)
    expect(more.summary).toContain('tagged (image was there)')
  })

  test('immutable repository: another image under an existing tag fails naming the tag and both digests, writing nothing', async () => {
    const repository = uniqueRepository()
    const dockerConfig = newDockerConfig()
    const first = await deliver({
      dockerConfig,
      inputs: { image: 'it-app:one', repository, tags: 'v1', 'image-tag-mutability': 'IMMUTABLE' }
    })
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    const digest = first.outputs['image-digest'] as string
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)

    const conflict = await deliver({
      dockerConfig,
      inputs: { image: 'it-app:two', repository, tags: 'fresh\nv1', 'image-tag-mutability': 'IMMUTABLE' }
    })
    expect(conflict.exitCode).toBe(1)
    expect(conflict.errors).toHaveLength(1)
    expect(conflict.errors[0]).toContain('"v1"')
    expect(conflict.errors[0]).toContain(digest)
    expect(conflict.errors[0]).toContain(imageTwo)
    // Nothing half-done: the other tag was not pushed, v1 still holds the first image.
    expect(await skopeoDigest(`${REGISTRY}/${repository}:fresh`)).toBeUndefined()
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
  })

  test('mutable repository: a tag moves to the new image, and every tag agrees', async () => {
    const repository = uniqueRepository()
    const dockerConfig = newDockerConfig()
    const first = await deliver({ dockerConfig, inputs: { image: 'it-app:one', repository, tags: 'latest' } })
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    const before = first.outputs['image-digest'] as string
    expect(await skopeoConfigDigest(`${REGISTRY}/${repository}@${before}`)).toBe(imageOne)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:latest`)).toBe(before)
    const second = await deliver({
      dockerConfig,
      inputs: { image: 'it-app:two', repository, tags: 'latest\nsha2' }
    })
    expect(second.errors).toEqual([])
    expect(second.exitCode).toBe(0)
    expect(second.outputs['image-digest']).not.toBe(before)
    expect(await skopeoConfigDigest(`${REGISTRY}/${repository}:latest`)).toBe(imageTwo)
    expect(await skopeoDigest(`${REGISTRY}/${repository}:latest`)).toBe(second.outputs['image-digest'])
    expect(await skopeoDigest(`${REGISTRY}/${repository}:sha2`)).toBe(second.outputs['image-digest'])
  })

  test('an existing repository that differs from the inputs is warned about, not changed', async () => {
    const repository = uniqueRepository()
    const dockerConfig = newDockerConfig()
    expect((await deliver({ dockerConfig, inputs: { repository } })).exitCode).toBe(0)
    const result = await deliver({
      dockerConfig,
      inputs: { repository, 'image-tag-mutability': 'IMMUTABLE', 'scan-on-push': 'true' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.warnings.join('\n')).toContain('image-tag-mutability is MUTABLE, declared IMMUTABLE')
    expect(result.warnings.join('\n')).toContain('scan-on-push is false, declared true')
    expect(await describeRepository(repository)).toMatchObject({
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false }
    })
  })

  test('without image the step only logs in (and ensures the repository when given)', async () => {
    const dockerConfig = newDockerConfig()
    const loginOnly = await deliver({ dockerConfig, inputs: {} })
    expect(loginOnly.exitCode).toBe(0)
    expect(loginOnly.outputs).toMatchObject({ registry: REGISTRY, 'docker-username': 'AWS' })
    expect(loginOnly.outputs['image-digest']).toBeUndefined()
    expect(dockerAuths(dockerConfig)).toEqual([REGISTRY])

    // Logged in, a later step can push on its own (to a repository that exists: ECR creates none on push
    // without a CREATE_ON_PUSH template).
    const own = uniqueRepository('own-push')
    await ecrApi('CreateRepository', { repositoryName: own })
    await run('docker', ['tag', 'it-app:one', `${REGISTRY}/${own}:x`], { DOCKER_CONFIG: dockerConfig })
    await run('docker', ['push', `${REGISTRY}/${own}:x`], { DOCKER_CONFIG: dockerConfig })
    expect(await skopeoDigest(`${REGISTRY}/${own}:x`)).toMatch(/^sha256:/)

    const repository = uniqueRepository()
    const ensure = await deliver({ dockerConfig, inputs: { repository } })
    expect(ensure.exitCode).toBe(0)
    expect(ensure.outputs['repository-uri']).toBe(`${REGISTRY}/${repository}`)
    expect((await describeRepository(repository))?.repositoryUri).toBe(`${REGISTRY}/${repository}`)

    const kept = await post({ dockerConfig, state: { ...ensure.state, 'skip-logout': 'true' } })
    expect(kept.exitCode).toBe(0)
    expect(dockerAuths(dockerConfig)).toEqual([REGISTRY])
  })
})
