/**
 * Signing with a KMS key (moto's KMS behind the front) through the bundled action, checked with independent
 * tools: the AWS CLI creates the keys and reads their public keys, skopeo and curl read the signature from
 * the registry, and openssl verifies it over the payload. Another key's public key must not verify it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  PASSWORD,
  REGISTRY,
  ecrApi,
  newDockerConfig,
  requestsOf,
  run,
  runStep,
  skopeoDigest,
  skopeoRaw,
  testEnv,
  uniqueRepository
} from './harness.js'

const REGION2 = testEnv.ECR_TEST_REGION2 as string
const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
const work = mkdtempSync(join(tmpdir(), 'signing-it-'))
const awsEnv = { AWS_DEFAULT_REGION: testEnv.AWS_REGION as string }

async function aws(args: string[]): Promise<string> {
  const { stdout } = await run('aws', [...args, '--output', 'text'], awsEnv)
  return stdout.trim()
}

interface Key {
  arn: string
  pem: string
}

/** A KMS key made with the AWS CLI, and its public key as PEM (openssl from the DER KMS returns). */
async function newKey(spec: string, usage = 'SIGN_VERIFY'): Promise<Key> {
  const arn = await aws([
    'kms',
    'create-key',
    '--key-spec',
    spec,
    '--key-usage',
    usage,
    '--query',
    'KeyMetadata.Arn'
  ])
  const pem = join(work, `${arn.split('/').pop()}.pem`)
  if (usage === 'SIGN_VERIFY') {
    const der = `${pem}.der`
    writeFileSync(
      der,
      Buffer.from(await aws(['kms', 'get-public-key', '--key-id', arn, '--query', 'PublicKey']), 'base64')
    )
    await run('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', der, '-out', pem])
  }
  return { arn, pem }
}

async function layout(name: string, platforms = ['amd64']): Promise<string> {
  const dir = join(work, name)
  await writeOciLayout(dir, {
    platforms: platforms.map(architecture => ({ os: 'linux', architecture, layers: [{ size: 2000 }] })),
    seed: `${name}-${Date.now()}`
  })
  return dir
}

const deliver = (inputs: Record<string, string>) =>
  runStep('action.yml', 'dist/deliver/index.js', {
    dockerConfig: newDockerConfig(),
    inputs: { tags: 'v1', ...inputs }
  })

/** A blob's bytes, read with curl (no client of ours). */
async function blob(registry: string, repository: string, digest: string): Promise<Buffer> {
  const path = join(work, `blob-${digest.slice(7, 19)}`)
  await run('curl', [
    '-sS',
    '--fail',
    '-L',
    '--noproxy',
    '*',
    '--cacert',
    `${testEnv.ECR_TEST_DIR}/certs/ca.crt`,
    '-u',
    `AWS:${PASSWORD}`,
    '-o',
    path,
    `https://${registry}/v2/${repository}/blobs/${digest}`
  ])
  return (await import('node:fs')).readFileSync(path)
}

/** openssl's verdict on a signature of `message` with a public key: true when it prints Verified OK. */
async function opensslVerifies(pem: string, message: Buffer, signature: Buffer): Promise<boolean> {
  const [m, s] = [join(work, 'message'), join(work, 'signature')]
  writeFileSync(m, message)
  writeFileSync(s, signature)
  const result = await run('openssl', ['dgst', '-sha256', '-verify', pem, '-signature', s, m]).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })
  )
  return result.stdout.includes('Verified OK')
}

/** The cosign signatures of `digest` in a registry: each layer's payload and signature. */
async function cosignSignatures(registry: string, repository: string, digest: string) {
  const manifest = JSON.parse(
    (await skopeoRaw(`${registry}/${repository}:${digest.replace(':', '-')}.sig`)).toString()
  ) as { layers: { mediaType: string; digest: string; annotations: Record<string, string> }[] }
  return Promise.all(
    manifest.layers.map(async layer => ({
      mediaType: layer.mediaType,
      payload: await blob(registry, repository, layer.digest),
      signature: Buffer.from(layer.annotations['dev.cosignproject.cosign/signature'] as string, 'base64')
    }))
  )
}

let p256: Key
let rsa: Key
let other: Key

beforeAll(async () => {
  ;[p256, rsa, other] = await Promise.all([
    newKey('ECC_NIST_P256'),
    newKey('RSA_2048'),
    newKey('ECC_NIST_P256')
  ])
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('signing-key: cosign signatures made in KMS, verified by openssl', () => {
  test('signed through an alias; openssl verifies it with the key, not with another; the payload names the image; a re-run writes nothing', async () => {
    const alias = `alias/it-signing-${Date.now()}`
    await aws(['kms', 'create-alias', '--alias-name', alias, '--target-key-id', p256.arn])
    const repository = uniqueRepository('sign')
    const result = await deliver({ source: await layout('signed'), repository, 'signing-key': alias })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    expect(result.outputs['signature-digest']).toBe(
      await skopeoDigest(`${REGISTRY}/${repository}:${digest.replace(':', '-')}.sig`)
    )
    const [signature] = await cosignSignatures(REGISTRY, repository, digest)
    expect(signature?.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json')
    expect(JSON.parse(signature?.payload.toString() ?? '{}')).toEqual({
      critical: {
        identity: { 'docker-reference': `${REGISTRY}/${repository}` },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature'
      },
      optional: null
    })
    expect(
      await opensslVerifies(p256.pem, signature?.payload as Buffer, signature?.signature as Buffer)
    ).toBe(true)
    expect(
      await opensslVerifies(other.pem, signature?.payload as Buffer, signature?.signature as Buffer)
    ).toBe(false)
    expect(result.stdout).toContain(p256.arn)
    expect(result.summary).toContain('signed, verified')

    const before = (await requestsOf(repository)).length
    const again = await deliver({
      source: await layout('signed-again'),
      repository,
      'signing-key': alias,
      tags: 'v2'
    })
    expect(again.exitCode).toBe(0)
    // v2 is a new image: signed. Then v1's image again: already signed, nothing written.
    const third = await deliver({ source: join(work, 'signed'), repository, 'signing-key': p256.arn })
    expect(third.exitCode).toBe(0)
    expect(third.outputs['signature-digest']).toBe(result.outputs['signature-digest'])
    const writes = (await requestsOf(repository))
      .slice(before)
      .filter(r => ['PUT', 'POST', 'PATCH'].includes(r.method))
    expect(writes.every(r => !r.path.includes(digest.slice(7)))).toBe(true)
  })

  test('a key that cannot sign (ENCRYPT_DECRYPT), or none: one error naming the input, nothing created or pushed', async () => {
    const encrypt = await newKey('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT')
    for (const key of [encrypt.arn, 'alias/it-no-such-key']) {
      const repository = uniqueRepository('sign')
      const result = await deliver({ source: await layout('refused'), repository, 'signing-key': key })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([expect.stringMatching(/^Input "signing-key": ".*" cannot sign: /)])
      expect(await requestsOf(repository)).toEqual([])
      await expect(ecrApi('DescribeRepositories', { repositoryNames: [repository] })).rejects.toThrow()
    }
  })

  test('an RSA key and sign-platforms: the index and each platform signed, each verified by openssl', async () => {
    const repository = uniqueRepository('sign')
    const result = await deliver({
      source: await layout('multi', ['amd64', 'arm64']),
      repository,
      'signing-key': rsa.arn,
      'sign-platforms': 'true'
    })
    expect(result.exitCode).toBe(0)
    const platforms = (result.outputs['platform-digests'] as string)
      .split('\n')
      .map(line => line.split('=')[1] as string)
    for (const digest of [result.outputs['image-digest'] as string, ...platforms]) {
      const [signature] = await cosignSignatures(REGISTRY, repository, digest)
      expect(
        await opensslVerifies(rsa.pem, signature?.payload as Buffer, signature?.signature as Buffer)
      ).toBe(true)
    }
  })

  test('an immutable repository: a second key cannot add to the .sig, unless signature tags are excluded', async () => {
    for (const [mutability, exclusions, exit] of [
      ['IMMUTABLE', '', 1],
      ['IMMUTABLE_WITH_EXCLUSION', 'sha256-*.sig', 0]
    ] as const) {
      const repository = uniqueRepository('sign')
      const settings = { 'image-tag-mutability': mutability, 'image-tag-mutability-exclusions': exclusions }
      const source = await layout(`immutable-${mutability}`)
      expect((await deliver({ source, repository, 'signing-key': p256.arn, ...settings })).exitCode).toBe(0)
      const second = await deliver({ source, repository, 'signing-key': other.arn, ...settings })
      expect(second.exitCode).toBe(exit)
      if (exit === 1)
        expect(second.errors.join('\n')).toMatch(/immutable.*image-tag-mutability-exclusions: sha256-\*\.sig/)
      else
        expect(
          await cosignSignatures(REGISTRY, repository, second.outputs['image-digest'] as string)
        ).toHaveLength(2)
    }
  })

  test('destinations get their own signature, naming their repository; the bundle is a referrer the API lists', async () => {
    const repository = uniqueRepository('sign')
    const result = await deliver({
      source: await layout('dest'),
      repository,
      'signing-key': p256.arn,
      'signature-format': 'bundle',
      destinations: REGION2
    })
    expect(result.exitCode).toBe(0)
    const digest = result.outputs['image-digest'] as string
    for (const registry of [REGISTRY, REGISTRY2]) {
      const [signature] = await cosignSignatures(registry, repository, digest)
      expect(JSON.parse(signature?.payload.toString() ?? '{}').critical.identity['docker-reference']).toBe(
        `${registry}/${repository}`
      )
      expect(
        await opensslVerifies(p256.pem, signature?.payload as Buffer, signature?.signature as Buffer)
      ).toBe(true)
    }
    const referrers = JSON.parse(result.outputs.referrers as string) as unknown[]
    expect(referrers).toEqual([])
    const { stdout } = await run('curl', [
      '-sS',
      '--fail',
      '--noproxy',
      '*',
      '--cacert',
      `${testEnv.ECR_TEST_DIR}/certs/ca.crt`,
      '-u',
      `AWS:${PASSWORD}`,
      `https://${REGISTRY}/v2/${repository}/referrers/${digest}`
    ])
    const listed = (JSON.parse(stdout) as { manifests: { digest: string; artifactType: string }[] }).manifests
    expect(listed.map(m => m.artifactType)).toEqual(['application/vnd.dev.sigstore.bundle.v0.3+json'])
    const manifest = JSON.parse(
      (await skopeoRaw(`${REGISTRY}/${repository}@${listed[0]?.digest}`)).toString()
    )
    const bundle = JSON.parse((await blob(REGISTRY, repository, manifest.layers[0].digest)).toString())
    const image = await skopeoRaw(`${REGISTRY}/${repository}@${digest}`)
    const signature = Buffer.from(bundle.messageSignature.signature, 'base64')
    expect(await opensslVerifies(p256.pem, image, signature)).toBe(true)
  })
})

describe('cleanup and signatures', () => {
  test("an image's .sig and bundle go with it, and stay with an image that is kept", async () => {
    const repository = uniqueRepository('sign')
    const inputs = { repository, 'signing-key': p256.arn, 'signature-format': 'bundle' }
    const old = await deliver({ ...inputs, source: await layout('cleanup-old'), tags: 'v1' })
    const kept = await deliver({ ...inputs, source: await layout('cleanup-new'), tags: 'latest' })
    expect([old.exitCode, kept.exitCode]).toEqual([0, 0])
    const result = await runStep('cleanup/action.yml', 'dist/cleanup/index.js', {
      dockerConfig: newDockerConfig(),
      inputs: {
        repositories: repository,
        'keep-last': '0',
        'older-than': '0d',
        'untagged-older-than': '0d',
        'keep-tags': 'latest'
      }
    })
    expect(result.errors).toEqual([])
    const sig = (output: typeof old) =>
      `${REGISTRY}/${repository}:${(output.outputs['image-digest'] as string).replace(':', '-')}.sig`
    expect(await skopeoDigest(sig(old))).toBeUndefined()
    expect(await skopeoDigest(sig(kept))).toBe(kept.outputs['signature-digest'])
    const images = (
      await ecrApi<{ imageIds: { imageDigest: string }[] }>('ListImages', { repositoryName: repository })
    ).imageIds
    // The kept image, its .sig manifest and its bundle referrer (and the bundle's empty config is a blob, not an image).
    expect(new Set(images.map(i => i.imageDigest)).size).toBe(3)
  })
})
