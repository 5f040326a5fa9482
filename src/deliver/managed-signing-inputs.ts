import { parseDurationWithin } from '../common/duration.js'
import { InputError, quote } from '../common/errors.js'
import { MAX_SIGNING_PROFILE_ARN, SIGNING_PROFILE_ARN } from '../ecr/signing-rules.js'
import { Input } from './constants.js'

/** ECR managed signing: the AWS Signer profile a rule must sign the repository with, and the wait after a push. */
export interface ManagedSigningInputs {
  profileArn: string
  /** How long the step waits for ECR to report the delivered image signed. */
  timeoutMs: number
}

const SIGNING_TIMEOUT = { fallback: '5m', units: ['s', 'm', 'h'] as const, minMs: 5_000, maxMs: 3_600_000 }

/**
 * Pure: `signing-profile` (an AWS Signer signing-profile ARN, in the shape ECR accepts) and `signing-timeout`.
 * It needs a repository: the rule is about one. Without an image or a source only the rule is ensured.
 */
export function parseManagedSigning(
  get: (name: string) => string,
  repository: string | undefined
): ManagedSigningInputs | undefined {
  const timeoutMs = parseDurationWithin(Input.signingTimeout, get(Input.signingTimeout), SIGNING_TIMEOUT)
  const profileArn = get(Input.signingProfile).trim()
  if (profileArn === '') return undefined
  if (!SIGNING_PROFILE_ARN.test(profileArn) || profileArn.length > MAX_SIGNING_PROFILE_ARN)
    throw new InputError(
      Input.signingProfile,
      `${quote(profileArn)} is not an AWS Signer signing-profile ARN ` +
        '(arn:aws:signer:<region>:<account>:/signing-profiles/<name>, the name letters, digits and _)'
    )
  if (!repository) throw new InputError(Input.signingProfile, 'needs repository: a signing rule covers one')
  return { profileArn, timeoutMs }
}
