import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Output } from './constants.js'
import { nonCompliant, toCsv, type ReportDocument } from './document.js'

/** The report's JSON and CSV files, in `dir` (the runner's temp folder), named by the report's time. */
export async function writeReportFiles(
  report: ReportDocument,
  dir: string
): Promise<{ json: string; csv: string }> {
  const stamp = Date.parse(report.generatedAt)
  const json = join(dir, `ecr-report-${stamp}.json`)
  const csv = join(dir, `ecr-report-${stamp}.csv`)
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(csv, toCsv(report))
  return { json, csv }
}

export function setReportOutputs(report: ReportDocument, files: { json: string; csv: string }): void {
  core.setOutput(Output.reportFile, files.json)
  core.setOutput(Output.csvFile, files.csv)
  core.setOutput(Output.repositoryCount, report.totals.repositories)
  core.setOutput(Output.imageCount, report.totals.images)
  core.setOutput(Output.totalBytes, report.totals.bytes)
  core.setOutput(Output.nonCompliant, JSON.stringify(nonCompliant(report)))
}
