import * as core from '@actions/core'
import * as log from '../common/log.js'
import { Output } from './constants.js'
import type { RepositoryReport } from './summary.js'

/** The counts the step outputs, from what each repository's execution did (nothing, in a dry run). */
export function setCleanupOutputs(reports: RepositoryReport[], planFile: string): void {
  const done = (set: (r: RepositoryReport) => Set<string>) =>
    reports.flatMap(r => r.decisions.filter(d => set(r).has(d.digest)))
  const deleted = done(r => r.deleted)
  const archived = done(r => r.archived)
  const sum = (count: (r: RepositoryReport) => number) => reports.reduce((total, r) => total + count(r), 0)
  const alreadyGone = sum(r => r.alreadyGone.size)
  const all = sum(r => r.decisions.length)
  if (alreadyGone > 0) {
    log.info(
      `${alreadyGone} planned images were gone (or archived) already, by something else meanwhile: not counted as done`
    )
  }
  core.setOutput(Output.deletedCount, deleted.length)
  core.setOutput(
    Output.deletedBytes,
    deleted.reduce((total, d) => total + d.size, 0)
  )
  core.setOutput(Output.archivedCount, archived.length)
  core.setOutput(
    Output.archivedBytes,
    archived.reduce((total, d) => total + d.size, 0)
  )
  core.setOutput(Output.keptCount, all - deleted.length - archived.length - alreadyGone)
  core.setOutput(Output.alreadyGoneCount, alreadyGone)
  core.setOutput(
    Output.sparedCount,
    sum(r => r.spared.size)
  )
  core.setOutput(
    Output.failedCount,
    sum(r => r.failed.length)
  )
  core.setOutput(
    Output.inUseCount,
    sum(r => r.decisions.filter(d => d.rule === 'in-use').length)
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
