import { InputError, quote } from '../common/errors.js'
import { readJsonInput } from '../common/json.js'
import { MAX_LIFECYCLE_POLICY_CHARS, lintLifecyclePolicy } from './lifecycle-lint.js'
import { MAX_REPOSITORY_POLICY_CHARS } from './policies.js'
import type { EncryptionType } from './settings-diff.js'
import type { TagMutability } from './mutability.js'

/**
 * The checks of a repository's settings as a user declares them, shared by every place that declares
 * them (the deliver action's inputs, the pull-through-cache action's creation templates). Each check
 * throws an InputError naming the setting by the name the caller gives it (`image-tag-mutability` for one,
 * `mutability` inside a template for the other), so the message reads right wherever it comes from.
 */

const EXCLUSION_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/
const MAX_EXCLUSIONS = 5
const MAX_RESOURCE_TAGS = 50
const WITH_EXCLUSION: readonly TagMutability[] = ['IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION']

/** The tag mutability exclusions that go with `mutability`, checked; undefined when it takes none. */
export function checkTagMutability(
  names: { mutability: string; exclusions: string },
  mutability: TagMutability | undefined,
  exclusions: string[]
): string[] | undefined {
  for (const filter of exclusions) {
    if (!EXCLUSION_FILTER.test(filter)) {
      throw new InputError(
        names.exclusions,
        `${quote(filter)} must be 1 to 128 of letters, digits, ".", "_", "-" and "*"`
      )
    }
  }
  if (exclusions.length > MAX_EXCLUSIONS) {
    throw new InputError(names.exclusions, `at most ${MAX_EXCLUSIONS} patterns`)
  }
  const withExclusion = mutability !== undefined && WITH_EXCLUSION.includes(mutability)
  if (exclusions.length > 0 && !withExclusion) {
    throw new InputError(
      names.exclusions,
      `applies only with ${names.mutability} IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`
    )
  }
  if (withExclusion && exclusions.length === 0) {
    throw new InputError(names.exclusions, `is required with ${names.mutability} ${mutability}`)
  }
  return withExclusion ? exclusions : undefined
}

/** A KMS key goes with KMS encryption, and only with it. */
export function checkEncryption(
  names: { encryption: string; kmsKey: string },
  encryptionType: EncryptionType | undefined,
  kmsKey: string | undefined
): void {
  const usesKms = encryptionType === 'KMS' || encryptionType === 'KMS_DSSE'
  if (usesKms && !kmsKey)
    throw new InputError(names.kmsKey, `is required with ${names.encryption} ${encryptionType}`)
  if (kmsKey && !usesKms)
    throw new InputError(names.kmsKey, `applies only with ${names.encryption} KMS or KMS_DSSE`)
}

/** Resource tags within ECR's limits: 50 tags, keys up to 128 characters and not `aws:`, values up to 256. */
export function checkResourceTags(input: string, tags: Record<string, string>): void {
  const entries = Object.entries(tags)
  if (entries.length > MAX_RESOURCE_TAGS) {
    throw new InputError(input, `at most ${MAX_RESOURCE_TAGS} tags per repository`)
  }
  for (const [key, value] of entries) {
    if (key.length > 128) throw new InputError(input, `key ${quote(key)} is longer than 128 characters`)
    if (key.toLowerCase().startsWith('aws:'))
      throw new InputError(input, `key ${quote(key)}: the aws: prefix is reserved`)
    if (value.length > 256)
      throw new InputError(input, `value of ${quote(key)} is longer than 256 characters`)
  }
}

/** A lifecycle policy, inline JSON or a file in the workspace, linted: the text and the linter's warnings. */
export function readLifecyclePolicy(
  input: string,
  raw: string
): { text: string; warnings: string[] } | undefined {
  const lifecycle = readJsonInput(input, raw, MAX_LIFECYCLE_POLICY_CHARS)
  if (!lifecycle) return undefined
  const { errors, warnings } = lintLifecyclePolicy(lifecycle.value, lifecycle.text)
  if (errors.length > 0) throw new InputError(input, errors.join('; '))
  return { text: lifecycle.text, warnings }
}

/**
 * A repository policy, inline JSON or a file in the workspace: a JSON object. The file may be
 * pretty-printed, so up to four times ECR's limit is read; what counts is the compact policy
 * (checkRepositoryPolicyLength, once whatever is merged into it is merged).
 */
export function readRepositoryPolicy(input: string, raw: string): Record<string, unknown> | undefined {
  const policy = readJsonInput(input, raw, 4 * MAX_REPOSITORY_POLICY_CHARS)
  if (!policy) return undefined
  if (typeof policy.value !== 'object' || policy.value === null || Array.isArray(policy.value)) {
    throw new InputError(input, 'must be a JSON object (an IAM policy document)')
  }
  return policy.value as Record<string, unknown>
}

/** The compact policy within ECR's limit. */
export function checkRepositoryPolicyLength(input: string, policy: unknown): void {
  if (JSON.stringify(policy).length > MAX_REPOSITORY_POLICY_CHARS) {
    throw new InputError(input, `is longer than ECR's ${MAX_REPOSITORY_POLICY_CHARS} characters`)
  }
}
