import { parseDuration } from '../common/duration.js'
import { InputError } from '../common/errors.js'
import { parseBoolean, parseEnum, parseKeyValues, parseLines, parseList } from '../common/inputs.js'
import { parseAccountId } from '../ecr/names.js'
import { withPullAccounts } from '../ecr/policies.js'
import { ENCRYPTION_TYPES, type RepositorySettings } from '../ecr/settings-diff.js'
import { TAG_MUTABILITIES } from '../ecr/mutability.js'
import {
  checkEncryption,
  checkRepositoryPolicyLength,
  checkResourceTags,
  checkTagMutability,
  readLifecyclePolicy,
  readRepositoryPolicy
} from '../ecr/repository-settings.js'
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
  const lifecycle = readLifecyclePolicy(Input.lifecyclePolicy, get(Input.lifecyclePolicy))
  const lifecyclePolicy: PolicyInputs['lifecyclePolicy'] = lifecycle && { ...lifecycle, preview: false }
  const preview = parseBoolean(Input.lifecyclePolicyPreview, get(Input.lifecyclePolicyPreview), false)
  if (preview && !lifecyclePolicy)
    throw new InputError(Input.lifecyclePolicyPreview, 'needs lifecycle-policy')
  if (lifecyclePolicy) lifecyclePolicy.preview = preview
  const policy = readRepositoryPolicy(Input.repositoryPolicy, get(Input.repositoryPolicy))
  const pullAccounts = parseList(get(Input.allowPullAccounts)).map(
    id => parseAccountId(Input.allowPullAccounts, id) as string
  )
  const repositoryPolicy =
    policy || pullAccounts.length > 0 ? withPullAccounts(policy, pullAccounts) : undefined
  if (repositoryPolicy) checkRepositoryPolicyLength(Input.repositoryPolicy, repositoryPolicy)
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
  const tagMutabilityExclusions = checkTagMutability(
    { mutability: Input.imageTagMutability, exclusions: Input.imageTagMutabilityExclusions },
    tagMutability,
    parseList(get(Input.imageTagMutabilityExclusions))
  )
  const encryptionType = parseEnum(Input.encryptionType, get(Input.encryptionType), ENCRYPTION_TYPES)
  const kmsKey = get(Input.kmsKey).trim() || undefined
  checkEncryption({ encryption: Input.encryptionType, kmsKey: Input.kmsKey }, encryptionType, kmsKey)
  const tags = parseKeyValues(Input.repositoryTags, get(Input.repositoryTags))
  checkResourceTags(Input.repositoryTags, tags)
  return {
    tagMutability,
    tagMutabilityExclusions,
    scanOnPush: parseBoolean(Input.scanOnPush, get(Input.scanOnPush)),
    encryptionType,
    kmsKey,
    tags: Object.keys(tags).length > 0 ? tags : undefined
  }
}
