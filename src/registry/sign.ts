import { createHash, type KeyObject } from 'node:crypto'
import { sha256Digest } from './digest.js'
import { ActionError } from '../common/errors.js'
import { bufferBlob } from './blob-types.js'
import type { RegistryClient } from './client.js'
import {
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING,
  readPayload,
  signatureTag,
  simpleSigningPayload,
  verifiesWith,
  withSignatureLayer,
  type SignatureManifest
} from './cosign.js'
import { MediaType } from './media-types.js'

/** What signs: a SHA-256 digest in (KMS, for the actions), a signature out; and the key's public half. */
export interface Signer {
  sign(digest: Buffer): Promise<Buffer>
  publicKey: KeyObject
}

export interface CosignResult {
  subject: string
  /** The digest of the manifest under `sha256-<hex>.sig`. */
  signatureDigest: string
  outcome: 'signed' | 'unchanged'
}

const MAX_SMALL_BLOB = 1024 * 1024
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest()

/**
 * Signs `subject` in cosign's key format: a valid signature of this payload by this key already under
 * `sha256-<hex>.sig` leaves everything as it is; otherwise a layer is appended (other keys' signatures are
 * kept, as cosign keeps them) and the tag written. Then read back and verified against the public key: the
 * payload names `reference` and the subject, and the signature verifies. An immutable `.sig` tag that
 * exists cannot take another layer: the error says how to exclude signature tags.
 */
export async function signWithCosign(
  registry: RegistryClient,
  repository: string,
  subject: string,
  reference: string,
  signer: Signer,
  options: { isImmutable: (tag: string) => boolean; repositoryUri: string }
): Promise<CosignResult> {
  const tag = signatureTag(subject)
  const payload = simpleSigningPayload(reference, subject)
  const stored = await registry.getManifest(repository, tag)
  const existing = stored?.manifest as SignatureManifest['manifest'] | undefined
  if (stored && ourLayer(existing, payload, signer.publicKey))
    return { subject, signatureDigest: stored.digest, outcome: 'unchanged' }
  if (stored && options.isImmutable(tag)) {
    throw new ActionError(
      `${options.repositoryUri}:${tag} exists and its tag is immutable, so this signature cannot be added to it. ` +
        'Exclude signature tags from immutability: image-tag-mutability: IMMUTABLE_WITH_EXCLUSION with ' +
        'image-tag-mutability-exclusions: sha256-*.sig'
    )
  }
  const signature = await signer.sign(sha256(payload))
  if (!verifiesWith(signer.publicKey, payload, signature))
    throw new ActionError(
      `the signature KMS returned for ${subject} does not verify with the key's public key`
    )
  const configDigest = (stored?.manifest as { config?: { digest: string; size: number } } | undefined)?.config
  const config = configDigest
    ? await registry.requireBlob(repository, configDigest.digest, MAX_SMALL_BLOB)
    : undefined
  const built = withSignatureLayer(existing && { manifest: existing, config }, payload, signature)
  await registry.pushBlob(repository, bufferBlob(built.layer.digest, payload))
  await registry.pushBlob(repository, bufferBlob(sha256Digest(built.config), built.config))
  const digest = await registry.putManifest(repository, tag, built.manifest, MediaType.ociManifest)
  await verifySignature(registry, repository, tag, {
    reference,
    subject,
    payload,
    publicKey: signer.publicKey
  })
  return { subject, signatureDigest: digest, outcome: 'signed' }
}

/** A layer of the `.sig` manifest holding this payload with a valid signature by this key. */
function ourLayer(
  manifest: SignatureManifest['manifest'] | undefined,
  payload: Buffer,
  key: KeyObject
): boolean {
  const digest = sha256Digest(payload)
  return (manifest?.layers ?? []).some(
    layer =>
      layer.mediaType === SIMPLE_SIGNING &&
      layer.digest === digest &&
      verifiesWith(key, payload, Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64'))
  )
}

/**
 * Reads the signature back as a verifier would: the `.sig` manifest, our layer's payload blob (its bytes
 * naming this reference and digest), and its signature against the public key.
 */
async function verifySignature(
  registry: RegistryClient,
  repository: string,
  tag: string,
  expected: { reference: string; subject: string; payload: Buffer; publicKey: KeyObject }
): Promise<void> {
  const stored = await registry.requireManifest(repository, tag)
  const layers = (stored.manifest as SignatureManifest['manifest']).layers ?? []
  const digest = sha256Digest(expected.payload)
  // Several keys' signatures of one payload are layers of one digest: ours is the one that verifies.
  const ours = layers.filter(l => l.digest === digest)
  const fail = (why: string) =>
    new ActionError(`the signature of ${expected.subject} read back from ${repository}:${tag} ${why}`)
  if (ours.length === 0) throw fail('has no layer with its payload')
  const bytes = await registry.requireBlob(repository, (ours[0] as (typeof ours)[0]).digest, MAX_SMALL_BLOB)
  const said = readPayload(bytes)
  if (said?.reference !== expected.reference || said.digest !== expected.subject)
    throw fail('names another image')
  const signed = ours.some(layer =>
    verifiesWith(
      expected.publicKey,
      bytes,
      Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64')
    )
  )
  if (!signed) throw fail('does not verify with the key')
}
