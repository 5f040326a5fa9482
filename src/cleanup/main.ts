import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { ActionError, messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import type { ImageStore } from '../ecr/image-store.js'
import { executePlan } from './execute.js'
import { buildImageGraph, toImageRecord } from './graph.js'
import {
  resolveInUse,
  type FoundReference,
  type InUse,
  type RegistryIdentity
} from '../ecr/in-use/references.js'
import { findRepositories, listAll, openRegistry, type Listing } from './registry.js'
import { parseCleanupInputs, type CleanupInputs } from './inputs.js'
import { writePlanFile } from './plan-file.js'
import { planCleanup, type InUseDigests, type Plan } from './planner.js'
import { writeCleanupSummary, type RepositoryReport } from './summary.js'
import { setCleanupOutputs } from './outputs.js'

/**
 * The cleanup action: find the repositories, list every image, find what is in use, plan over the image
 * graph, check the limits, then delete (and, when asked, delete the repositories left empty). Everything
 * is read before anything is deleted: a failed listing or scan deletes nothing.
 */
export async function run(): Promise<void> {
  const inputs = parseCleanupInputs(name => core.getInput(name), process.env)
  for (const warning of inputs.warnings) core.warning(warning)
  const { store, region } = await openRegistry(inputs)
  const now = new Date()

  const { names, identity } = await core.group('Find repositories', () =>
    findRepositories(store, inputs, region)
  )
  const listings = await listAll(store, names)
  const inUse = await core.group('Find images in use', () =>
    findImagesInUse(inputs, identity, region, listings, now)
  )
  const reports = planAll(listings, inputs, inUse, now)

  const total = reports.reduce((sum, r) => sum + r.waves.flat().length, 0)
  const tooMany = total > inputs.maxDeletions
  const planOnly = inputs.dryRun || tooMany
  if (!planOnly) {
    await executeAll(store, reports, listings, { inputs, inUse, now })
    if (inputs.deleteEmptyRepositories) await deleteEmptied(store, reports)
  }
  const planFile = await writePlanFile(reports, planOnly, now, process.env.RUNNER_TEMP || tmpdir())
  await writeCleanupSummary(reports, planOnly, inputs.deleteEmptyRepositories)
  setCleanupOutputs(reports, planFile)

  const verb = planVerb(reports)
  if (tooMany) {
    throw new ActionError(
      `The plan ${verb.present} ${total} images, more than max-deletions (${inputs.maxDeletions}): nothing was ${verb.past}. ` +
        `Check the plan (${planFile}), then raise max-deletions if it is right.`
    )
  }
  if (inputs.dryRun) log.info(`Dry run: ${total} images would be ${verb.past}; nothing was.`)
  const failedCount = reports.reduce((sum, r) => sum + r.failed.length, 0)
  if (failedCount > 0) {
    throw new ActionError(
      `${failedCount} images could not be ${verb.past}; the rest are done (see the job summary)`
    )
  }
  const repositoryFailures = reports.filter(r => r.repositoryDeletion?.startsWith('failed'))
  if (repositoryFailures.length > 0) {
    throw new ActionError(
      `Could not delete ${repositoryFailures.map(r => `${r.name} (${r.repositoryDeletion})`).join(', ')}`
    )
  }
}

/** Scans the deployments and adds in-use-images; empty when nothing is to be scanned or no repository matched. */
async function findImagesInUse(
  inputs: CleanupInputs,
  identity: RegistryIdentity | undefined,
  region: string,
  listings: Map<string, Listing>,
  now: Date
): Promise<InUse> {
  const none: InUse = { byRepository: new Map(), elsewhere: 0, unresolved: [] }
  const { kinds, images } = inputs.inUse
  if (listings.size === 0 || !identity || (kinds.length === 0 && images.length === 0)) {
    if (kinds.length === 0) log.info('keep-in-use is none: no deployment is scanned')
    return none
  }
  const found: FoundReference[] = images.map(image => ({
    image,
    source: 'in-use-images',
    where: 'in-use-images'
  }))
  if (kinds.length > 0) {
    const [{ scanDeployments }, { InUseScanError }] = await Promise.all([
      import('../ecr/in-use/scan.js'),
      import('../ecr/in-use/scan-call.js')
    ])
    const regions = [...new Set([region, ...inputs.inUse.regions])]
    try {
      found.push(
        ...(await scanDeployments({
          kinds,
          regions,
          registryRegions: [region],
          keepRevisions: inputs.inUse.keepRevisions,
          keepPulledWithinMs: inputs.rules.keepPulledWithinMs,
          now,
          endpoint: inputs.endpoint
        }))
      )
    } catch (error) {
      if (!(error instanceof InUseScanError)) throw error
      throw new ActionError(
        `The in-use scan failed, so nothing was deleted: ${error.detail}. Allow ${error.call} for this role ` +
          `(see the README's IAM policy), or leave ${error.kind} out of keep-in-use or its region out of ` +
          'in-use-regions (keep-in-use: none turns the scan off).',
        { cause: error }
      )
    }
  }
  const details = new Map([...listings].map(([name, listing]) => [name, listing.details]))
  const inUse = resolveInUse(found, identity, details)
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
    const archiving = plan.decisions.filter(d => d.verdict === 'archive').length
    const deleting = plan.decisions.filter(d => d.verdict === 'delete').length
    log.info(
      `${name}: ${details.length} images, ${deleting} to delete` +
        (archiving ? `, ${archiving} to archive` : '') +
        (saved.length ? `, ${saved.length} kept because in use` : '')
    )
    return {
      name,
      decisions: plan.decisions,
      waves: plan.waves,
      saved,
      deleted: new Set(),
      archived: new Set(),
      alreadyGone: new Set(),
      spared: new Map(),
      failed: []
    }
  })
}

/**
 * Deletes (or archives) what each repository's plan lets go, one repository after another; each batch is
 * read again and decided again right before its calls (execute.ts).
 */
async function executeAll(
  store: ImageStore,
  reports: RepositoryReport[],
  listings: Map<string, Listing>,
  context: { inputs: CleanupInputs; inUse: InUse; now: Date }
): Promise<void> {
  const { inputs, inUse, now } = context
  for (const report of reports) {
    const listing = listings.get(report.name)
    if (report.waves.length === 0 || !listing) continue
    const verdicts = new Map(report.decisions.map(d => [d.digest, d.verdict]))
    const going = report.waves
      .flat()
      .map(digest => ({ digest, verdict: verdicts.get(digest) as 'delete' | 'archive' }))
    const view = {
      records: new Map(listing.details.map(d => [d.imageDigest ?? '', toImageRecord(d)])),
      graph: buildImageGraph(listing.details, listing.manifests),
      rules: inputs.rules,
      now,
      inUse: inUse.byRepository.get(report.name) ?? new Map(),
      spared: new Map<string, string>()
    }
    const result = await core.group(`Clean up ${report.name}`, () =>
      executePlan(store, report.name, going, view)
    )
    Object.assign(report, result)
  }
}

/** How the step's messages name what the plan does. */
function planVerb(reports: RepositoryReport[]): { present: string; past: string } {
  const verdicts = new Set(reports.flatMap(r => r.decisions.map(d => d.verdict)))
  if (verdicts.has('archive') && verdicts.has('delete'))
    return { present: 'deletes or archives', past: 'deleted or archived' }
  return verdicts.has('archive')
    ? { present: 'archives', past: 'archived' }
    : { present: 'deletes', past: 'deleted' }
}

/**
 * A repository the run left with no image is deleted without `force`: an image pushed meanwhile makes ECR
 * refuse, which is reported, never retried with force. A repository that keeps anything is never emptied.
 */
async function deleteEmptied(store: ImageStore, reports: RepositoryReport[]): Promise<void> {
  for (const report of reports.filter(isLeftEmpty)) {
    try {
      const outcome = await store.deleteEmptyRepository(report.name)
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
