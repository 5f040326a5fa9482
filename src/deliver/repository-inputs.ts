import { parseDuration } from '../common/duration.js'
import { InputError, quote } from '../common/errors.js'
import { parseBoolean, parseEnum, parseKeyValues, parseLines, parseList } from '../common/inputs.js'
import { readJsonInput } from '../common/json.js'
import { MAX_LIFECYCLE_POLICY_CHARS, lintLifecyclePolicy } from '../ecr/lifecycle-lint.js'
import { parseAccountId } from '../ecr/names.js'
import { MAX_REPOSITORY_POLICY_CHARS, withPullAccounts } from '../ecr/policies.js'
import {
  ENCRYPTION_TYPES,
  TAG_MUTABILITIES,
  type RepositorySettings,
  type TagMutability
} from '../ecr/repositories.js'
import { SEVERITIES, parseIgnoreList, type IgnoreEntry, type Severity } from '../ecr/scan-findings.js'
import { Input } from './constants.js'

/**
 * The inputs about the repository itself: the settings it is created with (and compared against), its
 * policies, and the scan gate. Pure: each parser reads through `get` and checks every rule.
 */

export interface ScanGateInputs {
  wait: boolean
  timeoutMs: number
  failOn: Severity | 'none'
  ignore: IgnoreEntry[]
}

export interface PolicyInputs {
  /** Apply the settings inputs to an existing repository (default: only warn about differences). */
  updateRepository: boolean
  /** A linted lifecycle policy, with the linter's warnings; `preview`: only show what it would do. */
  lifecyclePolicy?: { text: string; warnings: string[]; preview: boolean }
  /** The repository policy to set (with the allow-pull-accounts statement merged in). */
  repositoryPolicy?: Record<string, unknown>
}

const EXCLUSION_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/
const MAX_EXCLUSIONS = 5
const MAX_RESOURCE_TAGS = 50
const WITH_EXCLUSION: readonly TagMutability[] = ['IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION']

export function parseScanGate(get: (name: string) => string, pushes: boolean): ScanGateInputs {
  const wait = (parseEnum(Input.scan, get(Input.scan), ['off', 'wait'] as const) ?? 'off') === 'wait'
  const failOn =
    parseEnum(Input.failOnSeverity, get(Input.failOnSeverity), [...SEVERITIES, 'none'] as const) ?? 'none'
  if (wait && !pushes)
    throw new InputError(Input.scan, 'wait needs image or source: there is nothing to scan')
  if (failOn !== 'none' && !wait) throw new InputError(Input.failOnSeverity, 'needs scan: wait')
  return {
    wait,
    timeoutMs: parseDuration(Input.scanTimeout, get(Input.scanTimeout) || '10m', ['s', 'm', 'h']),
    failOn,
    ignore: parseIgnoreList(parseLines(get(Input.ignoreVulnerabilities)))
  }
}

/** Lifecycle and repository policies and update-repository: all need a repository, all checked here. */
export function parsePolicies(get: (name: string) => string, repository: string | undefined): PolicyInputs {
  const updateRepository = parseBoolean(Input.updateRepository, get(Input.updateRepository), false)
  const lifecycle = readJsonInput(
    Input.lifecyclePolicy,
    get(Input.lifecyclePolicy),
    MAX_LIFECYCLE_POLICY_CHARS
  )
  let lifecyclePolicy: PolicyInputs['lifecyclePolicy']
  if (lifecycle) {
    const { errors, warnings } = lintLifecyclePolicy(lifecycle.value, lifecycle.text)
    if (errors.length > 0) throw new InputError(Input.lifecyclePolicy, errors.join('; '))
    lifecyclePolicy = { text: lifecycle.text, warnings, preview: false }
  }
  const preview = parseBoolean(Input.lifecyclePolicyPreview, get(Input.lifecyclePolicyPreview), false)
  if (preview && !lifecyclePolicy)
    throw new InputError(Input.lifecyclePolicyPreview, 'needs lifecycle-policy')
  if (lifecyclePolicy) lifecyclePolicy.preview = preview
  // The file may be pretty-printed: what counts against ECR's limit is the compact policy, checked below.
  const policy = readJsonInput(
    Input.repositoryPolicy,
    get(Input.repositoryPolicy),
    4 * MAX_REPOSITORY_POLICY_CHARS
  )
  if (policy && (typeof policy.value !== 'object' || policy.value === null || Array.isArray(policy.value))) {
    throw new InputError(Input.repositoryPolicy, 'must be a JSON object (an IAM policy document)')
  }
  const pullAccounts = parseList(get(Input.allowPullAccounts)).map(
    id => parseAccountId(Input.allowPullAccounts, id) as string
  )
  const repositoryPolicy =
    policy || pullAccounts.length > 0
      ? withPullAccounts(policy?.value as Record<string, unknown> | undefined, pullAccounts)
      : undefined
  if (repositoryPolicy && JSON.stringify(repositoryPolicy).length > MAX_REPOSITORY_POLICY_CHARS) {
    throw new InputError(
      Input.repositoryPolicy,
      `is longer than ECR's ${MAX_REPOSITORY_POLICY_CHARS} characters`
    )
  }
  for (const [input, given] of [
    [Input.lifecyclePolicy, lifecyclePolicy],
    [Input.repositoryPolicy, repositoryPolicy],
    [Input.updateRepository, updateRepository || undefined]
  ] as const) {
    if (given && !repository) throw new InputError(input, 'needs repository')
  }
  return { updateRepository, lifecyclePolicy, repositoryPolicy }
}

/** The settings used when the repository is created (and compared with an existing one). */
export function parseRepositorySettings(get: (name: string) => string): RepositorySettings {
  const tagMutability = parseEnum(Input.imageTagMutability, get(Input.imageTagMutability), TAG_MUTABILITIES)
  const exclusions = parseList(get(Input.imageTagMutabilityExclusions))
  for (const filter of exclusions) {
    if (!EXCLUSION_FILTER.test(filter)) {
      throw new InputError(
        Input.imageTagMutabilityExclusions,
        `${quote(filter)} must be 1 to 128 of letters, digits, ".", "_", "-" and "*"`
      )
    }
  }
  if (exclusions.length > MAX_EXCLUSIONS) {
    throw new InputError(Input.imageTagMutabilityExclusions, `at most ${MAX_EXCLUSIONS} patterns`)
  }
  const withExclusion = tagMutability !== undefined && WITH_EXCLUSION.includes(tagMutability)
  if (exclusions.length > 0 && !withExclusion) {
    throw new InputError(
      Input.imageTagMutabilityExclusions,
      'applies only with image-tag-mutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION'
    )
  }
  if (withExclusion && exclusions.length === 0) {
    throw new InputError(
      Input.imageTagMutabilityExclusions,
      `is required with image-tag-mutability ${tagMutability}`
    )
  }

  const encryptionType = parseEnum(Input.encryptionType, get(Input.encryptionType), ENCRYPTION_TYPES)
  const kmsKey = get(Input.kmsKey).trim() || undefined
  const usesKms = encryptionType === 'KMS' || encryptionType === 'KMS_DSSE'
  if (usesKms && !kmsKey)
    throw new InputError(Input.kmsKey, `is required with encryption-type ${encryptionType}`)
  if (kmsKey && !usesKms)
    throw new InputError(Input.kmsKey, 'applies only with encryption-type KMS or KMS_DSSE')

  const tags = parseKeyValues(Input.repositoryTags, get(Input.repositoryTags))
  const tagEntries = Object.entries(tags)
  if (tagEntries.length > MAX_RESOURCE_TAGS) {
    throw new InputError(Input.repositoryTags, `at most ${MAX_RESOURCE_TAGS} tags per repository`)
  }
  for (const [key, value] of tagEntries) {
    if (key.length > 128)
      throw new InputError(Input.repositoryTags, `key ${quote(key)} is longer than 128 characters`)
    if (key.toLowerCase().startsWith('aws:'))
      throw new InputError(Input.repositoryTags, `key ${quote(key)}: the aws: prefix is reserved`)
    if (value.length > 256)
      throw new InputError(Input.repositoryTags, `value of ${quote(key)} is longer than 256 characters`)
  }

  return {
    tagMutability,
    tagMutabilityExclusions: withExclusion ? exclusions : undefined,
    scanOnPush: parseBoolean(Input.scanOnPush, get(Input.scanOnPush)),
    encryptionType,
    kmsKey,
    tags: tagEntries.length > 0 ? tags : undefined
  }
}
