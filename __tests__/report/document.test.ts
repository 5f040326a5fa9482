import { describe, expect, test } from '@jest/globals'
import {
  buildReport,
  csvField,
  monthlyCost,
  nonCompliant,
  toCsv,
  type RepositoryEntry
} from '../../src/report/document.js'
import { entry } from '../helpers/report-entry.js'

const parts = (repositories: RepositoryEntry[]) => ({
  generatedAt: '2026-06-10T00:00:00.000Z',
  prices: { perGbMonth: 0.1, archivePerGbMonth: 0.1 },
  requirements: [],
  registries: [],
  repositories
})

describe('the JSON report', () => {
  test('totals are the sums; repositories in a stable order; non-compliant lists the reasons', () => {
    const report = buildReport(
      parts([
        entry({ repository: 'web', region: 'us-east-1', reasons: ['max-images: images 3, more than 1'] }),
        entry({ repository: 'api', bytes: 100, images: 1, monthlyCost: 0.12345 }),
        entry({ repository: 'web' })
      ])
    )
    expect(report.repositories.map(r => `${r.region}/${r.repository}`)).toEqual([
      'eu-west-1/api',
      'eu-west-1/web',
      'us-east-1/web'
    ])
    expect(report.totals).toEqual({
      repositories: 3,
      images: 7,
      bytes: 6100,
      imageBytes: 12000,
      monthlyCost: 0.6235,
      nonCompliant: 1
    })
    expect(nonCompliant(report)).toEqual([
      { repository: 'web', region: 'us-east-1', reasons: ['max-images: images 3, more than 1'] }
    ])
  })

  test('monthly cost: standard and archived blobs at their prices, per GiB', () => {
    expect(monthlyCost(10 * 2 ** 30, 0, { perGbMonth: 0.1, archivePerGbMonth: 0.05 })).toBe(1)
    expect(monthlyCost(10 * 2 ** 30, 4 * 2 ** 30, { perGbMonth: 0.1, archivePerGbMonth: 0.05 })).toBe(0.8)
    expect(monthlyCost(0, 0, { perGbMonth: 0.1, archivePerGbMonth: 0.1 })).toBe(0)
  })
})

describe('the CSV file', () => {
  test.each<[unknown, string]>([
    ['plain', 'plain'],
    [42, '42'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"]
  ])('field %p', (value, field) => expect(csvField(value)).toBe(field))

  test('a header and one row per repository, CRLF', () => {
    const csv = toCsv(
      buildReport(
        parts([entry({ reasons: ['scan-on-push: scan on push off', 'max-images: images 3, more than 1'] })])
      )
    )
    const [header, row, end] = csv.split('\r\n')
    expect(header?.split(',').slice(0, 4)).toEqual(['registryId', 'region', 'repository', 'images'])
    expect(header?.split(',')).toHaveLength(28)
    expect(row).toMatch(/^123456789012,eu-west-1,web,3,2,1,0,0,0,3000,0,4000,0.25,2026-06-02T00:00:00.000Z,/)
    expect(row).toMatch(/,false,"scan-on-push: scan on push off; max-images: images 3, more than 1"$/)
    expect(end).toBe('')
  })
})
