import { partition } from '@aws-sdk/core/client'
import { choiceOf, type AwsService, type EndpointChoice, type EndpointVariant } from './endpoints.js'

/**
 * Where each AWS API the actions call offers its dual-stack and FIPS endpoints. Pure. The host names come
 * from each client's own endpoint ruleset; those rulesets answer for any region of a partition that
 * supports a variant at all (`ecr-fips.eu-west-1.api.aws`, which does not exist), so which regions really
 * have one is this table's to say. Sources: the per-region variants of AWS's endpoint data (botocore
 * endpoints.json, 1.43) and the services' own pages (ECR "Making requests to Amazon ECR registries", ECS
 * "Using Amazon ECS dual-stack endpoints", IAM "Dual-stack endpoint support" for STS). What no source
 * confirms is refused rather than guessed.
 */

/** Where a variant is offered: every region of these partitions, and these regions. */
interface Where {
  partitions?: readonly string[]
  regions?: readonly string[]
}

type Offer = Partial<Record<Exclude<EndpointChoice, 'default'>, Where>>

const US = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']
const GOV = ['us-gov-east-1', 'us-gov-west-1']
const CANADA = ['ca-central-1', 'ca-west-1']
const DUAL_STACK_PARTITIONS = { partitions: ['aws', 'aws-cn', 'aws-us-gov'] }

const OFFERS: Record<AwsService, Offer> = {
  ECR: {
    'dual-stack': DUAL_STACK_PARTITIONS,
    fips: { regions: [...US, ...GOV] },
    'fips-dual-stack': { regions: [...US, ...GOV] }
  },
  // ECR Public's dual-stack registry host is not confirmed, nor any FIPS endpoint: IPv4 only.
  'ECR PUBLIC': {},
  ECS: { 'dual-stack': { partitions: ['aws'] }, fips: { regions: [...US, ...GOV] } },
  Lambda: { 'dual-stack': DUAL_STACK_PARTITIONS, fips: { regions: [...US, ...GOV] } },
  Batch: { fips: { regions: [...US, ...GOV] } },
  AppRunner: { fips: { regions: ['us-east-1', 'us-east-2', 'us-west-2'] } },
  Inspector2: { fips: { regions: [...US, ...GOV] } },
  'Secrets Manager': {
    'dual-stack': DUAL_STACK_PARTITIONS,
    fips: { regions: [...US, ...CANADA, ...GOV] },
    'fips-dual-stack': { regions: [...US, ...CANADA, ...GOV] }
  },
  // KMS: FIPS endpoints (kms-fips.<region>) in the US, Canada and GovCloud; no dual-stack one confirmed.
  KMS: { fips: { regions: [...US, ...CANADA, ...GOV] } },
  STS: {
    'dual-stack': DUAL_STACK_PARTITIONS,
    fips: { regions: [...US, ...GOV] },
    'fips-dual-stack': { regions: [...US, ...CANADA] }
  }
}

/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, ...), as the SDK's endpoint rules say. */
export function partitionOf(region: string): string {
  return partition(region).name
}

function offeredIn(where: Where | undefined, region: string): boolean {
  if (!where) return false
  return (where.regions ?? []).includes(region) || (where.partitions ?? []).includes(partitionOf(region))
}

function describe(where: Where | undefined): string {
  if (!where) return 'nowhere confirmed'
  const parts = [...(where.partitions ?? []).map(name => `every ${name} region`), ...(where.regions ?? [])]
  return parts.join(', ')
}

/**
 * Why `service` cannot be called at the variant's endpoint in `region`, or undefined when it can: what the
 * region has instead, and where the variant is offered.
 */
export function apiEndpointRefusal(
  service: AwsService,
  region: string,
  variant: EndpointVariant,
  label: string = service
): string | undefined {
  const choice = choiceOf(variant)
  if (choice === 'default') return undefined
  const offers = OFFERS[service]
  if (offeredIn(offers[choice], region)) return undefined
  const there: EndpointChoice[] = [
    'default',
    ...(['dual-stack', 'fips', 'fips-dual-stack'] as const).filter(c => offeredIn(offers[c], region))
  ]
  return (
    `${label} has no ${choice} endpoint in ${region} (there: ${there.join(', ')}; ` +
    `${choice}: ${describe(offers[choice])})`
  )
}
