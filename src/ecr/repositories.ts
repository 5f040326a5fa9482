import * as core from '@actions/core'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ListTagsForResourceCommand,
  paginateDescribeRepositories,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  TagResourceCommand,
  type ECRClient,
  type Repository
} from '@aws-sdk/client-ecr'
import { ActionError, messageOf, quote } from '../common/errors.js'
import { awsErrorName, callAws, collectPages, explainAwsError } from './errors.js'
import { exclusionFilters, exclusionsOf } from './mutability.js'
import { diffRepositorySettings, type RepositorySettings, type SettingDifference } from './settings-diff.js'
import * as log from '../common/log.js'

export interface RepositoryRef {
  name: string
  /** The registry's account; undefined means the caller's own. */
  registryId?: string
}

export interface EnsuredRepository {
  repository: Repository
  created: boolean
  /** Not there yet: the caller may not create it, and the push will (ECR's CREATE_ON_PUSH template). */
  createdOnPush?: string
  /** Declared settings that the existing repository does not have. */
  differences: SettingDifference[]
}

/**
 * Makes sure the repository exists: describe, create when missing (with the declared settings),
 * and report how an existing repository differs from what was declared. Never changes an existing one.
 */
export async function ensureRepository(
  client: ECRClient,
  ref: RepositoryRef,
  settings: RepositorySettings,
  options: {
    create: boolean
    /** When CreateRepository is denied: the CREATE_ON_PUSH template that covers the name, if any. */
    onPushTemplate?: () => Promise<{ prefix: string; imageTagMutability?: string } | undefined>
    /** The repository as described already (a read begun while other work ran): not described again. */
    described?: Promise<Repository | undefined>
  }
): Promise<EnsuredRepository> {
  const existing = await (options.described ?? describeRepository(client, ref))
  if (existing) {
    const tags = settings.tags ? await listRepositoryTags(client, existing) : {}
    return {
      repository: existing,
      created: false,
      differences: diffRepositorySettings(existing, tags, settings)
    }
  }
  if (!options.create) {
    throw new ActionError(
      `Repository ${quote(ref.name)} does not exist${ref.registryId ? ` in registry ${ref.registryId}` : ''} ` +
        'and create-repository is false: create it first, or set create-repository: true.'
    )
  }
  try {
    const { repository } = await client.send(
      new CreateRepositoryCommand(createRepositoryRequest(ref, settings))
    )
    if (!repository) throw new ActionError(`CreateRepository returned no repository for ${quote(ref.name)}`)
    return { repository, created: true, differences: [] }
  } catch (error) {
    // Another job created it between our describe and create: that is what we wanted.
    if (awsErrorName(error) === 'RepositoryAlreadyExistsException') {
      log.info(`Repository ${quote(ref.name)} was created concurrently; using it`)
      const repository = await describeRepository(client, ref)
      if (!repository) throw new ActionError(`Repository ${quote(ref.name)} exists but cannot be described`)
      const tags = settings.tags ? await listRepositoryTags(client, repository) : {}
      return { repository, created: false, differences: diffRepositorySettings(repository, tags, settings) }
    }
    const template =
      awsErrorName(error) === 'AccessDeniedException' ? await options.onPushTemplate?.() : undefined
    if (template) {
      log.info(
        `CreateRepository ${ref.name} is denied to this role: the push creates it, from the CREATE_ON_PUSH template ${quote(template.prefix)}`
      )
      const repository = {
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageTagMutability: template.imageTagMutability
      } as Repository
      return { repository, created: false, createdOnPush: template.prefix, differences: [] }
    }
    throw explainAwsError(error, `CreateRepository ${ref.name}`)
  }
}

export function createRepositoryRequest(ref: RepositoryRef, settings: RepositorySettings) {
  return {
    repositoryName: ref.name,
    registryId: ref.registryId,
    imageTagMutability: settings.tagMutability,
    imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions),
    imageScanningConfiguration:
      settings.scanOnPush === undefined ? undefined : { scanOnPush: settings.scanOnPush },
    encryptionConfiguration: settings.encryptionType
      ? { encryptionType: settings.encryptionType, kmsKey: settings.kmsKey }
      : undefined,
    tags: settings.tags ? Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value })) : undefined
  }
}

/** Every repository of the registry with its settings, every page. */
export async function describeAllRepositories(client: ECRClient, registryId?: string): Promise<Repository[]> {
  const pages = paginateDescribeRepositories({ client, pageSize: 1000 }, { registryId })
  return collectPages('DescribeRepositories', pages, page => page.repositories)
}

/** The repository, or undefined when there is none by that name. */
export async function describeRepository(
  client: ECRClient,
  ref: RepositoryRef
): Promise<Repository | undefined> {
  try {
    const { repositories } = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [ref.name], registryId: ref.registryId })
    )
    return repositories?.[0]
  } catch (error) {
    if (awsErrorName(error) === 'RepositoryNotFoundException') return undefined
    throw explainAwsError(error, `DescribeRepositories ${ref.name}`)
  }
}

async function listRepositoryTags(
  client: ECRClient,
  repository: Repository
): Promise<Record<string, string>> {
  try {
    const { tags } = await client.send(
      new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn })
    )
    return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']))
  } catch (error) {
    // Reading tags is only for a warning: lack of ecr:ListTagsForResource must not fail a push.
    core.warning(`Could not read the tags of ${repository.repositoryName}: ${messageOf(error)}`)
    return {}
  }
}

/**
 * Brings an existing repository's mutability, scan-on-push and resource tags to the declared values
 * (update-repository: true). Encryption cannot change after creation: that stays a difference to report.
 * Returns what was changed, one sentence each.
 */
export async function applyRepositorySettings(
  client: ECRClient,
  repository: Repository,
  settings: RepositorySettings
): Promise<string[]> {
  const ref = { repositoryName: repository.repositoryName, registryId: repository.registryId }
  const changed: string[] = []
  const exclusions = exclusionsOf(repository).sort()
  const declaredExclusions = settings.tagMutabilityExclusions?.slice().sort()
  const mutabilityDiffers =
    (settings.tagMutability !== undefined &&
      settings.tagMutability !== (repository.imageTagMutability ?? 'MUTABLE')) ||
    (declaredExclusions !== undefined && declaredExclusions.join('\n') !== exclusions.join('\n'))
  if (mutabilityDiffers) {
    const mutability = settings.tagMutability ?? repository.imageTagMutability ?? 'MUTABLE'
    await callAws(`PutImageTagMutability ${repository.repositoryName}`, () =>
      client.send(
        new PutImageTagMutabilityCommand({
          ...ref,
          imageTagMutability: mutability,
          imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions)
        })
      )
    )
    changed.push(`image-tag-mutability set to ${mutability}`)
  }
  const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false
  if (settings.scanOnPush !== undefined && settings.scanOnPush !== scanOnPush) {
    const imageScanningConfiguration = { scanOnPush: settings.scanOnPush }
    await callAws(`PutImageScanningConfiguration ${repository.repositoryName}`, () =>
      client.send(new PutImageScanningConfigurationCommand({ ...ref, imageScanningConfiguration }))
    )
    changed.push(`scan-on-push set to ${settings.scanOnPush}`)
  }
  if (settings.tags) {
    const current = await listRepositoryTags(client, repository)
    const missing = Object.entries(settings.tags).filter(([key, value]) => current[key] !== value)
    if (missing.length > 0) {
      const tags = missing.map(([Key, Value]) => ({ Key, Value }))
      await callAws(`TagResource ${repository.repositoryName}`, () =>
        client.send(new TagResourceCommand({ resourceArn: repository.repositoryArn, tags }))
      )
      changed.push(`repository tags set: ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}`)
    }
  }
  return changed
}
