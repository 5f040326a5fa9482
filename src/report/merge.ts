import { isAbsolute, join, relative } from 'node:path'
import picomatch from 'picomatch'
import { InputError, quote } from '../common/errors.js'
import { FileReadError, readFileInside, workspaceRoot } from '../common/files.js'
import { parseJson } from '../common/json.js'
import { Input } from './constants.js'
import {
  buildReport,
  SCHEMA_VERSION,
  type RegistryEntry,
  type ReportDocument,
  type RepositoryEntry
} from './document.js'

/** A report of 1,000 repositories is about 2 MB: far below this. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024
const MAX_REPORTS = 1000

/**
 * The report files the `merge` patterns match in the workspace (where download-artifact puts them), each
 * read, parsed and checked to be a report of this schema. A pattern matching nothing is an error: a matrix
 * job that uploaded nothing must not go unnoticed.
 */
export async function readReports(patterns: string[]): Promise<{ path: string; report: ReportDocument }[]> {
  const root = workspaceRoot()
  const { create } = await import('@actions/glob')
  const files = new Set<string>()
  for (const pattern of patterns) {
    const globber = await create(isAbsolute(pattern) ? pattern : join(root, pattern), {
      followSymbolicLinks: false,
      implicitDescendants: false,
      matchDirectories: false
    })
    const matched = await globber.glob()
    if (matched.length === 0)
      throw new InputError(Input.merge, `${quote(pattern)} matches no file in ${root}`)
    matched.forEach(file => files.add(file))
  }
  if (files.size > MAX_REPORTS)
    throw new InputError(Input.merge, `matches ${files.size} files, more than ${MAX_REPORTS}`)
  return [...files].sort().map(file => {
    const path = relative(root, file) || file
    try {
      const report = parseJson(readFileInside(file, root, MAX_REPORT_BYTES).toString('utf8'))
      return { path, report: checkReport(report, path) }
    } catch (error) {
      if (error instanceof InputError) throw error
      const why = error instanceof FileReadError ? error.message : `${path} ${(error as Error).message}`
      throw new InputError(Input.merge, why)
    }
  })
}

/** The shape a merge relies on, checked: a report file of this action and this schema version. */
export function checkReport(value: unknown, path: string): ReportDocument {
  const report = value as Partial<ReportDocument> | null
  const refuse = (why: string): never => {
    throw new InputError(Input.merge, `${quote(path)} ${why}`)
  }
  if (!report || typeof report !== 'object' || Array.isArray(report))
    return refuse('is not a report (a JSON object)')
  if (report.schemaVersion !== SCHEMA_VERSION)
    refuse(`has schemaVersion ${quote(report.schemaVersion)}; this report action reads ${SCHEMA_VERSION}`)
  if (!Array.isArray(report.repositories) || !Array.isArray(report.registries))
    refuse('has no repositories[] and registries[]: not a report of this action')
  if (typeof report.generatedAt !== 'string' || Number.isNaN(Date.parse(report.generatedAt)))
    refuse('has no generatedAt time')
  for (const entry of report.repositories ?? []) {
    const e = entry as Partial<RepositoryEntry>
    const fields = [e.repository, e.region, e.registryId]
    const numbers = [e.images, e.bytes, e.monthlyCost]
    if (
      fields.some(f => typeof f !== 'string') ||
      numbers.some(n => typeof n !== 'number') ||
      !Array.isArray(e.reasons)
    )
      refuse(
        'holds a repository entry without repository, region, registryId, images, bytes, monthlyCost or reasons'
      )
  }
  return report as ReportDocument
}

/**
 * Pure: one report from several. A repository (or a registry) in more than one is taken from the newest
 * report; `repositories` patterns filter what is kept. The merged report is as new as its newest part (the
 * weeks of its pushes table count back from then) and shows the newest report's prices.
 */
export function mergeReports(reports: ReportDocument[], patterns: string[]): ReportDocument {
  const newestFirst = [...reports].sort((a, b) => Date.parse(b.generatedAt) - Date.parse(a.generatedAt))
  const newest = newestFirst[0]
  if (!newest) throw new InputError(Input.merge, 'matched no report')
  const repositories = new Map<string, RepositoryEntry>()
  const registries = new Map<string, RegistryEntry>()
  const wanted = (name: string) => patterns.some(pattern => picomatch.isMatch(name, pattern))
  for (const report of newestFirst) {
    for (const entry of report.repositories) {
      const key = `${entry.registryId} ${entry.region} ${entry.repository}`
      if (!repositories.has(key) && wanted(entry.repository)) repositories.set(key, entry)
    }
    for (const entry of report.registries) {
      const key = `${entry.registryId} ${entry.region}`
      if (!registries.has(key)) registries.set(key, entry)
    }
  }
  return buildReport({
    generatedAt: newest.generatedAt,
    prices: newest.prices,
    requirements: [...new Set(reports.flatMap(r => r.requirements ?? []))].sort(),
    registries: [...registries.values()],
    repositories: [...repositories.values()]
  })
}
