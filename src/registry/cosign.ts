import { constants, verify, type KeyObject } from 'node:crypto'
import { sha256Digest } from './digest.js'
import { BlobMediaType, MediaType } from './media-types.js'

/**
 * cosign's key-signature format (pkg/oci, pkg/cosign, sigstore's payload package): a simple-signing payload
 * naming the repository and the digest, one layer per signature in a manifest under the tag
 * `sha256-<hex>.sig`, the base64 signature in the layer's annotation. What `cosign verify --key`, Kyverno's
 * Cosign type, policy-controller and containers/image (`sigstoreSigned`) read. Pure.
 */

export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature'
/** go-containerregistry's zero time, which cosign's empty image and its history entries carry. */
const ZERO_TIME = '0001-01-01T00:00:00Z'

/** The tag under which cosign keeps an image's key signatures. */
export function signatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`
}

/**
 * The simple-signing payload, byte for byte as cosign writes it (Go's encoding/json: compact, the struct's
 * field order; `optional` null without annotations, keys sorted with them). `reference` is the repository
 * without tag or digest, as cosign signs it.
 */
export function simpleSigningPayload(
  reference: string,
  digest: string,
  optional?: Record<string, string>
): Buffer {
  const sorted = optional && Object.keys(optional).length > 0 ? sortKeys(optional) : null
  return Buffer.from(
    goJson({
      critical: {
        identity: { 'docker-reference': reference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature'
      },
      optional: sorted
    })
  )
}

/** What a payload says, when it is one; undefined otherwise. */
export function readPayload(bytes: Buffer): { reference: string; digest: string; type: string } | undefined {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as {
      critical?: {
        identity?: { 'docker-reference'?: unknown }
        image?: { 'docker-manifest-digest'?: unknown }
        type?: unknown
      }
    }
    const { critical } = parsed
    const reference = critical?.identity?.['docker-reference']
    const digest = critical?.image?.['docker-manifest-digest']
    if (typeof reference !== 'string' || typeof digest !== 'string' || typeof critical?.type !== 'string')
      return undefined
    return { reference, digest, type: critical.type }
  } catch {
    return undefined
  }
}

/**
 * Whether `signature` is the key's signature of `message` (SHA-256): ECDSA in DER, RSA PKCS#1 v1.5, or
 * RSA-PSS with any salt length (KMS uses 32 bytes, the hash length; others the maximum).
 */
export function verifiesWith(publicKey: KeyObject, message: Buffer, signature: Buffer): boolean {
  try {
    if (publicKey.asymmetricKeyType === 'ec')
      return verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)
    if (verify('sha256', message, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature))
      return true
    return verify(
      'sha256',
      message,
      {
        key: publicKey,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_AUTO
      },
      signature
    )
  } catch {
    return false
  }
}

/** A manifest under `sha256-<hex>.sig` and its config, as the registry holds them (or nothing yet). */
export interface SignatureManifest {
  manifest: {
    layers?: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[]
  }
  config?: Buffer
}

/**
 * The `.sig` manifest and config with one more signature layer, as cosign appends one (mutate.Append: the
 * config's diff_ids and history grow, the other signatures are kept). Without an existing one: cosign's
 * empty image with this layer.
 */
export function withSignatureLayer(
  existing: SignatureManifest | undefined,
  payload: Buffer,
  signature: Buffer
): { manifest: Buffer; config: Buffer; layer: { digest: string; size: number } } {
  const layer = { digest: sha256Digest(payload), size: payload.length }
  const config = existing?.config
    ? (JSON.parse(existing.config.toString('utf8')) as ConfigShape)
    : {
        architecture: '',
        created: ZERO_TIME,
        history: [],
        os: '',
        rootfs: { type: 'layers', diff_ids: [] },
        config: {}
      }
  config.history = [...(config.history ?? []), { created: ZERO_TIME }]
  config.rootfs = {
    type: 'layers',
    ...config.rootfs,
    diff_ids: [...(config.rootfs?.diff_ids ?? []), layer.digest]
  }
  const configBytes = Buffer.from(goJson(config))
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: {
      mediaType: BlobMediaType.ociConfig,
      size: configBytes.length,
      digest: sha256Digest(configBytes)
    },
    layers: [
      ...(existing?.manifest.layers ?? []),
      {
        mediaType: SIMPLE_SIGNING,
        size: layer.size,
        digest: layer.digest,
        annotations: { [SIGNATURE_ANNOTATION]: signature.toString('base64') }
      }
    ]
  }
  return { manifest: Buffer.from(goJson(manifest)), config: configBytes, layer }
}

interface ConfigShape {
  history?: object[]
  rootfs?: { type?: string; diff_ids?: string[] }
  [key: string]: unknown
}

/** Go's json.Marshal of these values: compact, and `<`, `>`, `&` escaped as it escapes them. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`)
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
