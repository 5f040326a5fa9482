import {
  DescribeImageScanFindingsCommand,
  GetRegistryScanningConfigurationCommand,
  StartImageScanCommand,
  type ECRClient,
  type DescribeImageScanFindingsCommandOutput
} from '@aws-sdk/client-ecr'
import { pollUntil } from '../common/poll.js'
import { awsErrorName, callAws } from './errors.js'
import { fromBasic, fromEnhanced, type Finding } from './scan-findings.js'

export type ScanKind = 'BASIC' | 'ENHANCED'

/** What a scan status means for the gate. */
export type StatusMeaning =
  | { kind: 'done' }
  | { kind: 'wait' }
  /** The scan cannot give findings; `blocking` when that must fail a gate that has a threshold. */
  | { kind: 'problem'; blocking: boolean; message: string }

/** Pure: every scan status ECR reports, for basic (ends COMPLETE) and enhanced (ends ACTIVE) scanning. */
export function statusMeaning(status: string | undefined, description?: string): StatusMeaning {
  const detail = description ? `: ${description}` : ''
  switch (status) {
    case 'COMPLETE':
      return { kind: 'done' }
    case 'ACTIVE':
      // Enhanced scanning keeps an image ACTIVE (continuously rescanned): its findings are current.
      return { kind: 'done' }
    case undefined:
    case 'IN_PROGRESS':
    case 'PENDING':
      return { kind: 'wait' }
    case 'FAILED':
      return { kind: 'problem', blocking: true, message: `the scan failed${detail}` }
    case 'UNSUPPORTED_IMAGE':
      return {
        kind: 'problem',
        blocking: false,
        message: `ECR cannot scan this image (no supported operating system or packages)${detail}`
      }
    case 'SCAN_ELIGIBILITY_EXPIRED':
      return {
        kind: 'problem',
        blocking: true,
        message: `enhanced scanning no longer scans this image (scan eligibility expired)${detail}`
      }
    case 'FINDINGS_UNAVAILABLE':
      return { kind: 'problem', blocking: true, message: `the findings are unavailable${detail}` }
    case 'LIMIT_EXCEEDED':
      return {
        kind: 'problem',
        blocking: true,
        message: `the scan limit for this image was reached${detail}`
      }
    case 'IMAGE_ARCHIVED':
      return {
        kind: 'problem',
        blocking: true,
        message: `the image is archived and cannot be scanned${detail}`
      }
    default:
      return { kind: 'problem', blocking: true, message: `unknown scan status ${status}${detail}` }
  }
}

export interface ImageRef {
  repositoryName: string
  registryId?: string
  digest: string
}

/** BASIC unless the registry says ENHANCED (a registry that cannot say is taken as BASIC). */
export async function registryScanKind(client: ECRClient): Promise<ScanKind> {
  try {
    const { scanningConfiguration } = await client.send(new GetRegistryScanningConfigurationCommand({}))
    return scanningConfiguration?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC'
  } catch {
    return 'BASIC'
  }
}

/** Starts a basic scan; the once-a-day limit ("already scanned") is not a failure. */
export async function startBasicScan(client: ECRClient, image: ImageRef): Promise<void> {
  await callAws(`StartImageScan ${image.repositoryName}@${image.digest}`, async () => {
    try {
      await client.send(
        new StartImageScanCommand({
          repositoryName: image.repositoryName,
          registryId: image.registryId,
          imageId: { imageDigest: image.digest }
        })
      )
    } catch (error) {
      // Already scanned today: the findings are there. Not there yet: the next poll starts it again.
      const name = awsErrorName(error)
      if (name !== 'LimitExceededException' && name !== 'ImageNotFoundException') throw error
    }
  })
}

export interface ScanResult {
  status: string
  meaning: StatusMeaning
  findings: Finding[]
}

/**
 * Polls the findings with backoff until the scan is done, has a problem, or the deadline passes; then reads
 * every page of findings (basic and enhanced alike).
 */
export async function waitForScan(
  client: ECRClient,
  image: ImageRef,
  options: {
    deadline: number
    /** Called while no scan exists for the image (basic scanning without scan on push starts one). */
    startScan?: () => Promise<void>
    sleep?: (ms: number) => Promise<void>
    now?: () => number
  }
): Promise<ScanResult> {
  let lastStatus: string | undefined
  const result = await pollUntil(
    async () => {
      const first = await describeFindings(client, image, undefined)
      if (!first) await options.startScan?.()
      const status = first?.imageScanStatus?.status
      lastStatus = status
      const meaning = statusMeaning(status, first?.imageScanStatus?.description)
      if (meaning.kind === 'done')
        return { status: status as string, meaning, findings: await allFindings(client, image, first) }
      if (meaning.kind === 'problem') return { status: status as string, meaning, findings: [] }
      return undefined
    },
    {
      deadline: options.deadline,
      baseDelayMs: 2000,
      maxDelayMs: 30_000,
      sleep: options.sleep,
      now: options.now
    }
  )
  return (
    result ?? {
      status: lastStatus ?? 'NOT_STARTED',
      meaning: {
        kind: 'problem',
        blocking: true,
        message: `the scan did not finish in time (status ${lastStatus ?? 'not started'})`
      },
      findings: []
    }
  )
}

/** One page of findings; undefined while the scan has not started (ScanNotFound) or the image is not seen yet. */
async function describeFindings(
  client: ECRClient,
  image: ImageRef,
  nextToken: string | undefined
): Promise<DescribeImageScanFindingsCommandOutput | undefined> {
  return callAws(`DescribeImageScanFindings ${image.repositoryName}@${image.digest}`, async () => {
    try {
      return await client.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: image.repositoryName,
          registryId: image.registryId,
          imageId: { imageDigest: image.digest },
          maxResults: 1000,
          nextToken
        })
      )
    } catch (error) {
      const name = awsErrorName(error)
      if (name === 'ScanNotFoundException' || name === 'ImageNotFoundException') return undefined
      throw error
    }
  })
}

async function allFindings(
  client: ECRClient,
  image: ImageRef,
  first: DescribeImageScanFindingsCommandOutput | undefined
): Promise<Finding[]> {
  const findings: Finding[] = []
  let page = first
  while (page) {
    findings.push(...(page.imageScanFindings?.findings ?? []).map(fromBasic))
    findings.push(...(page.imageScanFindings?.enhancedFindings ?? []).map(fromEnhanced))
    page = page.nextToken ? await describeFindings(client, image, page.nextToken) : undefined
  }
  return findings
}
