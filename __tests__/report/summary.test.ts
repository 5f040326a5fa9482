import { describe, expect, test } from '@jest/globals'
import { buildReport, type RegistryEntry, type RepositoryEntry } from '../../src/report/document.js'
import { bytesPie, pushesTable, regionTables, settingsTables, summaryHtml } from '../../src/report/summary.js'
import { entry } from '../helpers/report-entry.js'

const report = (repositories: RepositoryEntry[], registries: RegistryEntry[] = []) =>
  buildReport({
    generatedAt: '2026-06-10T00:00:00.000Z',
    prices: { perGbMonth: 0.1, archivePerGbMonth: 0.1 },
    requirements: ['scan-on-push', 'max-images'],
    registries,
    repositories
  })

describe('the job summary', () => {
  test('the pie: the ten largest and "others", labels without anything that could end them', () => {
    const repositories = Array.from({ length: 12 }, (_, i) =>
      entry({ repository: `r${String(i).padStart(2, '0')}`, bytes: 1000 - i })
    )
    repositories.push(entry({ repository: 'x"\n```<b>', bytes: 5000 }))
    const pie = bytesPie(report(repositories))
    expect(pie).toMatch(/^\n```mermaid\npie showData title Bytes by repository\n/)
    const slices = pie.split('\n').filter(line => line.startsWith('    "'))
    expect(slices).toHaveLength(11)
    expect(slices[0]).toBe('    "x______b_" : 5000')
    expect(slices[10]).toBe(`    "others" : ${991 + 990 + 989}`)
    expect(pie.match(/```/g)).toHaveLength(2)
  })

  test('pushes per week: twelve weeks, every repository together', () => {
    const html = pushesTable(
      report([
        entry({ pushesByWeek: { '2026-06-08': 2, '2026-06-01': 1 } }),
        entry({ repository: 'api', pushesByWeek: { '2026-06-08': 3, '2020-01-06': 9 } })
      ])
    )
    expect(html).toContain('<th>Week of</th><th>03-23</th>')
    expect(html).toContain('<td>Images pushed</td><td>0</td>')
    expect(html).toMatch(/<td>1<\/td><td>5<\/td><\/tr><\/table>/)
  })

  test('per region: ✓ and ✗ per requirement, the console link, every registry value escaped', () => {
    const html = regionTables(
      report([
        entry({ requirements: { 'scan-on-push': true, 'max-images': true } }),
        entry({
          repository: 'api<script>',
          requirements: { 'scan-on-push': false, 'max-images': true },
          reasons: ['scan-on-push: scan on push off']
        })
      ])
    )
    expect(html).toContain('<h3>eu-west-1 (123456789012)</h3>')
    expect(html).toContain(
      '<th><code>scan-on-push</code></th><th><code>max-images</code></th><th>Reasons</th>'
    )
    expect(html).toContain('<code>api&lt;script&gt;</code></a>')
    expect(html).not.toContain('<script>')
    expect(html).toContain('<td>✗</td><td>✓</td><td>scan-on-push: scan on push off</td>')
    expect(html).toContain(
      '<a href="https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/web?region=eu-west-1">'
    )
    // The non-compliant first.
    expect(html.indexOf('api&lt;script')).toBeLessThan(html.indexOf('<code>web</code>'))
  })

  test('registry settings: values, "none", and a denied read saying the permission', () => {
    const html = settingsTables([
      {
        registryId: '123456789012',
        region: 'eu-west-1',
        settings: {
          registryPolicy: { notReadable: 'needs ecr:GetRegistryPolicy' },
          replication: { value: { rules: 0, destinations: [] } },
          scanning: {
            value: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', filters: ['*'] }] }
          },
          pullThroughCacheRules: { value: [{ prefix: 'hub<x>', upstream: 'registry-1.docker.io' }] },
          creationTemplates: { value: [] },
          accountSettings: { BLOB_MOUNTING: { value: 'ENABLED' } },
          signing: { value: null }
        }
      },
      { registryId: '210987654321', region: 'us-east-1' }
    ])
    expect(html).toContain('<td>Registry policy</td><td>not readable: needs ecr:GetRegistryPolicy</td>')
    expect(html).toContain('<td>Replication</td><td>none</td>')
    expect(html).toContain('<td>Scanning</td><td>ENHANCED: SCAN_ON_PUSH <code>*</code></td>')
    expect(html).toContain('<code>hub&lt;x&gt; → registry-1.docker.io</code>')
    expect(html).toContain('<td><code>BLOB_MOUNTING</code></td><td><code>ENABLED</code></td>')
    expect(html).toContain('<td>Signing</td><td>none</td>')
    expect(html).toContain('Not read: registry-id names a registry')
  })

  test('the whole: totals, both charts, the tables', () => {
    const html = summaryHtml(report([entry({ pushesByWeek: { '2026-06-08': 3 } })]), 2)
    expect(html).toContain('<h2>ECR report (2 reports merged)</h2>')
    expect(html).toContain('<td>1</td><td>3</td><td>2.93 KiB</td><td>3.91 KiB</td><td>$0.25</td><td>0</td>')
    expect(html).toContain('```mermaid')
    expect(html).toContain('Images pushed per week')
  })

  test('at most 1,500 repository rows in all, the rest said to be in the report file', () => {
    const many = (region: string, count: number) =>
      Array.from({ length: count }, (_, i) => entry({ repository: `r${i}`, region }))
    const html = regionTables(report([...many('eu-west-1', 1000), ...many('us-east-1', 1000)]))
    expect(html.match(/<tr><td>/g)).toHaveLength(1500)
    expect(html).toContain('<p>… and 500 more (see the report file)</p>')
  })
})
