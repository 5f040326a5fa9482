/**
 * A docker engine image and a docker-save archive delivered to the main registry and two more regions in
 * one step: the main registry gets the push (docker push; the archive compressed on the way), each
 * destination a registry-to-registry copy of the very same bytes. Checked with skopeo in every registry,
 * docker pulling back from a destination, and each region's request log.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  REGISTRY,
  buildImage,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoDigest,
  skopeoRaw,
  testEnv,
  uniqueRepository,
  type StepOptions
} from './harness.js'

const REGION2 = testEnv.ECR_TEST_REGION2 as string
const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
const REGION3 = testEnv.ECR_TEST_REGION3 as string
const REGISTRY3 = testEnv.ECR_TEST_REGISTRY3 as string
const DESTINATIONS = [
  { region: REGION2, registry: REGISTRY2 },
  { region: REGION3, registry: REGISTRY3 }
]

const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)
const work = mkdtempSync(join(tmpdir(), 'destinations-engine-it-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Every registry holds the main registry's manifest bytes under the tag; each destination got a copy. */
async function expectCopiedEverywhere(repository: string, digest: string): Promise<void> {
  const main = await skopeoRaw(`${REGISTRY}/${repository}:v1`)
  for (const { region, registry } of DESTINATIONS) {
    expect(await skopeoDigest(`${registry}/${repository}:v1`)).toBe(digest)
    expect((await skopeoRaw(`${registry}/${repository}:v1`)).equals(main)).toBe(true)
    // The copy's POST + PUT per blob: no PATCH (docker's or the compressing stream's chunked upload).
    const seen = await requestsOf(repository, region)
    expect(seen.filter(r => r.method === 'PATCH')).toEqual([])
    expect(seen.filter(r => r.method === 'PUT' && r.kind === 'upload').length).toBeGreaterThan(0)
  }
}

const expectDeliveredEverywhere = (deliveries: string, digest: string) =>
  expect(
    (JSON.parse(deliveries) as { registry: string; digest: string; result: string }[]).map(d => [
      d.registry,
      d.digest,
      d.result
    ])
  ).toEqual([REGISTRY, REGISTRY2, REGISTRY3].map(registry => [registry, digest, 'delivered']))

describe('the docker engine and docker-save archives, to two more regions in one step', () => {
  test('a docker engine image: docker push to the main registry, copied registry to registry, pulled back from each destination', async () => {
    const repository = uniqueRepository('dest-img')
    const imageId = await buildImage('it-dest:one', `destinations ${Date.now()}`)
    const dockerConfig = newDockerConfig()
    const result = await deliver({
      dockerConfig,
      inputs: { image: 'it-dest:one', repository, tags: 'v1', destinations: `${REGISTRY2}\n${REGION3}` }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
    expectDeliveredEverywhere(result.outputs.deliveries as string, digest)
    await expectCopiedEverywhere(repository, digest)
    // The action logged docker in to each destination as well: a pull from it gives back the image.
    await run('docker', ['rmi', '-f', 'it-dest:one'])
    for (const { registry } of DESTINATIONS) {
      await run('docker', ['pull', '-q', `${registry}/${repository}:v1`], { DOCKER_CONFIG: dockerConfig })
      const { stdout } = await run('docker', [
        'image',
        'inspect',
        '--format',
        '{{.Id}}',
        `${registry}/${repository}:v1`
      ])
      expect(stdout.trim()).toBe(imageId)
    }
    expect(JSON.parse(result.state.registries as string)).toEqual([REGISTRY, REGISTRY2, REGISTRY3])
  })

  test('a docker-save archive: compressed once for the main registry, copied to each destination', async () => {
    const repository = uniqueRepository('dest-save')
    await buildImage('it-dest:save', `save ${Date.now()}`)
    const archive = join(work, `save-${Date.now()}.tar`)
    await run('docker', ['save', '-o', archive, 'it-dest:save'])
    const result = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { source: archive, repository, tags: 'v1', destinations: `${REGION2}\n${REGION3}` }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    expect(await skopeoDigest(`${REGISTRY}/${repository}:v1`)).toBe(digest)
    expectDeliveredEverywhere(result.outputs.deliveries as string, digest)
    // The layer was compressed while streamed to the main registry (digest known only at the end: PATCH).
    expect((await requestsOf(repository)).filter(r => r.method === 'PATCH').length).toBeGreaterThan(0)
    await expectCopiedEverywhere(repository, digest)
  })
})
