import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  buildImage,
  newDockerConfig,
  runStep,
  testEnv,
  uniqueRepository,
  type StepOptions
} from './harness.js'

// The registry's push notifications reach moto through the bridge (scripts/registry-moto-bridge.py), so
// moto knows what the action pushed and answers DescribeImageScanFindings for it, as ECR would.
const deliver = (options: StepOptions) => runStep('action.yml', 'dist/deliver/index.js', options)

/** Makes moto answer DescribeImageScanFindings for `repository` with this response (moto's own API). */
async function setScanResult(repository: string, response: object): Promise<void> {
  const answer = await fetch(`${testEnv.MOTO_URL}/moto-api/static/ecr/scan-finding-results`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      results: [{ repositoryName: repository, imageId: {}, ...response }],
      region: testEnv.AWS_REGION
    })
  })
  expect(answer.ok).toBe(true)
}

describe('scan gate against the ECR API', () => {
  test('basic scanning: a HIGH finding fails the gate at HIGH, and passes when ignored', async () => {
    await buildImage('it-scan:one', `scan ${Date.now()}`)
    const repository = uniqueRepository('scan')
    const inputs = {
      image: 'it-scan:one',
      repository,
      tags: 'v1',
      scan: 'wait',
      'scan-timeout': '60s',
      'fail-on-severity': 'HIGH'
    }
    // moto's default result for a scanned image: one HIGH finding, CVE-9999-9999 in moto_fake 9.9.9.
    const failing = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(failing.exitCode).toBe(1)
    expect(failing.errors).toHaveLength(1)
    expect(failing.errors[0]).toMatch(/^1 finding at or above HIGH: CVE-9999-9999 \(HIGH, moto_fake\)/)
    expect(failing.outputs['scan-status']).toBe('COMPLETE')
    expect(JSON.parse(failing.outputs.findings as string)).toMatchObject({
      HIGH: 1,
      CRITICAL: 0,
      UNDEFINED: 0
    })
    const sarif = JSON.parse(readFileSync(failing.outputs['findings-file'] as string, 'utf8')) as {
      version: string
      runs: { results: { ruleId: string }[] }[]
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.map(r => r.ruleId)).toEqual(['CVE-9999-9999'])
    expect(failing.summary).toContain('Gate failed')

    const passing = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { ...inputs, 'ignore-vulnerabilities': 'CVE-9999-9999 until=2099-12-31' }
    })
    expect(passing.errors).toEqual([])
    expect(passing.exitCode).toBe(0)
    expect(passing.summary).toContain('HIGH (ignored)')
    expect(passing.summary).toContain('Gate passed.')
  })

  test('enhanced findings (status ACTIVE): the gate reads them, CRITICAL fails', async () => {
    await buildImage('it-scan:two', `enhanced ${Date.now()}`)
    const repository = uniqueRepository('scan')
    await setScanResult(repository, {
      imageScanStatus: { status: 'ACTIVE', description: 'Continuous scan is selected.' },
      imageScanFindings: {
        enhancedFindings: [
          {
            severity: 'CRITICAL',
            title: 'CVE-2024-1111 - zlib',
            packageVulnerabilityDetails: {
              vulnerabilityId: 'CVE-2024-1111',
              sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-1111',
              vulnerablePackages: [{ name: 'zlib', version: '1.2.11', fixedInVersion: '1.2.13' }]
            }
          },
          { severity: 'UNTRIAGED', packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2024-2222' } }
        ]
      }
    })
    const inputs = {
      image: 'it-scan:two',
      repository,
      tags: 'v1',
      scan: 'wait',
      'scan-timeout': '60s',
      'fail-on-severity': 'CRITICAL'
    }
    const result = await deliver({ dockerConfig: newDockerConfig(), inputs })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/^1 finding at or above CRITICAL: CVE-2024-1111 \(CRITICAL, zlib\)/)
    expect(result.outputs['scan-status']).toBe('ACTIVE')
    expect(JSON.parse(result.outputs.findings as string)).toMatchObject({ CRITICAL: 1, UNTRIAGED: 1 })
    expect(result.summary).toContain('1.2.13')

    const ignored = await deliver({
      dockerConfig: newDockerConfig(),
      inputs: { ...inputs, 'ignore-vulnerabilities': 'CVE-2024-1111' }
    })
    expect(ignored.errors).toEqual([])
    expect(ignored.exitCode).toBe(0)
  })
})
