/**
 * What the report tests share: running the bundled report action, reading its file, and the truth as the
 * ECR API tells it (plain JSON calls, independent of the action's SDK code) and as the front logged the calls.
 */
import { readFileSync } from 'node:fs'
import type { ImageDetail } from '@aws-sdk/client-ecr'
import { ecrApi, newDockerConfig, runStep, testEnv, type StepOptions, type StepResult } from './harness.js'

export const report = (options: Omit<StepOptions, 'dockerConfig'>) =>
  runStep('report/action.yml', 'dist/report/index.js', { dockerConfig: newDockerConfig(), ...options })

export interface Entry {
  repository: string
  region: string
  images: number
  tagged: number
  untagged: number
  indexes: number
  referrers: number
  archived: number
  bytes: number
  archivedBytes: number
  imageBytes: number
  lastPull: string | null
  requirements: Record<string, boolean>
  reasons: string[]
  settings: { mutability: string; scanOnPush: boolean; encryption: string }
  lifecyclePolicy: { present: boolean; rules: number }
  repositoryPolicy: { present: boolean; statements: number; publicAccess: boolean }
}
export interface Report {
  totals: { repositories: number; images: number; bytes: number }
  registries: { region: string; settings?: Record<string, unknown> }[]
  repositories: Entry[]
}
export const fileOf = (result: StepResult) =>
  JSON.parse(readFileSync(result.outputs['report-file'] as string, 'utf8')) as Report

export const REGION = testEnv.AWS_REGION as string
export const REGION2 = testEnv.ECR_TEST_REGION2 as string
export const REGISTRY2 = testEnv.ECR_TEST_REGISTRY2 as string
/** A region with an ECR API (moto's) and no registry of the stand-ins: no other test uses it, so its faults are ours. */
export const QUIET_REGION = 'ca-central-1'
export const OCI = 'application/vnd.oci.image.manifest.v1+json'
export const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

/** What the ECR API says a repository holds: its images (every status) and their distinct blobs' bytes. */
export async function asTheApiSays(repositoryName: string, region = REGION) {
  const { imageDetails } = await ecrApi<{ imageDetails: ImageDetail[] }>(
    'DescribeImages',
    { repositoryName, maxResults: 1000, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } },
    region
  )
  const blobs = new Map<string, number>()
  if (imageDetails.length > 0) {
    const { images } = await ecrApi<{ images: { imageManifest: string }[] }>(
      'BatchGetImage',
      {
        repositoryName,
        imageIds: imageDetails.map(d => ({ imageDigest: d.imageDigest })),
        acceptedMediaTypes: [OCI, ...INDEX_TYPES]
      },
      region
    )
    for (const { imageManifest } of images) {
      const manifest = JSON.parse(imageManifest) as {
        config?: { digest: string; size: number }
        layers?: { digest: string; size: number }[]
      }
      for (const blob of [manifest.config, ...(manifest.layers ?? [])])
        if (blob) blobs.set(blob.digest, blob.size)
    }
  }
  const tagged = imageDetails.filter(d => (d.imageTags ?? []).length > 0).length
  return {
    images: imageDetails.length,
    tagged,
    untagged: imageDetails.length - tagged,
    indexes: imageDetails.filter(d => INDEX_TYPES.has(d.imageManifestMediaType ?? '')).length,
    archived: imageDetails.filter(d => d.imageStatus === 'ARCHIVED').length,
    imageBytes: imageDetails.reduce((sum, d) => sum + (d.imageSizeInBytes ?? 0), 0),
    bytes: [...blobs.values()].reduce((sum, size) => sum + size, 0)
  }
}

/** The ECR API calls the front received since `since` that name one of the repositories. */
export async function apiCallsFor(since: number, prefix: string): Promise<string[]> {
  const response = await fetch(`${testEnv.ECR_TEST_FRONT_URL}/_front/api-calls?since=${since}`)
  const { calls } = (await response.json()) as { calls: { operation: string; repository?: string }[] }
  return calls.filter(c => c.repository?.startsWith(prefix)).map(c => c.operation)
}
export const apiCallMark = async () =>
  ((await (await fetch(`${testEnv.ECR_TEST_FRONT_URL}/_front/api-calls?since=0`)).json()) as { next: number })
    .next

export function pick(entry: Entry, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map(key => [key, (entry as unknown as Record<string, unknown>)[key]]))
}
