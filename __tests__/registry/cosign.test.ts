import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { constants, createHash, generateKeyPairSync, privateEncrypt, sign, type KeyObject } from 'node:crypto'
import { RegistryClient } from '../../src/registry/client.js'
import {
  readPayload,
  signatureTag,
  simpleSigningPayload,
  verifiesWith,
  withSignatureLayer
} from '../../src/registry/cosign.js'
import { listReferrers, tagSchemaTag } from '../../src/registry/referrers.js'
import { signWithCosign, type Signer } from '../../src/registry/sign.js'
import { BUNDLE_TYPE, signWithBundle } from '../../src/registry/sigstore-bundle.js'
import { MemoryRegistry } from '../helpers/memory-registry.js'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe("cosign's format, byte for byte", () => {
  // The bytes cosign (sigstore's payload package, go-containerregistry's mutate) writes for this image.
  const reference = '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp'
  const digest = 'sha256:dafe0718a5296ebf7c78430232e3b2e36883948fbc94d428ad22c1fd584d2ee9'

  test('the simple-signing payload', () => {
    const payload = simpleSigningPayload(reference, digest)
    expect(payload.length).toBe(266)
    expect(sha256(payload)).toBe('f96a6ce27af003bc6898fd6943b95807370f6d77aec56d0ec5cb1010bcf10c6f')
    expect(readPayload(payload)).toEqual({ reference, digest, type: 'cosign container image signature' })
  })

  test('optional annotations sorted by key', () => {
    expect(simpleSigningPayload(reference, digest, { team: 'x', env: 'prod' }).toString()).toMatch(
      /"optional":\{"env":"prod","team":"x"\}\}$/
    )
  })

  test('the config of one signature, and of a second appended', () => {
    const payload = simpleSigningPayload(reference, digest)
    const one = withSignatureLayer(undefined, payload, Buffer.from('sig'))
    expect(one.config.length).toBe(233)
    expect(sha256(one.config)).toBe('2a187d32ab988bec94a953212338a42cd481821d5d62cf72f39d52fc328f2809')
    const two = withSignatureLayer(
      { manifest: JSON.parse(one.manifest.toString()), config: one.config },
      Buffer.from('another payload'),
      Buffer.from('sig2')
    )
    const config = JSON.parse(two.config.toString())
    expect(config.rootfs.diff_ids).toHaveLength(2)
    expect(config.history).toEqual([{ created: '0001-01-01T00:00:00Z' }, { created: '0001-01-01T00:00:00Z' }])
    expect(JSON.parse(two.manifest.toString()).layers).toHaveLength(2)
  })

  test('the tag', () => {
    expect(signatureTag(digest)).toBe(`sha256-${digest.slice(7)}.sig`)
  })
})

describe('signatures verified as KMS makes them', () => {
  const message = Buffer.from('payload')
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pss = (saltLength: number) =>
    sign('sha256', message, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength })
  test.each<[string, KeyObject, Buffer, boolean]>([
    ['ECDSA P-256 (DER)', ec.publicKey, sign('sha256', message, ec.privateKey), true],
    ['RSA PKCS#1 v1.5', rsa.publicKey, sign('sha256', message, rsa.privateKey), true],
    ['RSA-PSS, salt 32 (KMS)', rsa.publicKey, pss(32), true],
    ['RSA-PSS, maximum salt (moto)', rsa.publicKey, pss(constants.RSA_PSS_SALTLEN_MAX_SIGN), true],
    [
      'another key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey,
      sign('sha256', message, ec.privateKey),
      false
    ],
    ['garbage', ec.publicKey, Buffer.from('nope'), false]
  ])('%s', (_, key, signature, valid) => {
    expect(verifiesWith(key, message, signature)).toBe(valid)
  })
})

describe('signing in a registry', () => {
  const registry = new MemoryRegistry()
  let client: RegistryClient
  const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keys = newKey()
  let signs = 0
  /** SHA-256's DigestInfo prefix: PKCS#1 v1.5 over a digest, as KMS signs with MessageType DIGEST. */
  const DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')
  const signer = (pair = keys): Signer => ({
    publicKey: pair.publicKey,
    sign: async digest => {
      signs++
      return privateEncrypt(
        { key: pair.privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([DIGEST_INFO, digest])
      )
    }
  })
  const image = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${'0'.repeat(64)}`,
        size: 2
      },
      layers: []
    })
  )
  const subject = `sha256:${sha256(image)}`
  const options = { isImmutable: () => false, repositoryUri: 'r.example/team/app' }

  beforeAll(async () => {
    await registry.start()
    client = new RegistryClient({
      endpoint: registry.endpoint,
      basicToken: 'QVdTOnB3',
      retry: { sleep: async () => {} }
    })
  })
  afterAll(() => registry.stop())
  beforeEach(() => {
    for (const store of [registry.blobs, registry.manifests, registry.tags, registry.immutable]) store.clear()
    registry.log.length = 0
    registry.referrersApi = false
    signs = 0
    registry.seed('v1', [], image, 'application/vnd.oci.image.manifest.v1+json')
  })

  test('signed, read back; a re-run finds it valid and writes nothing', async () => {
    const first = await signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(), options)
    expect(first.outcome).toBe('signed')
    expect(registry.tags.get(signatureTag(subject))).toBe(first.signatureDigest)
    registry.log.length = 0
    const again = await signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(), options)
    expect(again).toEqual({ ...first, outcome: 'unchanged' })
    expect(signs).toBe(1)
    expect(registry.log.filter(line => /^(PUT|POST|PATCH)/.test(line))).toEqual([])
  })

  test("another key's signature is kept: a layer is appended", async () => {
    await signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(newKey()), options)
    await signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(), options)
    const stored = registry.manifests.get(registry.tags.get(signatureTag(subject)) as string)
    expect(JSON.parse(stored?.bytes.toString() ?? '{}').layers).toHaveLength(2)
  })

  test('an immutable .sig that exists: refused, naming the exclusion that allows it', async () => {
    await signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(newKey()), options)
    await expect(
      signWithCosign(client, 'team/app', subject, 'r.example/team/app', signer(), {
        ...options,
        isImmutable: () => true
      })
    ).rejects.toThrow(
      /immutable.*IMMUTABLE_WITH_EXCLUSION with image-tag-mutability-exclusions: sha256-\*\.sig/
    )
  })

  test('a signer whose signature does not verify with its public key: nothing written', async () => {
    const liar = { ...signer(), publicKey: newKey().publicKey }
    await expect(
      signWithCosign(client, 'team/app', subject, 'r.example/team/app', liar, options)
    ).rejects.toThrow(/does not verify with the key's public key/)
    expect(registry.tags.has(signatureTag(subject))).toBe(false)
  })

  test('the bundle: a referrer in the tag schema (no referrers API), verified; a re-run writes nothing', async () => {
    const stored = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: subject, bytes: image }
    const first = await signWithBundle(client, 'team/app', stored, signer())
    expect(first.outcome).toBe('signed')
    expect(await listReferrers(client, 'team/app', subject)).toEqual([
      { digest: first.digest, artifactType: BUNDLE_TYPE, subject }
    ])
    expect(registry.tags.has(tagSchemaTag(subject))).toBe(true)
    registry.log.length = 0
    expect(await signWithBundle(client, 'team/app', stored, signer())).toEqual({
      ...first,
      outcome: 'unchanged'
    })
    expect(registry.log.filter(line => /^(PUT|POST|PATCH)/.test(line))).toEqual([])
  })
})
