import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { ActionError } from '../common/errors.js'
import * as log from '../common/log.js'
import { createEcrClient, resolveRegion } from '../ecr/client.js'
import type { AwsService } from '../common/endpoints.js'
import { refuseUnofferedEndpoints } from '../ecr/endpoints.js'
import { SCAN_SERVICES, type FoundReference } from '../ecr/in-use/references.js'
import { openRegions, readRegion, regionEntries, type OpenedRegion } from './collect.js'
import { buildReport, nonCompliant, type ReportDocument } from './document.js'
import { parseReportInputs, type ReportInputs } from './inputs.js'
import { writeReportFiles, setReportOutputs } from './outputs.js'
import { RULE_NAMES } from './requirements.js'
import { Input } from './constants.js'
import { writeReportSummary } from './summary.js'

/**
 * The report action: read every matched repository of every region (or merge report files, calling no
 * AWS API), judge each by the requirements, write the JSON and CSV files, the summary and the outputs,
 * and only then fail when asked to and a repository is non-compliant. It never writes to a registry.
 */
export async function run(): Promise<void> {
  const inputs = parseReportInputs(name => core.getInput(name))
  const { report, merged } =
    inputs.merge.length > 0
      ? await core.group('Merge reports', () => mergeFiles(inputs))
      : { report: await readRegistries(inputs), merged: 0 }

  const files = await writeReportFiles(report, process.env.RUNNER_TEMP || tmpdir())
  await writeReportSummary(report, merged)
  setReportOutputs(report, files)
  log.info(
    `${report.totals.repositories} repositories, ${report.totals.images} images, ${report.totals.bytes} bytes, ` +
      `${report.totals.nonCompliant} non-compliant; report: ${files.json}`
  )

  const failing = nonCompliant(report)
  if (inputs.failOn === 'non-compliant' && failing.length > 0) {
    throw new ActionError(
      `${failing.length} repositories are non-compliant: ` +
        failing.map(f => `${f.repository} (${f.region}): ${f.reasons.join('; ')}`).join(' | ')
    )
  }
}

/** The report from the registries: regions opened, in-use scanned (when asked), repositories read and judged. */
async function readRegistries(inputs: ReportInputs): Promise<ReportDocument> {
  const now = new Date()
  const regions =
    inputs.regions.length > 0
      ? inputs.regions
      : [await resolveRegion(createEcrClient(undefined, inputs.endpoint))]
  // Every API of every region read offers the endpoint chosen, or nothing is called.
  const services: AwsService[] = ['ECR', ...inputs.inUse.map(kind => SCAN_SERVICES[kind])]
  refuseUnofferedEndpoints(
    Input.endpoint,
    inputs.endpoint,
    regions.map(region => ({ region, services })),
    process.env
  )
  const opened = await core.group('Find repositories', () => openRegions(inputs, regions))
  const found = await core.group('Find images in use', () => scanInUse(inputs, opened, now))
  const repositories = []
  for (const region of opened) {
    const reads = await core.group(`Read ${region.region}`, () =>
      readRegion(region, inputs.findings, inputs.registryId)
    )
    repositories.push(
      ...regionEntries(region, reads, {
        requirements: inputs.requirements,
        prices: inputs.prices,
        now,
        found
      })
    )
  }
  return buildReport({
    generatedAt: now.toISOString(),
    prices: inputs.prices,
    requirements: RULE_NAMES.filter(rule => inputs.requirements[rule] !== undefined),
    registries: opened.map(o => o.registry),
    repositories
  })
}

/** The deployments of the chosen kinds in every region read; undefined when in-use is none. */
async function scanInUse(
  inputs: ReportInputs,
  opened: OpenedRegion[],
  now: Date
): Promise<FoundReference[] | undefined> {
  if (inputs.inUse.length === 0) {
    log.info('in-use is none: no deployment is scanned')
    return undefined
  }
  const [{ scanDeployments }, { InUseScanError }] = await Promise.all([
    import('../ecr/in-use/scan.js'),
    import('../ecr/in-use/scan-call.js')
  ])
  try {
    // Each region's deployments, and Inspector's coverage of each region's registry there, a few regions at
    // once. What is in use is what runs now: no older revisions (keepRevisions 0; Batch keeps each
    // definition's newest).
    const regions = opened.map(region => region.region)
    return await scanDeployments({
      kinds: inputs.inUse,
      regions,
      registryRegions: regions,
      keepRevisions: 0,
      now,
      endpoint: inputs.endpoint
    })
  } catch (error) {
    if (!(error instanceof InUseScanError)) throw error
    throw new ActionError(
      `${error.message}, or leave ${error.kind} out of in-use (in-use: none turns the scan off). No report was written.`,
      { cause: error }
    )
  }
}

/** One report from report files, without an AWS call. */
async function mergeFiles(inputs: ReportInputs): Promise<{ report: ReportDocument; merged: number }> {
  const { readReports, mergeReports } = await import('./merge.js')
  const files = await readReports(inputs.merge)
  for (const { path, report } of files)
    log.info(`${path}: ${report.repositories.length} repositories, generated ${report.generatedAt}`)
  return {
    report: mergeReports(
      files.map(f => f.report),
      inputs.repositories
    ),
    merged: files.length
  }
}
