/**
 * Docker 29 archives and their referrers through the bundled action, checked with independent clients:
 * skopeo reads every manifest, curl asks the referrers API, and the tag schema is read as a plain tag.
 * Behind the front the registry answers the referrers API as ECR does; switched off for a region, the
 * same registry is docker-registry 2.8 as it is, and the action keeps the tag schema.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDocker29Save, type Docker29Archive, type Docker29Shape } from '../fixtures/docker29.js'
import {
  PASSWORD,
  REGISTRY,
  expectWholeRepository,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoDigest,
  skopeoRaw,
  testEnv,
  uniqueRepository
} from './harness.js'

const REGION = testEnv.AWS_REGION as string
const REGION2 = testEnv.ECR_TEST_REGION2 as string
const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
const FRONT = testEnv.ECR_TEST_FRONT_URL as string
const work = mkdtempSync(join(tmpdir(), 'referrers-it-'))
const archives = {} as Record<Docker29Shape, { path: string; made: Docker29Archive }>

const deliver = (shape: Docker29Shape, repository: string, inputs: Record<string, string> = {}) =>
  runStep('action.yml', 'dist/deliver/index.js', {
    dockerConfig: newDockerConfig(),
    inputs: { source: archives[shape].path, repository, tags: 'v1', ...inputs }
  })

async function setReferrersApi(region: string, enabled: boolean): Promise<void> {
  const response = await fetch(`${FRONT}/_front/config`, {
    method: 'POST',
    body: JSON.stringify({ referrersApi: { [region]: enabled } })
  })
  expect(response.status).toBe(200)
}

/** The referrers API's answer, asked with curl: the digests listed for a subject. */
async function referrersApi(registry: string, repository: string, subject: string): Promise<string[]> {
  const { stdout } = await run('curl', [
    '-sS',
    '--fail',
    '--noproxy',
    '*',
    '--cacert',
    `${testEnv.ECR_TEST_DIR}/certs/ca.crt`,
    '-u',
    `AWS:${PASSWORD}`,
    `https://${registry}/v2/${repository}/referrers/${subject}`
  ])
  return (JSON.parse(stdout) as { manifests: { digest: string }[] }).manifests.map(m => m.digest).sort()
}

beforeAll(async () => {
  for (const shape of ['partial', 'multi-attested', 'with-referrers'] as const) {
    const path = join(work, `${shape}.tar`)
    archives[shape] = {
      path,
      made: await writeDocker29Save(path, shape, { seed: `it-${shape}-${Date.now()}` })
    }
  }
})
afterEach(() => setReferrersApi(REGION, true))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('Docker 29 archives with their referrers', () => {
  test('a partial index: the whole platform as saved, its attestation and signature after it, in both registries; a re-run sends nothing', async () => {
    const { made } = archives.partial
    const repository = uniqueRepository('refs')
    const result = await deliver('partial', repository, { destinations: REGION2 })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['image-digest']).toBe(made.delivered)
    expect(result.stdout).toMatch(/only linux\/amd64's blobs are all here/)
    const expected = Object.entries(made.referrers).map(([digest, subject]) => ({ digest, subject }))
    expect(JSON.parse(result.outputs.referrers as string)).toEqual(
      expected.map(e => expect.objectContaining(e) as unknown)
    )
    for (const registry of [REGISTRY, REGISTRY2]) {
      expect(await skopeoDigest(`${registry}/${repository}:v1`)).toBe(made.delivered)
      await expectWholeRepository(`${registry}/${repository}`, ['v1'])
      for (const { digest, subject } of expected) {
        expect(
          JSON.parse((await skopeoRaw(`${registry}/${repository}@${digest}`)).toString()).subject.digest
        ).toBe(subject)
        expect(await referrersApi(registry, repository, subject)).toContain(digest)
      }
    }
    // The API answered: no tag schema was written.
    expect((await skopeoDigest(`${REGISTRY}/${repository}:${made.delivered.replace(':', '-')}`)) ?? '').toBe(
      ''
    )

    const before = (await requestsOf(repository)).length
    const again = await deliver('partial', repository)
    expect(again.exitCode).toBe(0)
    const sent = (await requestsOf(repository)).slice(before)
    expect(sent.filter(r => r.method === 'PUT' || r.method === 'POST' || r.method === 'PATCH')).toEqual([])
  })

  test('a registry without the referrers API: the tag schema lists each attestation of the index', async () => {
    await setReferrersApi(REGION, false)
    const { made } = archives['multi-attested']
    const repository = uniqueRepository('refs')
    const result = await deliver('multi-attested', repository)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['image-digest']).toBe(made.named)
    await expectWholeRepository(`${REGISTRY}/${repository}`, ['v1'])
    for (const [attestation, subject] of Object.entries(made.referrers)) {
      const schema = JSON.parse(
        (await skopeoRaw(`${REGISTRY}/${repository}:${subject.replace(':', '-')}`)).toString()
      )
      expect(schema.manifests.map((m: { digest: string }) => m.digest)).toEqual([attestation])
      expect(schema.manifests[0].artifactType).toBe('application/vnd.docker.attestation.manifest.v1+json')
    }
    expect(result.summary).toContain('Referrers: 2')
  })

  test('referrers: skip delivers the image without the signature; push later adds it without a tag write', async () => {
    const { made } = archives['with-referrers']
    const [signature] = Object.keys(made.referrers) as [string]
    const repository = uniqueRepository('refs')
    const skipped = await deliver('with-referrers', repository, { referrers: 'skip' })
    expect(skipped.exitCode).toBe(0)
    expect(JSON.parse(skipped.outputs.referrers as string)).toEqual([])
    expect(await skopeoDigest(`${REGISTRY}/${repository}@${signature}`)).toBeUndefined()

    const before = (await requestsOf(repository)).length
    const added = await deliver('with-referrers', repository)
    expect(added.exitCode).toBe(0)
    expect(await referrersApi(REGISTRY, repository, made.named)).toEqual([signature])
    const puts = (await requestsOf(repository))
      .slice(before)
      .filter(r => r.method === 'PUT' && r.kind === 'manifest')
    expect(puts.map(r => r.path)).toEqual([expect.stringContaining(signature)])
  })
})
