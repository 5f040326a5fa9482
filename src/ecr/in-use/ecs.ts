import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitionFamilies,
  paginateListTaskDefinitions,
  paginateListTasks
} from '@aws-sdk/client-ecs'
import pLimit from 'p-limit'
import { awsClientConfig } from '../../common/aws.js'
import type { EndpointVariant } from '../../common/endpoints.js'
import { chunks } from '../images.js'
import type { FoundReference } from './references.js'
import { scanCall, scanPages } from './scan-call.js'

/** At once per region: clusters, or task definition families. */
const CONCURRENCY = 4

/**
 * What ECS runs or may run again in one region: every deployment of every service (PRIMARY and ACTIVE:
 * a rollout has two task definitions), running and pending tasks (with the digest each actually runs,
 * which outlives a tag that moved), their task definitions, and the `keepRevisions` newest ACTIVE
 * revisions of each family. DescribeServices takes 10 services, DescribeTasks 100 tasks; each task
 * definition is described once.
 */
export async function scanEcs(
  region: string,
  keepRevisions: number,
  endpoint: EndpointVariant,
  client = new ECSClient(awsClientConfig('ECS', region, endpoint))
): Promise<FoundReference[]> {
  const found: FoundReference[] = []
  const described = new Map<string, Promise<string[]>>()
  const imagesOf = (arn: string): Promise<string[]> => {
    if (!described.has(arn)) {
      described.set(
        arn,
        scanCall('ecs:DescribeTaskDefinition', region, async () => {
          const { taskDefinition } = await client.send(
            new DescribeTaskDefinitionCommand({ taskDefinition: arn })
          )
          return (taskDefinition?.containerDefinitions ?? []).flatMap(c => (c.image ? [c.image] : []))
        })
      )
    }
    return described.get(arn) as Promise<string[]>
  }
  const addTaskDefinition = async (arn: string, where: string) => {
    for (const image of await imagesOf(arn))
      found.push({ image, source: 'ecs', where: `${where}, task definition ${family(arn)}` })
  }

  const clusters = await scanPages(
    'ecs:ListClusters',
    region,
    paginateListClusters({ client }, {}),
    page => page.clusterArns
  )
  const limit = pLimit(CONCURRENCY)
  await Promise.all(
    clusters.map(cluster => limit(() => scanCluster(client, region, cluster, found, addTaskDefinition)))
  )
  if (keepRevisions > 0) await addNewestRevisions(client, region, keepRevisions, addTaskDefinition)
  return found
}

/** One cluster: every deployment of every service, and every running or pending task. */
async function scanCluster(
  client: ECSClient,
  region: string,
  cluster: string,
  found: FoundReference[],
  addTaskDefinition: (arn: string, where: string) => Promise<void>
): Promise<void> {
  const name = `cluster ${cluster.split('/').pop()}`
  const services = await scanPages(
    'ecs:ListServices',
    region,
    paginateListServices({ client, pageSize: 100 }, { cluster }),
    page => page.serviceArns
  )
  for (const batch of chunks(services, 10)) {
    const { services: described = [] } = await scanCall('ecs:DescribeServices', region, () =>
      client.send(new DescribeServicesCommand({ cluster, services: batch }))
    )
    for (const service of described) {
      for (const deployment of service.deployments ?? []) {
        if (!deployment.taskDefinition) continue
        const status = deployment.status?.toLowerCase() ?? 'deployment'
        await addTaskDefinition(
          deployment.taskDefinition,
          `${name}, service ${service.serviceName} (${status})`
        )
      }
    }
  }
  const tasks = await scanPages(
    'ecs:ListTasks',
    region,
    paginateListTasks({ client, pageSize: 100 }, { cluster, desiredStatus: 'RUNNING' }),
    page => page.taskArns
  )
  for (const batch of chunks(tasks, 100)) {
    const { tasks: described = [] } = await scanCall('ecs:DescribeTasks', region, () =>
      client.send(new DescribeTasksCommand({ cluster, tasks: batch }))
    )
    for (const task of described) {
      const where = `${name}, task ${task.taskArn?.split('/').pop()}${task.group ? ` (${task.group})` : ''}`
      for (const container of task.containers ?? []) {
        if (container.image)
          found.push({ image: container.image, digest: container.imageDigest, source: 'ecs', where })
      }
      if (task.taskDefinitionArn) await addTaskDefinition(task.taskDefinitionArn, where)
    }
  }
}

/** The `count` newest ACTIVE revisions of every task definition family. */
async function addNewestRevisions(
  client: ECSClient,
  region: string,
  count: number,
  add: (arn: string, where: string) => Promise<void>
): Promise<void> {
  const families = await scanPages(
    'ecs:ListTaskDefinitionFamilies',
    region,
    paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE' }),
    page => page.families
  )
  const limit = pLimit(CONCURRENCY)
  await Promise.all(
    families.map(name =>
      limit(async () => {
        // familyPrefix is a prefix (`web` lists `web-api` too), and the order of the answer is not relied on:
        // every ACTIVE revision of the family is read, and the newest chosen by revision number.
        const arns = await scanPages(
          'ecs:ListTaskDefinitions',
          region,
          paginateListTaskDefinitions(
            { client, pageSize: 100 },
            { familyPrefix: name, status: 'ACTIVE', sort: 'DESC' }
          ),
          page => page.taskDefinitionArns
        )
        const newest = arns
          .filter(arn => family(arn).replace(/:\d+$/, '') === name)
          .sort((a, b) => revision(b) - revision(a))
          .slice(0, count)
        for (const arn of newest) await add(arn, `newest ${count} revisions of ${name}`)
      })
    )
  )
}

/** `arn:aws:ecs:…:task-definition/web:42` → `web:42`. */
function family(arn: string): string {
  return arn.split('/').pop() ?? arn
}

function revision(arn: string): number {
  return Number(/:(\d+)$/.exec(arn)?.[1] ?? 0)
}
