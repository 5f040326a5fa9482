/**
 * The API side of the endpoint choice: the host each SDK client of the suite sends its request to under each
 * choice, as the client's own endpoint ruleset resolves it (a request stopped once built: no network). Holds
 * the pinned SDK versions to the hosts ECR and the others publish (an older ruleset resolved a host that does
 * not exist: amazon-ecr-login#808), and shows why the action tells each client explicitly under an override.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { AppRunnerClient, ListServicesCommand } from '@aws-sdk/client-apprunner'
import { BatchClient, DescribeJobDefinitionsCommand } from '@aws-sdk/client-batch'
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { DescribeRegistriesCommand, ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs'
import { Inspector2Client, ListCoverageCommand } from '@aws-sdk/client-inspector2'
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms'
import { awsClientConfig } from '../../src/common/aws.js'
import { variantOf, type AwsService, type EndpointChoice } from '../../src/common/endpoints.js'

interface Sendable {
  send(command: unknown): Promise<unknown>
  middlewareStack: { add(middleware: unknown, options: { step: 'build'; name: string }): void }
}

/** Each service's client and one read-only command of it. */
const CLIENTS: Record<AwsService, (config: object) => [Sendable, unknown]> = {
  ECR: config => [new ECRClient(config), new DescribeRepositoriesCommand({})],
  'ECR PUBLIC': config => [new ECRPUBLICClient(config), new DescribeRegistriesCommand({})],
  ECS: config => [new ECSClient(config), new ListClustersCommand({})],
  Lambda: config => [new LambdaClient(config), new ListFunctionsCommand({})],
  Batch: config => [new BatchClient(config), new DescribeJobDefinitionsCommand({})],
  AppRunner: config => [new AppRunnerClient(config), new ListServicesCommand({})],
  Inspector2: config => [new Inspector2Client(config), new ListCoverageCommand({})],
  'Secrets Manager': config => [new SecretsManagerClient(config), new ListSecretsCommand({})],
  STS: config => [new STSClient(config), new GetCallerIdentityCommand({})],
  KMS: config => [new KMSClient(config), new ListKeysCommand({})]
}

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' }

class Built extends Error {
  constructor(readonly url: string) {
    super('built')
  }
}

/** Where the client would send the request: its URL once built (before signing, retries or the network). */
async function resolvedUrl(service: AwsService, region: string, choice: EndpointChoice): Promise<string> {
  const [client, command] = CLIENTS[service]({
    ...awsClientConfig(service, region, variantOf(choice)),
    credentials
  })
  client.middlewareStack.add(
    () => async (args: { request: { protocol: string; hostname: string; port?: number } }) => {
      const { protocol, hostname, port } = args.request
      throw new Built(`${protocol}//${hostname}${port ? `:${port}` : ''}`)
    },
    { step: 'build', name: 'stopWhenBuilt' }
  )
  try {
    await client.send(command)
  } catch (error) {
    if (error instanceof Built) return error.url
    throw error
  }
  throw new Error('the request was sent')
}

const saved = { ...process.env }
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
  Object.assign(process.env, saved)
})
function withoutOverrides(): void {
  for (const name of Object.keys(process.env))
    if (name.startsWith('AWS_ENDPOINT_URL')) delete process.env[name]
  delete process.env.AWS_USE_DUALSTACK_ENDPOINT
  delete process.env.AWS_USE_FIPS_ENDPOINT
}

describe("each client's endpoint under each choice (its own ruleset)", () => {
  test.each<[AwsService, string, EndpointChoice, string]>([
    ['ECR', 'us-east-1', 'default', 'https://api.ecr.us-east-1.amazonaws.com'],
    ['ECR', 'us-east-1', 'dual-stack', 'https://ecr.us-east-1.api.aws'],
    ['ECR', 'us-east-1', 'fips', 'https://api.ecr-fips.us-east-1.amazonaws.com'],
    ['ECR', 'us-east-1', 'fips-dual-stack', 'https://ecr-fips.us-east-1.api.aws'],
    ['ECR', 'eu-west-1', 'dual-stack', 'https://ecr.eu-west-1.api.aws'],
    ['ECR', 'us-gov-west-1', 'fips', 'https://api.ecr-fips.us-gov-west-1.amazonaws.com'],
    ['ECR', 'cn-north-1', 'default', 'https://api.ecr.cn-north-1.amazonaws.com.cn'],
    ['ECR', 'cn-north-1', 'dual-stack', 'https://ecr.cn-north-1.api.amazonwebservices.com.cn'],
    ['ECR PUBLIC', 'us-east-1', 'default', 'https://api.ecr-public.us-east-1.amazonaws.com'],
    ['ECS', 'us-east-1', 'dual-stack', 'https://ecs.us-east-1.api.aws'],
    ['ECS', 'us-east-1', 'fips', 'https://ecs-fips.us-east-1.amazonaws.com'],
    ['Lambda', 'eu-west-1', 'dual-stack', 'https://lambda.eu-west-1.api.aws'],
    ['Lambda', 'us-east-2', 'fips', 'https://lambda-fips.us-east-2.amazonaws.com'],
    ['Batch', 'us-west-2', 'fips', 'https://fips.batch.us-west-2.amazonaws.com'],
    ['AppRunner', 'us-east-1', 'fips', 'https://apprunner-fips.us-east-1.amazonaws.com'],
    ['Inspector2', 'us-west-1', 'fips', 'https://inspector2-fips.us-west-1.amazonaws.com'],
    ['Secrets Manager', 'eu-west-1', 'dual-stack', 'https://secretsmanager.eu-west-1.amazonaws.com'],
    ['Secrets Manager', 'us-east-1', 'fips', 'https://secretsmanager-fips.us-east-1.amazonaws.com'],
    ['STS', 'eu-west-1', 'dual-stack', 'https://sts.eu-west-1.api.aws'],
    ['STS', 'us-east-1', 'fips-dual-stack', 'https://sts-fips.us-east-1.api.aws'],
    ['STS', 'us-gov-west-1', 'fips', 'https://sts.us-gov-west-1.amazonaws.com'],
    ['KMS', 'us-east-1', 'default', 'https://kms.us-east-1.amazonaws.com'],
    ['KMS', 'ca-central-1', 'fips', 'https://kms-fips.ca-central-1.amazonaws.com']
  ])('%s in %s, %s: %s', async (service, region, choice, url) => {
    withoutOverrides()
    expect(await resolvedUrl(service, region, choice)).toBe(url)
  })

  test('the SDK switches in the environment do not reach a client: it is told explicitly', async () => {
    withoutOverrides()
    process.env.AWS_USE_DUALSTACK_ENDPOINT = 'true'
    process.env.AWS_USE_FIPS_ENDPOINT = 'true'
    expect(await resolvedUrl('ECR', 'us-east-1', 'default')).toBe('https://api.ecr.us-east-1.amazonaws.com')
  })
})

describe('an endpoint override and a choice together', () => {
  test.each<[AwsService, string]>([
    ['ECR', 'AWS_ENDPOINT_URL_ECR'],
    ['ECS', 'AWS_ENDPOINT_URL_ECS'],
    ['Secrets Manager', 'AWS_ENDPOINT_URL_SECRETS_MANAGER'],
    ['STS', 'AWS_ENDPOINT_URL']
  ])('%s: %s wins for the API calls', async (service, variable) => {
    withoutOverrides()
    process.env[variable] = 'http://127.0.0.1:5057'
    for (const choice of ['dual-stack', 'fips', 'fips-dual-stack'] as const)
      expect(await resolvedUrl(service, 'us-east-1', choice)).toBe('http://127.0.0.1:5057')
  })

  test('left to itself, the SDK refuses the pair: why each client is told', async () => {
    withoutOverrides()
    process.env.AWS_ENDPOINT_URL_ECR = 'http://127.0.0.1:5057'
    const client = new ECRClient({ region: 'us-east-1', credentials, useDualstackEndpoint: true })
    await expect(client.send(new DescribeRepositoriesCommand({}))).rejects.toThrow(
      'Invalid Configuration: Dualstack and custom endpoint are not supported'
    )
  })
})
