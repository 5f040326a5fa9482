import type { KMSClient, KeyMetadata, SigningAlgorithmSpec } from '@aws-sdk/client-kms'
import { createPublicKey, type KeyObject } from 'node:crypto'
import { awsClientConfig } from '../common/aws.js'
import type { EndpointVariant } from '../common/endpoints.js'
import { ActionError, InputError, messageOf, quote } from '../common/errors.js'
import { awsErrorName, explainAwsError } from './errors.js'

/**
 * A KMS key that signs, checked and ready: its ARN (the only thing about it ever printed), the algorithm
 * chosen, and its public key (to verify what was signed, in the step). The private key never leaves KMS:
 * every signature is a KMS Sign of a SHA-256 digest (MessageType DIGEST, as cosign's awskms signer does;
 * RAW caps the message at 4 KB).
 */
export interface SigningKey {
  arn: string
  region: string
  algorithm: SigningAlgorithmSpec
  publicKey: KeyObject
}

/** KMS, loaded only by a run that signs. */
export async function createKmsClient(
  region: string | undefined,
  endpoint: EndpointVariant
): Promise<KMSClient> {
  const { KMSClient } = await import('@aws-sdk/client-kms')
  return new KMSClient(awsClientConfig('KMS', region, endpoint))
}

/**
 * Pure: the signing algorithm for a key, or why it cannot sign: ECC_NIST_P256 signs ECDSA_SHA_256; an RSA
 * key RSASSA_PKCS1_V1_5_SHA_256 (what every verifier with a PEM key reads: cosign, Kyverno and
 * containers/image load RSA keys as PKCS#1 v1.5), else RSASSA_PSS_SHA_256.
 */
export function chooseAlgorithm(metadata: KeyMetadata): SigningAlgorithmSpec | string {
  if (metadata.KeyUsage !== 'SIGN_VERIFY')
    return `its key usage is ${metadata.KeyUsage ?? 'unknown'}, not SIGN_VERIFY`
  if (metadata.KeyState !== 'Enabled')
    return `it is ${metadata.KeyState ?? 'in an unknown state'}, not Enabled`
  const offered = new Set(metadata.SigningAlgorithms ?? [])
  const spec = metadata.KeySpec ?? ''
  const wanted: SigningAlgorithmSpec[] =
    spec === 'ECC_NIST_P256'
      ? ['ECDSA_SHA_256']
      : spec.startsWith('RSA_')
        ? ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256']
        : []
  const algorithm = wanted.find(candidate => offered.has(candidate))
  return (
    algorithm ??
    `its key spec ${spec || 'unknown'} is not one cosign's verifiers read: use ECC_NIST_P256 (ECDSA_SHA_256) or an RSA key`
  )
}

/**
 * Resolves `keyId` (ID, ARN, `alias/…`) with DescribeKey and checks it signs, then reads its public key:
 * any failure is one error naming the input, before any tag is written.
 */
export async function resolveSigningKey(
  client: KMSClient,
  keyId: string,
  input: string,
  endpoint: EndpointVariant
): Promise<{ key: SigningKey; client: KMSClient }> {
  const { DescribeKeyCommand, GetPublicKeyCommand } = await import('@aws-sdk/client-kms')
  const refuse = (why: string) => new InputError(input, `${quote(keyId)} cannot sign: ${why}`)
  let metadata: KeyMetadata | undefined
  try {
    metadata = (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata
  } catch (error) {
    if (awsErrorName(error) === 'NotFoundException') throw refuse('no such key (kms:DescribeKey)')
    throw refuseOrExplain(error, refuse, 'kms:DescribeKey')
  }
  const arn = metadata?.Arn
  if (!metadata || !arn) throw refuse('DescribeKey returned no key')
  const algorithm = chooseAlgorithm(metadata)
  if (!isAlgorithm(algorithm)) throw refuse(algorithm)
  // A key lives in one region: its ARN says which, and every call about it goes there.
  const region = arn.split(':')[3] as string
  const keyClient =
    region === (await client.config.region()) ? client : await createKmsClient(region, endpoint)
  let der: Uint8Array | undefined
  try {
    der = (await keyClient.send(new GetPublicKeyCommand({ KeyId: arn }))).PublicKey
  } catch (error) {
    throw refuseOrExplain(error, refuse, 'kms:GetPublicKey')
  }
  if (!der) throw refuse('GetPublicKey returned no public key')
  const publicKey = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
  return { key: { arn, region, algorithm, publicKey }, client: keyClient }
}

/** Signs a SHA-256 digest with the key, in KMS. */
export async function signDigest(client: KMSClient, key: SigningKey, digest: Buffer): Promise<Buffer> {
  const { SignCommand } = await import('@aws-sdk/client-kms')
  try {
    const { Signature } = await client.send(
      new SignCommand({
        KeyId: key.arn,
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: key.algorithm
      })
    )
    if (!Signature) throw new ActionError(`KMS Sign with ${key.arn} returned no signature`)
    return Buffer.from(Signature)
  } catch (error) {
    throw explainAwsError(error, `kms:Sign with ${key.arn}`)
  }
}

function isAlgorithm(value: string): value is SigningAlgorithmSpec {
  return /^(ECDSA|RSASSA)_/.test(value)
}

/** Denied or unknown: the input's error; credentials and the network keep their own explanations. */
function refuseOrExplain(error: unknown, refuse: (why: string) => InputError, call: string): unknown {
  const name = awsErrorName(error)
  if (name === 'AccessDeniedException' || name === 'DisabledException' || name === 'KMSInvalidStateException')
    return refuse(`${call} answered ${name}: ${messageOf(error)}`)
  return explainAwsError(error, call)
}
