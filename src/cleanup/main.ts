import * as core from '@actions/core'
import type { ECRClient, ImageDetail } from '@aws-sdk/client-ecr'
import { tmpdir } from 'node:os'
import picomatch from 'picomatch'
import { ActionError, messageOf, quote } from '../common/errors.js'
import * as log from '../common/log.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { deleteEmptyRepository, getManifests, listImages, listRepositories } from '../ecr/images.js'
import type { Manifest } from '../registry/media-types.js'
import { executeDeletions } from './execute.js'
import { buildImageGraph, manifestsToRead, toImageRecord } from './graph.js'
import { resolveInUse, type FoundReference, type InUse } from './in-use/references.js'
import { parseCleanupInputs, type CleanupInputs } from './inputs.js'
import { writePlanFile } from './plan-file.js'
import { planCleanup, type InUseDigests, type Plan } from './planner.js'
import { writeCleanupSummary, type RepositoryReport } from './summary.js'
import { Output } from './constants.js'

/** One repository, listed whole: its images and the manifests of its indexes and artifacts. */
interface Listing {
  details: ImageDetail[]
  manifests: Map<string, Manifest>
}

/**
 * The cleanup action: find the repositories, list every image, find what is in use, plan over the image
 * graph, check the limits, then delete (and, when asked, delete the repositories left empty). Everything
 * is read before anything is deleted: a failed listing or scan deletes nothing.
 */
export async function run(): Promise<void> {
  const inputs = parseCleanupInputs(name => core.getInput(name))
  for (const warning of inputs.warnings) core.warning(warning)
  const ecr = createEcrClient()
  const region = await resolveRegion(ecr)
  const now = new Date()

  const { names, accountId } = await core.group('Find repositories', () => findRepositories(ecr, inputs))
  const listings = await listAll(ecr, names, inputs.registryId)
  const inUse = await core.group('Find images in use', () =>
    findImagesInUse(inputs, { accountId, region }, listings, now)
  )
  const reports = planAll(listings, inputs, inUse, now)

  const total = reports.reduce((sum, r) => sum + r.waves.flat().length, 0)
  const tooMany = total > inputs.maxDeletions
  const planOnly = inputs.dryRun || tooMany
  if (!planOnly) {
    await deleteAll(ecr, reports, inputs.registryId)
    if (inputs.deleteEmptyRepositories) await deleteEmptied(ecr, reports, inputs.registryId)
  }
  const planFile = await writePlanFile(reports, planOnly, now, process.env.RUNNER_TEMP || tmpdir())
  await writeCleanupSummary(reports, planOnly, inputs.deleteEmptyRepositories)
  setOutputs(reports, planFile)

  if (tooMany) {
    throw new ActionError(
      `The plan deletes ${total} images, more than max-deletions (${inputs.maxDeletions}): nothing was deleted. ` +
        `Check the plan (${planFile}), then raise max-deletions if it is right.`
    )
  }
  if (inputs.dryRun) log.info(`Dry run: ${total} images would be deleted; nothing was.`)
  const failedCount = reports.reduce((sum, r) => sum + r.failed.length, 0)
  if (failedCount > 0) {
    throw new ActionError(
      `${failedCount} images could not be deleted; the rest are done (see the job summary)`
    )
  }
  const repositoryFailures = reports.filter(r => r.repositoryDeletion?.startsWith('failed'))
  if (repositoryFailures.length > 0) {
    throw new ActionError(
      `Could not delete ${repositoryFailures.map(r => `${r.name} (${r.repositoryDeletion})`).join(', ')}`
    )
  }
}

async function findRepositories(
  ecr: ECRClient,
  inputs: CleanupInputs
): Promise<{ names: string[]; accountId?: string }> {
  const repositories = await listRepositories(ecr, inputs.registryId)
  const matched = new Set<string>()
  for (const pattern of inputs.repositories) {
    const hits = repositories.filter(r => picomatch.isMatch(r.name, pattern))
    if (hits.length === 0) core.warning(`repositories: ${quote(pattern)} matches no repository`)
    hits.forEach(r => matched.add(r.name))
  }
  return { names: [...matched].sort(), accountId: inputs.registryId ?? repositories[0]?.registryId }
}

async function listAll(ecr: ECRClient, names: string[], registryId?: string): Promise<Map<string, Listing>> {
  const listings = new Map<string, Listing>()
  for (const name of names) {
    const details = await listImages(ecr, name, registryId)
    const manifests = await getManifests(ecr, name, manifestsToRead(details), registryId)
    listings.set(name, { details, manifests })
  }
  return listings
}

/** Scans the deployments and adds in-use-images; empty when nothing is to be scanned or no repository matched. */
async function findImagesInUse(
  inputs: CleanupInputs,
  registry: { accountId?: string; region: string },
  listings: Map<string, Listing>,
  now: Date
): Promise<InUse> {
  const none: InUse = { byRepository: new Map(), elsewhere: 0, unresolved: [] }
  const { kinds, images } = inputs.inUse
  if (listings.size === 0 || !registry.accountId || (kinds.length === 0 && images.length === 0)) {
    if (kinds.length === 0) log.info('keep-in-use is none: no deployment is scanned')
    return none
  }
  const found: FoundReference[] = images.map(image => ({
    image,
    source: 'in-use-images',
    where: 'in-use-images'
  }))
  if (kinds.length > 0) {
    const { scanDeployments } = await import('./in-use/scan.js')
    const regions = [...new Set([registry.region, ...inputs.inUse.regions])]
    found.push(
      ...(await scanDeployments({
        kinds,
        regions,
        registryRegion: registry.region,
        keepRevisions: inputs.inUse.keepRevisions,
        keepPulledWithinMs: inputs.rules.keepPulledWithinMs,
        now
      }))
    )
  }
  const details = new Map([...listings].map(([name, listing]) => [name, listing.details]))
  const inUse = resolveInUse(found, { accountId: registry.accountId, region: registry.region }, details)
  const kept = [...inUse.byRepository.values()].reduce((sum, digests) => sum + digests.size, 0)
  log.info(`in use: ${kept} images of the repositories being cleaned`)
  if (inUse.elsewhere > 0)
    log.info(`in use: ${inUse.elsewhere} references to other registries (not this one's to keep)`)
  if (inUse.unresolved.length > 0) {
    log.info(
      `in use: ${inUse.unresolved.length} references by a tag no image holds now: ${inUse.unresolved.slice(0, 10).join(', ')}`
    )
  }
  return inUse
}

function planAll(
  listings: Map<string, Listing>,
  inputs: CleanupInputs,
  inUse: InUse,
  now: Date
): RepositoryReport[] {
  return [...listings].map(([name, { details, manifests }]) => {
    const records = details.map(toImageRecord)
    const graph = buildImageGraph(details, manifests)
    const used: InUseDigests = inUse.byRepository.get(name) ?? new Map()
    const plan: Plan = planCleanup(records, graph, inputs.rules, now, used)
    // What the scan saved: kept now, deleted by the same rules without it.
    const without = used.size > 0 ? planCleanup(records, graph, inputs.rules, now) : plan
    const deletedWithout = new Set(without.decisions.filter(d => d.verdict === 'delete').map(d => d.digest))
    const saved = plan.decisions.filter(d => d.verdict === 'keep' && deletedWithout.has(d.digest))
    log.info(
      `${name}: ${details.length} images, ${plan.waves.flat().length} to delete${saved.length ? `, ${saved.length} kept because in use` : ''}`
    )
    return {
      name,
      decisions: plan.decisions,
      waves: plan.waves,
      saved,
      deleted: new Set(),
      alreadyGone: new Set(),
      failed: []
    }
  })
}

async function deleteAll(ecr: ECRClient, reports: RepositoryReport[], registryId?: string): Promise<void> {
  for (const report of reports) {
    if (report.waves.length === 0) continue
    const result = await core.group(`Delete from ${report.name}`, () =>
      executeDeletions(ecr, report.name, report.waves, registryId)
    )
    report.deleted = result.deleted
    report.alreadyGone = result.alreadyGone
    report.failed = result.failed
  }
}

/**
 * A repository the run left with no image is deleted without `force`: an image pushed meanwhile makes ECR
 * refuse, which is reported, never retried with force. A repository that keeps anything is never emptied.
 */
async function deleteEmptied(
  ecr: ECRClient,
  reports: RepositoryReport[],
  registryId?: string
): Promise<void> {
  for (const report of reports.filter(isLeftEmpty)) {
    try {
      const outcome = await deleteEmptyRepository(ecr, report.name, registryId)
      report.repositoryDeletion =
        outcome === 'deleted' ? 'deleted' : 'not deleted: an image was pushed meanwhile'
      log.info(`${report.name}: repository ${report.repositoryDeletion}`)
    } catch (error) {
      report.repositoryDeletion = `failed: ${messageOf(error)}`
    }
  }
}

/** Whether the plan deletes every image of the repository (or it had none) and nothing failed. */
export function isLeftEmpty(report: RepositoryReport): boolean {
  return report.failed.length === 0 && report.decisions.every(d => d.verdict === 'delete')
}

function setOutputs(reports: RepositoryReport[], planFile: string): void {
  const deleted = reports.flatMap(r => r.decisions.filter(d => r.deleted.has(d.digest)))
  const alreadyGone = reports.reduce((sum, r) => sum + r.alreadyGone.size, 0)
  const all = reports.reduce((sum, r) => sum + r.decisions.length, 0)
  if (alreadyGone > 0) {
    log.info(
      `${alreadyGone} planned images were gone already (deleted by something else meanwhile): not counted as deleted`
    )
  }
  core.setOutput(Output.deletedCount, deleted.length)
  core.setOutput(
    Output.deletedBytes,
    deleted.reduce((sum, d) => sum + d.size, 0)
  )
  core.setOutput(Output.keptCount, all - deleted.length - alreadyGone)
  core.setOutput(Output.alreadyGoneCount, alreadyGone)
  core.setOutput(
    Output.failedCount,
    reports.reduce((sum, r) => sum + r.failed.length, 0)
  )
  core.setOutput(
    Output.inUseCount,
    reports.reduce((sum, r) => sum + r.decisions.filter(d => d.rule === 'in-use').length, 0)
  )
  core.setOutput(
    Output.deletedRepositories,
    reports
      .filter(r => r.repositoryDeletion === 'deleted')
      .map(r => r.name)
      .join('\n')
  )
  core.setOutput(Output.planFile, planFile)
}
