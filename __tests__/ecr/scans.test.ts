import { beforeEach, describe, expect, test } from '@jest/globals'
import { DescribeImageScanFindingsCommand, ECRClient, ScanNotFoundException } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import {
  evaluateFindings,
  fromBasic,
  fromEnhanced,
  parseIgnoreList,
  toSarif,
  type Finding
} from '../../src/ecr/scan-findings.js'
import { statusMeaning, waitForScan } from '../../src/ecr/scans.js'
import { inputErrorOf } from '../helpers/input-error.js'

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
beforeEach(() => {
  ecrMock.reset()
})
const NOW = new Date('2026-11-24T12:00:00Z')
const finding = (id: string, severity: Finding['severity']): Finding => ({ id, severity })

describe('statusMeaning', () => {
  test.each([
    ['COMPLETE', 'done', undefined],
    ['ACTIVE', 'done', undefined],
    [undefined, 'wait', undefined],
    ['IN_PROGRESS', 'wait', undefined],
    ['PENDING', 'wait', undefined],
    ['FAILED', 'problem', true],
    ['UNSUPPORTED_IMAGE', 'problem', false],
    ['SCAN_ELIGIBILITY_EXPIRED', 'problem', true],
    ['FINDINGS_UNAVAILABLE', 'problem', true],
    ['LIMIT_EXCEEDED', 'problem', true],
    ['IMAGE_ARCHIVED', 'problem', true],
    ['SOMETHING_NEW', 'problem', true]
  ])('%s → %s', (status, kind, blocking) => {
    const meaning = statusMeaning(status, 'detail')
    expect(meaning.kind).toBe(kind)
    if (meaning.kind === 'problem') {
      expect(meaning.blocking).toBe(blocking)
      expect(meaning.message).toMatch(/: detail$/)
    }
  })
})

describe('evaluateFindings', () => {
  const findings = [
    finding('CVE-1', 'CRITICAL'),
    finding('CVE-2', 'HIGH'),
    finding('CVE-3', 'MEDIUM'),
    finding('CVE-4', 'UNDEFINED'),
    finding('CVE-5', 'UNTRIAGED'),
    finding('CVE-6', 'INFORMATIONAL')
  ]
  test.each([
    ['none fails nothing', 'none', [], []],
    ['CRITICAL', 'CRITICAL', [], ['CVE-1']],
    ['HIGH includes CRITICAL', 'HIGH', [], ['CVE-1', 'CVE-2']],
    [
      'INFORMATIONAL: every ranked severity, not UNDEFINED/UNTRIAGED',
      'INFORMATIONAL',
      [],
      ['CVE-1', 'CVE-2', 'CVE-3', 'CVE-6']
    ],
    ['an ignored finding passes', 'HIGH', [{ id: 'CVE-1' }], ['CVE-2']],
    [
      'an ignore until a future day applies',
      'HIGH',
      [{ id: 'CVE-1', until: new Date('2026-12-01T23:59:59Z') }],
      ['CVE-2']
    ],
    [
      'an expired ignore does not',
      'HIGH',
      [{ id: 'CVE-1', until: new Date('2026-11-01T23:59:59Z') }],
      ['CVE-1', 'CVE-2']
    ]
  ] as const)('%s', (_case, threshold, ignores, blocking) => {
    const result = evaluateFindings(findings, threshold, [...ignores], NOW)
    expect(result.blocking.map(f => f.id)).toEqual(blocking)
  })

  test('UNDEFINED and UNTRIAGED are their own buckets, every bucket a number', () => {
    expect(evaluateFindings(findings, 'none', [], NOW).counts).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 1,
      LOW: 0,
      INFORMATIONAL: 1,
      UNDEFINED: 1,
      UNTRIAGED: 1
    })
  })

  test('expired ignores are reported', () => {
    const expired = { id: 'CVE-9', until: new Date('2026-01-01T23:59:59Z') }
    expect(evaluateFindings([], 'HIGH', [expired], NOW).expired).toEqual([expired])
  })
})

describe('findings from both scanning kinds', () => {
  test('basic', () => {
    expect(
      fromBasic({
        name: 'CVE-2024-0001',
        severity: 'HIGH',
        uri: 'https://cve/1',
        attributes: [
          { key: 'package_name', value: 'openssl' },
          { key: 'package_version', value: '3.0.1' }
        ]
      })
    ).toEqual({
      id: 'CVE-2024-0001',
      severity: 'HIGH',
      package: 'openssl',
      installed: '3.0.1',
      url: 'https://cve/1',
      title: undefined
    })
  })
  test('enhanced, with a free-form severity', () => {
    expect(
      fromEnhanced({
        severity: 'Critical',
        title: 'CVE-2024-0002 - zlib',
        packageVulnerabilityDetails: {
          vulnerabilityId: 'CVE-2024-0002',
          sourceUrl: 'https://nvd/2',
          vulnerablePackages: [{ name: 'zlib', version: '1.2.11', fixedInVersion: '1.2.13' }]
        }
      })
    ).toMatchObject({
      id: 'CVE-2024-0002',
      severity: 'CRITICAL',
      package: 'zlib',
      installed: '1.2.11',
      fixed: '1.2.13'
    })
    expect(fromEnhanced({ severity: 'weird' }).severity).toBe('UNDEFINED')
  })
})

describe('parseIgnoreList', () => {
  test('IDs with and without an end date', () => {
    expect(parseIgnoreList(['CVE-1', 'CVE-2 until=2026-12-31'])).toEqual([
      { id: 'CVE-1' },
      { id: 'CVE-2', until: new Date('2026-12-31T23:59:59.999Z') }
    ])
  })
  test.each(['CVE-1 until=31.12.2026', 'CVE-1 until=2026-13-45', 'CVE-1 forever'])('%s is refused', line => {
    expect(inputErrorOf(() => parseIgnoreList([line])).input).toBe('ignore-vulnerabilities')
  })
})

test('SARIF 2.1.0: one rule per vulnerability, one result per finding', () => {
  const sarif = toSarif(
    [finding('CVE-1', 'CRITICAL'), finding('CVE-1', 'CRITICAL'), finding('CVE-2', 'LOW')],
    'reg/app@sha256:x'
  ) as {
    version: string
    runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[]
  }
  expect(sarif.version).toBe('2.1.0')
  expect(sarif.runs[0]?.tool.driver.rules.map(r => r.id)).toEqual(['CVE-1', 'CVE-2'])
  expect(sarif.runs[0]?.results.map(r => [r.ruleId, r.level])).toEqual([
    ['CVE-1', 'error'],
    ['CVE-1', 'error'],
    ['CVE-2', 'note']
  ])
})

describe('waitForScan', () => {
  const image = { repositoryName: 'team/app', digest: `sha256:${'a'.repeat(64)}` }

  test('waits through not-started and in-progress, then reads every page (basic and enhanced)', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
      .resolvesOnce({ imageScanStatus: { status: 'IN_PROGRESS' } })
      .resolvesOnce({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: { findings: [{ name: 'CVE-1', severity: 'HIGH' }] },
        nextToken: 'p2'
      })
      .resolvesOnce({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: {
          enhancedFindings: [{ severity: 'LOW', packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2' } }]
        }
      })
    const waits: number[] = []
    const result = await waitForScan(client, image, {
      deadline: Infinity,
      sleep: async ms => void waits.push(ms)
    })
    expect(result.status).toBe('COMPLETE')
    expect(result.findings.map(f => f.id)).toEqual(['CVE-1', 'CVE-2'])
    expect(waits).toEqual([2000, 4000])
    expect(
      ecrMock.commandCalls(DescribeImageScanFindingsCommand).map(c => c.args[0].input.nextToken)
    ).toEqual([undefined, undefined, undefined, 'p2'])
  })

  test('a scan that does not finish in time is a blocking problem', async () => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves({ imageScanStatus: { status: 'IN_PROGRESS' } })
    let clock = 0
    const result = await waitForScan(client, image, {
      deadline: 5000,
      sleep: async ms => void (clock += ms),
      now: () => clock
    })
    expect(result.meaning).toEqual({
      kind: 'problem',
      blocking: true,
      message: 'the scan did not finish in time (status IN_PROGRESS)'
    })
  })
})
