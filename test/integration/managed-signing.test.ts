/**
 * ECR managed signing (`signing-profile`) through the bundled action, against the front's stand-in of it
 * (scripts/front/signing.mjs): the registry's signing configuration read back through the API (one rule
 * added, other rules kept exactly), the signature checked with independent clients (curl asks the referrers
 * API, skopeo reads the signature's manifest), FAILED and a timeout failing the step, destinations signed in
 * their own registry, and the cleanup keeping a signature with its image and deleting it with it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import { recordApiCalls } from './front-api.js'
import {
  PASSWORD,
  REGISTRY,
  describeRepository,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  skopeoRaw,
  testEnv,
  uniqueRepository
} from './harness.js'

const REGION = testEnv.AWS_REGION as string
const REGION2 = testEnv.ECR_TEST_REGION2 as string
const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
const NOTARY = 'application/vnd.cncf.notary.signature'
const run_ = randomBytes(3).toString('hex')
const profile = (name: string) => `arn:aws:signer:${REGION}:123456789012:/signing-profiles/it_${name}_${run_}`
const SIGNS = profile('release')
const FAILS = profile('fail')
const STUCK = profile('stuck')
const OTHER = {
  signingProfileArn: profile('other'),
  repositoryFilters: [{ filter: `other-${run_}/*`, filterType: 'WILDCARD_MATCH' }]
}
const work = mkdtempSync(join(tmpdir(), 'managed-signing-it-'))

interface Rule {
  signingProfileArn: string
  repositoryFilters?: { filter: string; filterType: string }[]
}

async function rulesIn(region: string): Promise<Rule[]> {
  try {
    const answer = await ecrApi<{ signingConfiguration: { rules: Rule[] } }>(
      'GetSigningConfiguration',
      {},
      region
    )
    return answer.signingConfiguration.rules
  } catch (error) {
    if ((error as Error).name === 'SigningConfigurationNotFoundException') return []
    throw error
  }
}

const putRules = (rules: Rule[], region = REGION) =>
  ecrApi('PutSigningConfiguration', { signingConfiguration: { rules } }, region)

/** Leaves each region's configuration without this run's rules (ECR allows 10: runs must not pile up). */
async function removeOurRules(): Promise<void> {
  for (const region of [REGION, REGION2]) {
    const rules = await rulesIn(region)
    const kept = rules.filter(r => !r.signingProfileArn.endsWith(`_${run_}`))
    if (kept.length !== rules.length) await putRules(kept, region)
  }
}

const layouts = new Map<string, string>()

/** A one-platform OCI layout of its own (the seed makes its digest unique), written once: a re-run sends it again. */
async function layout(name: string): Promise<string> {
  const dir = join(work, name)
  if (layouts.has(name)) return dir
  layouts.set(name, dir)
  await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 800 }] }],
    seed: `${name}-${run_}`
  })
  return dir
}

const deliver = async (repository: string, inputs: Record<string, string>) =>
  runStep('action.yml', 'dist/deliver/index.js', {
    dockerConfig: newDockerConfig(),
    inputs: {
      source: await layout(`${repository.replace(/\//g, '_')}-${inputs.tags ?? 'v1'}`),
      repository,
      tags: 'v1',
      ...inputs
    }
  })

/** The referrers API's answer, asked with curl (not the action's client): each descriptor listed. */
async function referrersApi(
  registry: string,
  repository: string,
  subject: string
): Promise<{ digest: string; artifactType?: string }[]> {
  const { stdout } = await run('curl', [
    ...['-sS', '--fail', '--noproxy', '*', '--cacert', `${testEnv.ECR_TEST_DIR}/certs/ca.crt`],
    ...['-u', `AWS:${PASSWORD}`, `https://${registry}/v2/${repository}/referrers/${subject}`]
  ])
  return (JSON.parse(stdout) as { manifests: { digest: string; artifactType?: string }[] }).manifests
}

/** The image's Notation signature, as the registry lists it and as skopeo reads its manifest. */
async function expectSigned(registry: string, repository: string, digest: string): Promise<string> {
  const signatures = (await referrersApi(registry, repository, digest)).filter(d => d.artifactType === NOTARY)
  expect(signatures).toHaveLength(1)
  const signature = signatures[0]?.digest as string
  const manifest = JSON.parse((await skopeoRaw(`${registry}/${repository}@${signature}`)).toString()) as {
    artifactType: string
    subject: { digest: string }
    layers: { mediaType: string }[]
  }
  expect(manifest.artifactType).toBe(NOTARY)
  expect(manifest.subject.digest).toBe(digest)
  expect(manifest.layers.map(l => l.mediaType)).toEqual(['application/jose+json'])
  return signature
}

beforeAll(async () => {
  // Another team's rule, there before the action runs: it must come out exactly as it went in.
  await putRules([...(await rulesIn(REGION)), OTHER])
})
afterAll(async () => {
  await removeOurRules()
  rmSync(work, { recursive: true, force: true })
})

describe('signing-profile: ECR managed signing', () => {
  test('the rule added once, other rules kept; the signature listed by the registry, in the outputs and the summary', async () => {
    const before = await rulesIn(REGION)
    const repository = uniqueRepository('msign')
    const result = await deliver(repository, { 'signing-profile': SIGNS })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('the signing configuration is registry-wide')

    const after = await rulesIn(REGION)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.slice(before.length)).toEqual([
      { signingProfileArn: SIGNS, repositoryFilters: [{ filter: repository, filterType: 'WILDCARD_MATCH' }] }
    ])

    const digest = result.outputs['image-digest'] as string
    const signature = await expectSigned(REGISTRY, repository, digest)
    expect(JSON.parse(result.outputs.referrers as string)).toEqual([
      { digest: signature, artifactType: NOTARY, subject: digest }
    ])
    expect(result.summary).toContain('ECR managed signing')
    expect(result.summary).toContain(`<td>COMPLETE</td><td><code>${signature}</code></td>`)

    // Again, and another repository: nothing put for the first; the second appended to the same rule.
    const calls = await recordApiCalls(/^PutSigningConfiguration$/)
    const again = await deliver(repository, { 'signing-profile': SIGNS })
    expect(again.exitCode).toBe(0)
    expect(await calls.calls()).toEqual([])
    expect(JSON.parse(again.outputs.referrers as string)).toEqual([
      { digest: signature, artifactType: NOTARY, subject: digest }
    ])
    const second = uniqueRepository('msign')
    expect((await deliver(second, { 'signing-profile': SIGNS })).exitCode).toBe(0)
    expect(await calls.calls()).toEqual(['PutSigningConfiguration'])
    const last = await rulesIn(REGION)
    expect(last.slice(0, before.length)).toEqual(before)
    expect(last.slice(before.length)).toEqual([
      {
        signingProfileArn: SIGNS,
        repositoryFilters: [repository, second].map(filter => ({ filter, filterType: 'WILDCARD_MATCH' }))
      }
    ])
    expect(last).toContainEqual(OTHER)
  })

  test("FAILED: the step fails with ECR's code and reason; the image is delivered, unsigned", async () => {
    const repository = uniqueRepository('msign')
    const result = await deliver(repository, { 'signing-profile': FAILS })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(
        `ECR managed signing of ${REGISTRY}/${repository}@sha256:[a-f0-9]{64} with ${FAILS} FAILED: "AccessDeniedException": "The pushing principal is not authorized`
      )
    )
    const digest = result.outputs['image-digest'] as string
    expect(digest).toMatch(/^sha256:/)
    expect((await referrersApi(REGISTRY, repository, digest)).filter(d => d.artifactType === NOTARY)).toEqual(
      []
    )
    expect(result.summary).toContain('FAILED')
  })

  test('never COMPLETE: the step fails at signing-timeout, naming what it waited for', async () => {
    const repository = uniqueRepository('msign')
    const started = Date.now()
    const result = await deliver(repository, { 'signing-profile': STUCK, 'signing-timeout': '5s' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Timed out after 5s \\(signing-timeout\\) waiting for ECR managed signing to report ${REGISTRY}/${repository}@sha256:[a-f0-9]{64} COMPLETE with ${STUCK} and its signature listed as a referrer: last status "IN_PROGRESS"$`
        )
      )
    ])
    // Bounded by the timeout (the push and the start-up besides), not by a retry loop of its own.
    expect(Date.now() - started).toBeLessThan(60_000)
  })

  test('destinations: each registry gets its own rule and its own signature', async () => {
    const repository = uniqueRepository('msign')
    const result = await deliver(repository, { 'signing-profile': SIGNS, destinations: REGION2 })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await rulesIn(REGION2)).toContainEqual({
      signingProfileArn: SIGNS,
      repositoryFilters: [{ filter: repository, filterType: 'WILDCARD_MATCH' }]
    })
    const digest = result.outputs['image-digest'] as string
    const main = await expectSigned(REGISTRY, repository, digest)
    const there = await expectSigned(REGISTRY2, repository, digest)
    expect(there).not.toBe(main) // signed there, not copied: each registry signs what it holds
    expect(result.summary).toContain(`<td>${REGION2}</td>`)
    expect(result.summary.match(/<td>COMPLETE<\/td>/g)).toHaveLength(2)
  })

  test('a signing-profile that is no ARN: one input error, nothing created', async () => {
    const repository = uniqueRepository('msign')
    const result = await deliver(repository, {
      'signing-profile': 'arn:aws:signer:us-east-1:123456789012:release'
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input "signing-profile": "arn:aws:signer:us-east-1:123456789012:release" is not an AWS Signer signing-profile ARN/
      )
    ])
    expect(await describeRepository(repository)).toBeUndefined()
  })
})

describe('cleanup and managed-signing signatures', () => {
  test('a kept image keeps its signature; a deleted one takes its signature with it', async () => {
    const repository = uniqueRepository('msign')
    const kept = await deliver(repository, { 'signing-profile': SIGNS, tags: 'release' })
    const gone = await deliver(repository, { 'signing-profile': SIGNS, tags: 'old' })
    expect([kept.exitCode, gone.exitCode]).toEqual([0, 0])
    const keptDigest = kept.outputs['image-digest'] as string
    const goneDigest = gone.outputs['image-digest'] as string
    const keptSignature = await expectSigned(REGISTRY, repository, keptDigest)
    const goneSignature = await expectSigned(REGISTRY, repository, goneDigest)
    // ECR's DescribeImages names each signature's subject (the stand-in as ECR).
    const { imageDetails } = await ecrApi<{
      imageDetails: { imageDigest: string; subjectManifestDigest?: string }[]
    }>('DescribeImages', { repositoryName: repository })
    expect(imageDetails.find(d => d.imageDigest === keptSignature)?.subjectManifestDigest).toBe(keptDigest)

    const result = await runStep('cleanup/action.yml', 'dist/cleanup/index.js', {
      dockerConfig: newDockerConfig(),
      inputs: {
        repositories: repository,
        'keep-last': '0',
        'older-than': '0d',
        'untagged-older-than': '0d',
        'keep-tags': 'release'
      }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['deleted-count']).toBe('2')
    const left = await ecrApi<{ imageIds: { imageDigest: string }[] }>('ListImages', {
      repositoryName: repository
    })
    expect(new Set(left.imageIds.map(i => i.imageDigest))).toEqual(new Set([keptDigest, keptSignature]))
    expect(await referrersApi(REGISTRY, repository, keptDigest)).toEqual([
      expect.objectContaining({ digest: keptSignature })
    ])
    expect(goneSignature).not.toBe(keptSignature)
  })
})
