import { afterEach, describe, expect, test } from '@jest/globals'
import { DescribeKeyCommand, GetPublicKeyCommand, KMSClient, type KeyMetadata } from '@aws-sdk/client-kms'
import { mockClient } from 'aws-sdk-client-mock'
import { generateKeyPairSync } from 'node:crypto'
import { chooseAlgorithm, resolveSigningKey } from '../../src/ecr/kms.js'

const signing: KeyMetadata = {
  KeyId: 'k',
  KeyUsage: 'SIGN_VERIFY',
  KeyState: 'Enabled',
  KeySpec: 'ECC_NIST_P256',
  SigningAlgorithms: ['ECDSA_SHA_256']
}

describe('chooseAlgorithm', () => {
  test.each<[Partial<KeyMetadata>, string]>([
    [{}, 'ECDSA_SHA_256'],
    [
      { KeySpec: 'RSA_2048', SigningAlgorithms: ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'] },
      'RSASSA_PKCS1_V1_5_SHA_256'
    ],
    [{ KeySpec: 'RSA_4096', SigningAlgorithms: ['RSASSA_PSS_SHA_256'] }, 'RSASSA_PSS_SHA_256'],
    [{ KeyUsage: 'ENCRYPT_DECRYPT' }, 'its key usage is ENCRYPT_DECRYPT, not SIGN_VERIFY'],
    [{ KeyState: 'Disabled' }, 'it is Disabled, not Enabled'],
    [{ KeyState: 'PendingDeletion' }, 'it is PendingDeletion, not Enabled'],
    [
      { KeySpec: 'ECC_NIST_P384', SigningAlgorithms: ['ECDSA_SHA_384'] },
      "its key spec ECC_NIST_P384 is not one cosign's verifiers read"
    ],
    [{ KeySpec: 'ECC_SECG_P256K1' }, 'its key spec ECC_SECG_P256K1']
  ])('%j → %s', (change, expected) => {
    expect(chooseAlgorithm({ ...signing, ...change })).toContain(expected)
  })
})

describe('resolveSigningKey: the errors the stand-in cannot produce', () => {
  const kms = mockClient(KMSClient)
  afterEach(() => {
    kms.reset()
  })
  const client = () =>
    new KMSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
  const arn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

  test('an alias resolved to its key ARN, the public key read', async () => {
    const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'der',
      type: 'spki'
    })
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { ...signing, Arn: arn } })
    kms.on(GetPublicKeyCommand, { KeyId: arn }).resolves({ PublicKey: der })
    const { key } = await resolveSigningKey(client(), 'alias/ci', 'signing-key', {
      dualStack: false,
      fips: false
    })
    expect(key).toMatchObject({ arn, region: 'us-east-1', algorithm: 'ECDSA_SHA_256' })
  })

  test.each([
    ['NotFoundException', /Input "signing-key": "alias\/ci" cannot sign: no such key/],
    [
      'AccessDeniedException',
      /Input "signing-key": "alias\/ci" cannot sign: kms:DescribeKey answered AccessDeniedException/
    ]
  ])('DescribeKey %s', async (name, message) => {
    kms.on(DescribeKeyCommand).rejects(Object.assign(new Error('no'), { name }))
    await expect(
      resolveSigningKey(client(), 'alias/ci', 'signing-key', { dualStack: false, fips: false })
    ).rejects.toThrow(message)
  })

  test('GetPublicKey denied', async () => {
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { ...signing, Arn: arn } })
    kms.on(GetPublicKeyCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    await expect(
      resolveSigningKey(client(), 'alias/ci', 'signing-key', { dualStack: false, fips: false })
    ).rejects.toThrow(/kms:GetPublicKey answered AccessDeniedException/)
  })
})
