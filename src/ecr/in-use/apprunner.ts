import { AppRunnerClient, DescribeServiceCommand, paginateListServices } from '@aws-sdk/client-apprunner'
import { awsClientConfig } from '../../common/aws.js'
import type { EndpointVariant } from '../../common/endpoints.js'
import type { FoundReference } from './references.js'
import { scanCall, scanPages } from './scan-call.js'

/** The image each App Runner service in one region deploys (its image repository identifier). */
export async function scanAppRunner(
  region: string,
  endpoint: EndpointVariant,
  client = new AppRunnerClient(awsClientConfig('AppRunner', region, endpoint))
): Promise<FoundReference[]> {
  const services = await scanPages(
    'apprunner:ListServices',
    region,
    paginateListServices({ client }, {}),
    page => page.ServiceSummaryList
  )
  const found: FoundReference[] = []
  for (const summary of services) {
    const { Service } = await scanCall('apprunner:DescribeService', region, () =>
      client.send(new DescribeServiceCommand({ ServiceArn: summary.ServiceArn }))
    )
    const repository = Service?.SourceConfiguration?.ImageRepository
    if (repository?.ImageIdentifier) {
      found.push({
        image: repository.ImageIdentifier,
        source: 'apprunner',
        where: `service ${Service?.ServiceName ?? summary.ServiceName}`
      })
    }
  }
  return found
}
