import type { ECRClient, ImageDetail, Repository } from '@aws-sdk/client-ecr'
import pLimit from 'p-limit'
import picomatch from 'picomatch'
import * as core from '@actions/core'
import { quote } from '../common/errors.js'
import * as log from '../common/log.js'
import { createEcrClient } from '../ecr/client.js'
import { resolveInUse, type FoundReference } from '../ecr/in-use/references.js'
import type { RegistryEntry, ReportDocument, RepositoryEntry } from './document.js'
import { repositoryEntry, type RepositoryRead } from './facts.js'
import type { ReportInputs } from './inputs.js'
import { describeAllRepositories } from '../ecr/repositories.js'
import { readRepository } from './read.js'
import { readRegistrySettings, registryScansOnPush } from './registry-settings.js'
import { evaluate, type Requirements } from './requirements.js'

/** Regions read at once, and repositories at once in each: the SDK's adaptive retry absorbs throttling. */
const REGION_CONCURRENCY = 3
const REPOSITORY_CONCURRENCY = 8

/** One region opened: its client, the repositories the patterns match, and its registry's settings. */
export interface OpenedRegion {
  region: string
  client: ECRClient
  registryId: string
  repositories: Repository[]
  registry: RegistryEntry
}

/** The repositories the patterns match; a pattern matching none in any region warns once. */
export function matchRepositories(all: Repository[], patterns: string[]): Repository[] {
  return all
    .filter(r => patterns.some(pattern => picomatch.isMatch(r.repositoryName ?? '', pattern)))
    .sort((a, b) => (a.repositoryName ?? '').localeCompare(b.repositoryName ?? ''))
}

/** Every region's repositories listed and its registry-level settings read (unless registry-id names another). */
export async function openRegions(inputs: ReportInputs, regions: string[]): Promise<OpenedRegion[]> {
  const limit = pLimit(REGION_CONCURRENCY)
  const opened = await Promise.all(
    regions.map(region =>
      limit(async () => {
        const client = createEcrClient(region, inputs.endpoint)
        const all = await describeAllRepositories(client, inputs.registryId)
        const repositories = matchRepositories(all, inputs.repositories)
        const settings = inputs.registryId ? undefined : await readRegistrySettings(client)
        const registryId = inputs.registryId ?? all[0]?.registryId ?? ''
        log.info(`${region}: ${repositories.length} of ${all.length} repositories match`)
        return { region, client, registryId, repositories, registry: { registryId, region, settings } }
      })
    )
  )
  for (const pattern of inputs.repositories) {
    const hit = opened.some(o => o.repositories.some(r => picomatch.isMatch(r.repositoryName ?? '', pattern)))
    if (!hit) core.warning(`repositories: ${quote(pattern)} matches no repository`)
  }
  return opened
}

/** Every matched repository of a region read whole, a bounded number at once. */
export async function readRegion(
  opened: OpenedRegion,
  findings: boolean,
  registryId?: string
): Promise<Omit<RepositoryRead, 'inUse' | 'registryScansOnPush'>[]> {
  const limit = pLimit(REPOSITORY_CONCURRENCY)
  return Promise.all(
    opened.repositories.map(repository =>
      limit(() => readRepository(opened.client, repository, { registryId, findings }))
    )
  )
}

/** Pure: a repository's entry judged by the requirements: each rule met or not, and the reasons. */
export function judge(entry: RepositoryEntry, requirements: Requirements): RepositoryEntry {
  const results = evaluate(requirements, entry)
  return {
    ...entry,
    requirements: Object.fromEntries(results.map(r => [r.rule, r.met])),
    reasons: results.flatMap(r => (r.reason ? [r.reason] : []))
  }
}

/**
 * Pure: a region's entries from what was read. The references found in use count in the region whose
 * registry they name (`found` undefined: in-use was not asked).
 */
export function regionEntries(
  opened: Pick<OpenedRegion, 'region' | 'registryId' | 'registry'>,
  reads: Omit<RepositoryRead, 'inUse' | 'registryScansOnPush'>[],
  context: {
    requirements: Requirements
    prices: ReportDocument['prices']
    now: Date
    found?: FoundReference[]
  }
): RepositoryEntry[] {
  const details = new Map<string, ImageDetail[]>(
    reads.map(r => [r.repository.repositoryName ?? '', r.details])
  )
  const inUse = context.found
    ? resolveInUse(context.found, { accountId: opened.registryId, region: opened.region }, details)
    : undefined
  const scanning = opened.registry.settings?.scanning
  return reads.map(read => {
    const name = read.repository.repositoryName ?? ''
    const used = inUse ? new Set(inUse.byRepository.get(name)?.keys() ?? []) : undefined
    const entry = repositoryEntry(
      { ...read, inUse: used, registryScansOnPush: registryScansOnPush(scanning, name) },
      { region: opened.region, registryId: opened.registryId, prices: context.prices, now: context.now }
    )
    return judge(entry, context.requirements)
  })
}
