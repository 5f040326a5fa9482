import { createHash, type KeyObject } from 'node:crypto'
import { sha256Digest } from './digest.js'
import { ActionError } from '../common/errors.js'
import { bufferBlob } from './blob-types.js'
import type { RegistryClient } from './client.js'
import { verifiesWith } from './cosign.js'
import { MediaType } from './media-types.js'
import { listReferrers, putReferrer } from './referrers.js'
import type { Signer } from './sign.js'

/**
 * A signature as cosign 3 writes and reads first: a sigstore bundle (v0.3) as an OCI 1.1 referrer of the
 * image. Here a message-signature bundle over the image's manifest (its digest is the message digest), by
 * the KMS key, no transparency-log entry; the referrer manifest shaped as cosign's (pkg/oci/remote/write.go:
 * the empty config carrying the artifactType, one bundle layer, the content annotation).
 */
export const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const EMPTY_TYPE = 'application/vnd.oci.empty.v1+json'
const EMPTY = Buffer.from('{}')
const MAX_BUNDLE = 1024 * 1024

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest()

/** Pure: the bundle for a signature of the manifest `subject` (its digest hex is the message's SHA-256). */
export function messageSignatureBundle(subject: string, signature: Buffer, publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  return Buffer.from(
    JSON.stringify({
      mediaType: BUNDLE_TYPE,
      verificationMaterial: { publicKey: { hint: sha256(spki).toString('base64') } },
      messageSignature: {
        messageDigest: {
          algorithm: 'SHA2_256',
          digest: Buffer.from(subject.slice(7), 'hex').toString('base64')
        },
        signature: signature.toString('base64')
      }
    })
  )
}

/** Pure: the referrer manifest of a bundle, subject first as cosign writes it. */
export function bundleReferrer(
  subject: { mediaType: string; digest: string; size: number },
  bundle: Buffer,
  created: string
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: EMPTY_TYPE, size: 2, digest: sha256Digest(EMPTY), artifactType: BUNDLE_TYPE },
      layers: [{ mediaType: BUNDLE_TYPE, size: bundle.length, digest: sha256Digest(bundle) }],
      annotations: {
        'dev.sigstore.bundle.content': 'message-signature',
        'org.opencontainers.image.created': created
      },
      subject,
      artifactType: BUNDLE_TYPE
    })
  )
}

/** Whether a bundle holds this key's valid signature of the manifest `bytes` (digest `subject`). */
export function bundleSigns(bundle: Buffer, subject: string, bytes: Buffer, publicKey: KeyObject): boolean {
  try {
    const parsed = JSON.parse(bundle.toString('utf8')) as {
      messageSignature?: { messageDigest?: { digest?: string }; signature?: string }
    }
    const said = parsed.messageSignature
    return (
      said?.messageDigest?.digest === Buffer.from(subject.slice(7), 'hex').toString('base64') &&
      verifiesWith(publicKey, bytes, Buffer.from(said.signature ?? '', 'base64'))
    )
  } catch {
    return false
  }
}

/**
 * Signs the manifest `subject` with a bundle referrer, unless one of its referrers already holds this key's
 * valid signature of it; afterwards the registry must list it (referrers API or tag schema) and it must
 * verify. The referrer's digest.
 */
export async function signWithBundle(
  registry: RegistryClient,
  repository: string,
  subject: { mediaType: string; digest: string; bytes: Buffer },
  signer: Signer
): Promise<{ digest: string; outcome: 'signed' | 'unchanged' }> {
  const found = await ourBundle(registry, repository, subject, signer.publicKey)
  if (found) return { digest: found, outcome: 'unchanged' }
  const signature = await signer.sign(Buffer.from(subject.digest.slice(7), 'hex'))
  const bundle = messageSignatureBundle(subject.digest, signature, signer.publicKey)
  if (!bundleSigns(bundle, subject.digest, subject.bytes, signer.publicKey))
    throw new ActionError(
      `the signature KMS returned for ${subject.digest} does not verify with the key's public key`
    )
  const descriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length }
  const manifest = bundleReferrer(descriptor, bundle, new Date().toISOString().replace(/\.\d+Z$/, 'Z'))
  await registry.pushBlob(repository, bufferBlob(sha256Digest(EMPTY), EMPTY))
  await registry.pushBlob(repository, bufferBlob(sha256Digest(bundle), bundle))
  const blob = { digest: sha256Digest(manifest), mediaType: MediaType.ociManifest, bytes: manifest }
  await putReferrer(registry, repository, blob, subject.digest)
  if ((await ourBundle(registry, repository, subject, signer.publicKey)) !== blob.digest)
    throw new ActionError(
      `the bundle signature of ${subject.digest} is not listed as its referrer after the push`
    )
  return { digest: blob.digest, outcome: 'signed' }
}

/** The subject's bundle referrer holding this key's valid signature, if one does. */
async function ourBundle(
  registry: RegistryClient,
  repository: string,
  subject: { digest: string; bytes: Buffer },
  publicKey: KeyObject
): Promise<string | undefined> {
  for (const referrer of await listReferrers(registry, repository, subject.digest)) {
    if (referrer.artifactType !== BUNDLE_TYPE) continue
    const stored = await registry.getManifest(repository, referrer.digest)
    const layer = (stored?.manifest as { layers?: { mediaType: string; digest: string; size: number }[] })
      ?.layers?.[0]
    if (!layer || layer.mediaType !== BUNDLE_TYPE) continue
    const bundle = await registry.requireBlob(repository, layer.digest, MAX_BUNDLE)
    if (bundleSigns(bundle, subject.digest, subject.bytes, publicKey)) return referrer.digest
  }
  return undefined
}
