import type { Repository } from '@aws-sdk/client-ecr'
import { quote } from '../common/errors.js'
import { exclusionsOf, type TagMutability } from './mutability.js'

/** Pure: repository settings as declared, and how an existing repository differs from them. */

export const ENCRYPTION_TYPES = ['AES256', 'KMS', 'KMS_DSSE'] as const
export type EncryptionType = (typeof ENCRYPTION_TYPES)[number]

/** The settings a user declared. Undefined means "not given": ECR's default on creation, no comparison after. */
export interface RepositorySettings {
  tagMutability?: TagMutability
  tagMutabilityExclusions?: string[]
  scanOnPush?: boolean
  encryptionType?: EncryptionType
  kmsKey?: string
  tags?: Record<string, string>
}

/** A declared setting an existing repository does not have. */
export interface SettingDifference {
  /** The input that declares it (`scan-on-push`), or `repository tag <key>`. */
  setting: string
  /** What the repository has; undefined when it has nothing (a missing resource tag). */
  current: string | undefined
  declared: string
  /** Whether update-repository can bring it in line (encryption cannot change after creation). */
  changeable: boolean
}

/** `scan-on-push is false, declared true`; `repository tag team is missing, declared "core"`. */
export function describeDifference(difference: SettingDifference): string {
  const { setting, current, declared } = difference
  if (setting.startsWith('repository tag ')) {
    return current === undefined
      ? `${setting} is missing, declared ${quote(declared)}`
      : `${setting} is ${quote(current)}, declared ${quote(declared)}`
  }
  const verb = setting === 'image-tag-mutability-exclusions' ? 'are' : 'is'
  const note = difference.changeable ? '' : ' (encryption cannot change after creation)'
  return `${setting} ${verb} ${current}, declared ${declared}${note}`
}

/** Pure: what the declared settings would change on an existing repository. */
export function diffRepositorySettings(
  repository: Repository,
  actualTags: Record<string, string>,
  desired: RepositorySettings
): SettingDifference[] {
  const differences: SettingDifference[] = []
  const differ = (setting: string, current: string | undefined, declared: string, changeable = true) =>
    differences.push({ setting, current, declared, changeable })
  const actualMutability = repository.imageTagMutability ?? 'MUTABLE'
  if (desired.tagMutability && desired.tagMutability !== actualMutability) {
    differ('image-tag-mutability', actualMutability, desired.tagMutability)
  }
  if (desired.tagMutabilityExclusions) {
    const actual = exclusionsOf(repository).sort()
    const wanted = [...desired.tagMutabilityExclusions].sort()
    if (actual.join('\n') !== wanted.join('\n')) {
      differ('image-tag-mutability-exclusions', `[${actual.join(', ')}]`, `[${wanted.join(', ')}]`)
    }
  }
  const actualScan = repository.imageScanningConfiguration?.scanOnPush ?? false
  if (desired.scanOnPush !== undefined && desired.scanOnPush !== actualScan) {
    differ('scan-on-push', String(actualScan), String(desired.scanOnPush))
  }
  const actualEncryption = repository.encryptionConfiguration?.encryptionType ?? 'AES256'
  if (desired.encryptionType && desired.encryptionType !== actualEncryption) {
    differ('encryption-type', actualEncryption, desired.encryptionType, false)
  }
  const actualKey = repository.encryptionConfiguration?.kmsKey
  if (desired.kmsKey && actualKey && !sameKmsKey(actualKey, desired.kmsKey)) {
    differ('kms-key', actualKey, desired.kmsKey, false)
  }
  for (const [key, value] of Object.entries(desired.tags ?? {})) {
    if (actualTags[key] !== value)
      differ(`repository tag ${key}`, key in actualTags ? actualTags[key] : undefined, value)
  }
  return differences
}

/** A key given as ID, alias or ARN matches the ARN ECR reports when the ARN ends with it. */
export function sameKmsKey(actualArn: string, declared: string): boolean {
  return (
    actualArn === declared || actualArn.endsWith(`:key/${declared}`) || actualArn.endsWith(`:${declared}`)
  )
}
