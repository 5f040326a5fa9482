import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildReport, type ReportDocument, type RepositoryEntry } from '../../src/report/document.js'
import { checkReport, mergeReports, readReports } from '../../src/report/merge.js'
import { inputErrorOf } from '../helpers/input-error.js'
import { entry } from '../helpers/report-entry.js'

const report = (generatedAt: string, repositories: RepositoryEntry[], region = 'eu-west-1'): ReportDocument =>
  buildReport({
    generatedAt,
    prices: { perGbMonth: 0.1, archivePerGbMonth: 0.1 },
    requirements: ['max-images'],
    registries: [{ registryId: '123456789012', region }],
    repositories
  })

describe('mergeReports', () => {
  const eu = report('2026-06-10T00:00:00.000Z', [
    entry({ repository: 'web', bytes: 100 }),
    entry({ repository: 'api', bytes: 200, reasons: ['max-images: images 3, more than 1'] })
  ])
  const us = report(
    '2026-06-11T00:00:00.000Z',
    [entry({ repository: 'web', region: 'us-east-1', bytes: 400 })],
    'us-east-1'
  )

  test('two regions: every repository once, totals summed, the newest time, each registry', () => {
    const merged = mergeReports([eu, us], ['**'])
    expect(merged.repositories.map(r => `${r.region}/${r.repository}`)).toEqual([
      'eu-west-1/api',
      'eu-west-1/web',
      'us-east-1/web'
    ])
    expect(merged.totals).toMatchObject({ repositories: 3, images: 9, bytes: 700, nonCompliant: 1 })
    expect(merged.generatedAt).toBe('2026-06-11T00:00:00.000Z')
    expect(merged.registries.map(r => r.region)).toEqual(['eu-west-1', 'us-east-1'])
    expect(merged.requirements).toEqual(['max-images'])
  })

  test('the same repository in two reports is taken from the newer', () => {
    const newer = report('2026-06-12T00:00:00.000Z', [entry({ repository: 'web', bytes: 999 })])
    const merged = mergeReports([eu, newer], ['**'])
    expect(merged.repositories.find(r => r.repository === 'web')?.bytes).toBe(999)
    expect(merged.totals.repositories).toBe(2)
  })

  test('repositories patterns filter what is kept', () => {
    expect(mergeReports([eu, us], ['api']).repositories.map(r => r.repository)).toEqual(['api'])
  })
})

describe('checkReport', () => {
  test.each<[string, unknown, RegExp]>([
    ['an array', [], /is not a report/],
    ['another schema', { schemaVersion: 2, repositories: [], registries: [] }, /has schemaVersion "2"/],
    ['another file', { schemaVersion: 1 }, /has no repositories\[\] and registries\[\]/],
    ['no time', { schemaVersion: 1, repositories: [], registries: [] }, /has no generatedAt/],
    [
      'a bad entry',
      {
        schemaVersion: 1,
        generatedAt: '2026-01-01T00:00:00Z',
        repositories: [{ repository: 'x' }],
        registries: []
      },
      /holds a repository entry without/
    ]
  ])('%s is refused, naming the file', (_name, value, message) => {
    const error = inputErrorOf(() => checkReport(value, 'reports/a.json'))
    expect(error.input).toBe('merge')
    expect(error.message).toMatch(/"reports\/a.json"/)
    expect(error.message).toMatch(message)
  })
})

describe('readReports: files from the workspace', () => {
  let workspace: string
  const saved = process.env.GITHUB_WORKSPACE
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'report-merge-'))
    process.env.GITHUB_WORKSPACE = workspace
    mkdirSync(join(workspace, 'reports', 'eu'), { recursive: true })
    mkdirSync(join(workspace, 'reports', 'us'), { recursive: true })
  })
  afterEach(() => {
    process.env.GITHUB_WORKSPACE = saved
  })

  test('a glob reads every matching report', async () => {
    writeFileSync(
      join(workspace, 'reports', 'eu', 'report.json'),
      JSON.stringify(report('2026-06-10T00:00:00Z', []))
    )
    writeFileSync(
      join(workspace, 'reports', 'us', 'report.json'),
      JSON.stringify(report('2026-06-11T00:00:00Z', []))
    )
    const files = await readReports(['reports/**/*.json'])
    expect(files.map(f => f.path)).toEqual(['reports/eu/report.json', 'reports/us/report.json'])
  })

  test('a pattern that matches nothing, or a file that is not JSON, is an Input "merge" error', async () => {
    await expect(readReports(['reports/*.json'])).rejects.toThrow(
      /^Input "merge": "reports\/\*.json" matches no file/
    )
    writeFileSync(join(workspace, 'reports', 'bad.json'), '{"secret": ')
    const failure = readReports(['reports/bad.json'])
    await expect(failure).rejects.toThrow(/^Input "merge": reports\/bad.json is not valid JSON/)
    await expect(failure).rejects.not.toThrow(/secret/)
  })
})
