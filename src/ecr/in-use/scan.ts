import pLimit from 'p-limit'
import type { EndpointVariant } from '../../common/endpoints.js'
import * as log from '../../common/log.js'
import type { FoundReference, ScanKind } from './references.js'

export interface ScanOptions {
  kinds: readonly ScanKind[]
  /** Regions whose deployments may pull from the registry, the registry's own first. */
  regions: readonly string[]
  /** The regions whose registry is read: Inspector covers its own region's registry, so it is asked there only. */
  registryRegions: readonly string[]
  keepRevisions: number
  keepPulledWithinMs?: number
  now: Date
  /** The endpoint variant every scanner's client is told (checked per region before: ecr/endpoints.ts). */
  endpoint: EndpointVariant
}

/** Regions scanned at once; the kinds within a region run one after another. */
const REGION_CONCURRENCY = 3

/**
 * Reads every deployment of the chosen kinds in every region and returns the image references found.
 * Each kind's client is loaded only when that kind is scanned. Any failure rejects the whole scan:
 * the caller then deletes nothing.
 */
export async function scanDeployments(options: ScanOptions): Promise<FoundReference[]> {
  const limit = pLimit(REGION_CONCURRENCY)
  const perRegion = await Promise.all(
    options.regions.map(region =>
      limit(async () => {
        const found: FoundReference[] = []
        for (const kind of options.kinds) {
          if (kind === 'inspector' && !options.registryRegions.includes(region)) continue
          const references = await scanKind(kind, region, options)
          log.info(
            `in use: ${kind} in ${region}: ${references.length} image reference${references.length === 1 ? '' : 's'}`
          )
          found.push(...references)
        }
        return found
      })
    )
  )
  return perRegion.flat()
}

async function scanKind(kind: ScanKind, region: string, options: ScanOptions): Promise<FoundReference[]> {
  switch (kind) {
    case 'ecs':
      return (await import('./ecs.js')).scanEcs(region, options.keepRevisions, options.endpoint)
    case 'lambda':
      return (await import('./lambda.js')).scanLambda(region, options.keepRevisions, options.endpoint)
    case 'batch':
      return (await import('./batch.js')).scanBatch(region, options.keepRevisions, options.endpoint)
    case 'apprunner':
      return (await import('./apprunner.js')).scanAppRunner(region, options.endpoint)
    case 'inspector':
      return (await import('./inspector.js')).scanInspector(
        region,
        { keepPulledWithinMs: options.keepPulledWithinMs, now: options.now },
        options.endpoint
      )
  }
}
