import { InputError, quote } from '../common/errors.js'
import { parseBoolean, parseEnum } from '../common/inputs.js'
import { Input } from './constants.js'

/** Signing with a KMS key in cosign's format: what to sign and how. */
export interface SigningInputs {
  /** A KMS key ID, ARN or alias, resolved with DescribeKey. */
  key: string
  /** `simple`: cosign's `.sig` tag (the widest read); `bundle`: that and a sigstore bundle referrer. */
  format: 'simple' | 'bundle'
  /** Sign each platform manifest of an index too. */
  platforms: boolean
}

/** A key ID (UUID or multi-Region `mrk-` ID), a key or alias ARN, or `alias/…`. */
const KEY =
  /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]{1,256}|alias\/[A-Za-z0-9/_-]{1,250}|(mrk-)?[a-f0-9-]{32,36})$/

/**
 * Pure: signing-key and what goes with it. signature-format and sign-platforms apply only with signing-key,
 * and signing needs something pushed.
 */
export function parseSigning(get: (name: string) => string, pushes: boolean): SigningInputs | undefined {
  const key = get(Input.signingKey).trim()
  const format = parseEnum(Input.signatureFormat, get(Input.signatureFormat), ['simple', 'bundle'] as const)
  const platforms = parseBoolean(Input.signPlatforms, get(Input.signPlatforms), false)
  if (!key) {
    if (format && format !== 'simple')
      throw new InputError(Input.signatureFormat, 'applies only with signing-key')
    if (platforms) throw new InputError(Input.signPlatforms, 'applies only with signing-key')
    return undefined
  }
  if (!KEY.test(key))
    throw new InputError(
      Input.signingKey,
      `${quote(key)} is not a KMS key ID, key ARN, alias ARN or alias/<name>`
    )
  if (!pushes) throw new InputError(Input.signingKey, 'needs image or source: there is nothing to sign')
  return { key, format: format ?? 'simple', platforms }
}
