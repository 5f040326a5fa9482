import { BatchClient, paginateDescribeJobDefinitions, type JobDefinition } from '@aws-sdk/client-batch'
import { awsClientConfig } from '../../common/aws.js'
import type { EndpointVariant } from '../../common/endpoints.js'
import type { FoundReference } from './references.js'
import { scanPages } from './scan-call.js'

/**
 * The images of ACTIVE Batch job definitions in one region: per name the `keepRevisions` newest
 * revisions, and at least the newest (the one new jobs run). Container, multi-node, ECS and EKS
 * properties alike.
 */
export async function scanBatch(
  region: string,
  keepRevisions: number,
  endpoint: EndpointVariant,
  client = new BatchClient(awsClientConfig('Batch', region, endpoint))
): Promise<FoundReference[]> {
  const definitions = await scanPages(
    'batch:DescribeJobDefinitions',
    region,
    paginateDescribeJobDefinitions({ client }, { status: 'ACTIVE' }),
    page => page.jobDefinitions
  )
  const byName = new Map<string, JobDefinition[]>()
  for (const definition of definitions) {
    const name = definition.jobDefinitionName ?? ''
    byName.set(name, [...(byName.get(name) ?? []), definition])
  }
  const found: FoundReference[] = []
  for (const [name, revisions] of byName) {
    const newest = revisions
      .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
      .slice(0, Math.max(1, keepRevisions))
    for (const definition of newest) {
      for (const image of imagesOf(definition)) {
        found.push({ image, source: 'batch', where: `job definition ${name}:${definition.revision}` })
      }
    }
  }
  return found
}

function imagesOf(definition: JobDefinition): string[] {
  const images = [
    definition.containerProperties?.image,
    ...(definition.nodeProperties?.nodeRangeProperties ?? []).map(range => range.container?.image),
    ...(definition.ecsProperties?.taskProperties ?? []).flatMap(task =>
      (task.containers ?? []).map(c => c.image)
    ),
    ...(definition.eksProperties?.podProperties?.containers ?? []).map(c => c.image),
    ...(definition.eksProperties?.podProperties?.initContainers ?? []).map(c => c.image)
  ]
  return images.filter((image): image is string => typeof image === 'string' && image !== '')
}
