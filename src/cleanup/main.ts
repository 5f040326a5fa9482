import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { ActionError, quote } from '../common/errors.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import { getManifests, listImages, listRepositoryNames } from '../ecr/images.js'
import { executeDeletions } from './execute.js'
import { buildImageGraph, manifestsToRead, toImageRecord } from './graph.js'
import { parseCleanupInputs } from './inputs.js'
import { planCleanup, type Plan } from './planner.js'
import { writeCleanupSummary, type RepositoryReport } from './summary.js'
import * as log from '../common/log.js'

/** The cleanup action: list everything, plan over the image graph, check the limits, then delete. */
export async function run(): Promise<void> {
  const inputs = parseCleanupInputs(name => core.getInput(name))
  for (const warning of inputs.warnings) core.warning(warning)
  const ecr = createEcrClient()
  await resolveRegion(ecr)
  const now = new Date()

  const repositories = await core.group('Find repositories', async () => {
    const names = await listRepositoryNames(ecr, inputs.registryId)
    const matched = new Set<string>()
    for (const pattern of inputs.repositories) {
      const hits = names.filter(name => picomatch.isMatch(name, pattern))
      if (hits.length === 0) core.warning(`repositories: ${quote(pattern)} matches no repository`)
      hits.forEach(name => matched.add(name))
    }
    return [...matched].sort()
  })

  // Every listing before any deletion: a failed listing must abort with nothing deleted.
  const plans = new Map<string, Plan>()
  for (const repository of repositories) {
    const details = await listImages(ecr, repository, inputs.registryId)
    const manifests = await getManifests(ecr, repository, manifestsToRead(details), inputs.registryId)
    const plan = planCleanup(
      details.map(toImageRecord),
      buildImageGraph(details, manifests),
      inputs.rules,
      now
    )
    plans.set(repository, plan)
    const going = plan.decisions.filter(d => d.verdict === 'delete').length
    log.info(`${repository}: ${details.length} images, ${going} to delete`)
  }

  const total = [...plans.values()].reduce((sum, plan) => sum + plan.waves.flat().length, 0)
  const reports: RepositoryReport[] = repositories.map(name => ({
    name,
    decisions: plans.get(name)?.decisions ?? [],
    deleted: new Set(),
    alreadyGone: new Set(),
    failed: []
  }))
  const planFile = join(process.env.RUNNER_TEMP || tmpdir(), `ecr-cleanup-plan-${Date.now()}.json`)
  const tooMany = total > inputs.maxDeletions
  if (!inputs.dryRun && !tooMany) {
    for (const report of reports) {
      const waves = plans.get(report.name)?.waves ?? []
      if (waves.length === 0) continue
      const result = await core.group(`Delete from ${report.name}`, () =>
        executeDeletions(ecr, report.name, waves, inputs.registryId)
      )
      report.deleted = result.deleted
      report.alreadyGone = result.alreadyGone
      report.failed = result.failed
    }
  }

  await writeFile(planFile, JSON.stringify(planDocument(reports, inputs.dryRun || tooMany, now), null, 2))
  await writeCleanupSummary(reports, inputs.dryRun || tooMany)
  const deletedDecisions = reports.flatMap(r => r.decisions.filter(d => r.deleted.has(d.digest)))
  const failedCount = reports.reduce((sum, r) => sum + r.failed.length, 0)
  const alreadyGone = reports.reduce((sum, r) => sum + r.alreadyGone.size, 0)
  core.setOutput('deleted-count', deletedDecisions.length)
  core.setOutput('already-gone-count', alreadyGone)
  if (alreadyGone > 0) {
    log.info(
      `${alreadyGone} planned images were gone already (deleted by something else meanwhile): not counted as deleted`
    )
  }
  core.setOutput(
    'deleted-bytes',
    deletedDecisions.reduce((sum, d) => sum + d.size, 0)
  )
  core.setOutput(
    'kept-count',
    reports.reduce((sum, r) => sum + r.decisions.length, 0) - deletedDecisions.length - alreadyGone
  )
  core.setOutput('failed-count', failedCount)
  core.setOutput('plan-file', planFile)

  if (tooMany) {
    throw new ActionError(
      `The plan deletes ${total} images, more than max-deletions (${inputs.maxDeletions}): nothing was deleted. ` +
        `Check the plan (${planFile}), then raise max-deletions if it is right.`
    )
  }
  if (inputs.dryRun) log.info(`Dry run: ${total} images would be deleted; nothing was.`)
  if (failedCount > 0) {
    throw new ActionError(
      `${failedCount} images could not be deleted; the rest are done (see the job summary)`
    )
  }
}

function planDocument(reports: RepositoryReport[], planOnly: boolean, now: Date) {
  return {
    generatedAt: now.toISOString(),
    planOnly,
    repositories: reports.map(r => ({
      name: r.name,
      images: r.decisions.map(d => ({
        digest: d.digest,
        tags: d.tags,
        pushedAt: d.pushedAt.toISOString(),
        size: d.size,
        verdict: d.verdict,
        rule: d.rule,
        deleted: r.deleted.has(d.digest),
        alreadyGone: r.alreadyGone.has(d.digest) || undefined,
        failure: r.failed.find(f => f.digest === d.digest)
      }))
    }))
  }
}
