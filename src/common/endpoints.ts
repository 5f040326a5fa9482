import { InputError, quote } from './errors.js'

/**
 * The endpoint choice (IPv4, dual-stack, FIPS, both): the one place that decides, for every SDK client an
 * action creates and for the registry host, which endpoint variant is used. Pure: the environment is given.
 */

export const ENDPOINT_CHOICES = ['default', 'dual-stack', 'fips', 'fips-dual-stack'] as const
export type EndpointChoice = (typeof ENDPOINT_CHOICES)[number]

/** What a choice asks of an endpoint: the FIPS variant, the dual-stack (IPv6) variant, both or neither. */
export interface EndpointVariant {
  fips: boolean
  dualStack: boolean
}

export const DEFAULT_ENDPOINT: EndpointVariant = { fips: false, dualStack: false }

export function variantOf(choice: EndpointChoice): EndpointVariant {
  return { fips: choice.startsWith('fips'), dualStack: choice.endsWith('dual-stack') }
}

export function choiceOf(variant: EndpointVariant): EndpointChoice {
  if (variant.fips) return variant.dualStack ? 'fips-dual-stack' : 'fips'
  return variant.dualStack ? 'dual-stack' : 'default'
}

type Env = Record<string, string | undefined>
/** A variable of the step's environment. */
type Lookup = (name: string) => string | undefined

/** The SDK's own switches, as configure-aws-credentials users set them job-wide. */
const USE_DUALSTACK = 'AWS_USE_DUALSTACK_ENDPOINT'
const USE_FIPS = 'AWS_USE_FIPS_ENDPOINT'

/**
 * The `endpoint` input: one of ENDPOINT_CHOICES; when empty, the SDK's convention
 * (AWS_USE_DUALSTACK_ENDPOINT=true, AWS_USE_FIPS_ENDPOINT=true). A given input wins over the variables.
 */
export function parseEndpointChoice(input: string, raw: string, lookup: Lookup): EndpointChoice {
  const value = raw.trim().toLowerCase()
  if (value !== '') {
    const choice = ENDPOINT_CHOICES.find(candidate => candidate === value)
    if (!choice)
      throw new InputError(input, `must be one of ${ENDPOINT_CHOICES.join(' | ')}, got ${quote(raw.trim())}`)
    return choice
  }
  return choiceOf({
    fips: sdkSwitch(input, lookup, USE_FIPS),
    dualStack: sdkSwitch(input, lookup, USE_DUALSTACK)
  })
}

/** `true` or `false` (any case), as the SDK reads them; unset or empty is false; anything else is refused. */
function sdkSwitch(input: string, lookup: Lookup, name: string): boolean {
  const value = (lookup(name) ?? '').trim().toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new InputError(
    input,
    `is empty, so ${name} decides, and it must be true or false, got ${quote(lookup(name) ?? '')}`
  )
}

/**
 * The AWS services the actions create clients for, by the SDK's service ID (what AWS_ENDPOINT_URL_<ID>
 * is named after: upper case, spaces as underscores).
 */
export const AWS_SERVICES = [
  'ECR',
  'ECR PUBLIC',
  'ECS',
  'Lambda',
  'Batch',
  'AppRunner',
  'Inspector2',
  'Secrets Manager',
  'STS',
  'KMS'
] as const
export type AwsService = (typeof AWS_SERVICES)[number]

/** `AWS_ENDPOINT_URL_SECRETS_MANAGER` for `Secrets Manager`. */
export function endpointUrlVariable(service: AwsService): string {
  return `AWS_ENDPOINT_URL_${service.toUpperCase().replaceAll(' ', '_')}`
}

/**
 * The endpoint override the SDK will use for a service's API calls, read as the SDK reads the environment:
 * AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, neither when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.
 */
export function endpointOverride(service: AwsService, env: Env): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').trim().toLowerCase() === 'true') return undefined
  return env[endpointUrlVariable(service)] || env.AWS_ENDPOINT_URL || undefined
}

/** What a client is told, always explicitly: the SDK then neither reads the switches itself nor refuses. */
export interface ClientEndpoint {
  useFipsEndpoint: boolean
  useDualstackEndpoint: boolean
}

/**
 * What a client of `service` is told for a variant. An override wins for the API calls: the client is then
 * told neither variant, since the SDK refuses an override with either ("Invalid Configuration: Dualstack
 * and custom endpoint are not supported"). The registry host follows the choice regardless (ecr/hosts.ts).
 */
export function clientEndpoint(service: AwsService, variant: EndpointVariant, env: Env): ClientEndpoint {
  if (endpointOverride(service, env) !== undefined)
    return { useFipsEndpoint: false, useDualstackEndpoint: false }
  return { useFipsEndpoint: variant.fips, useDualstackEndpoint: variant.dualStack }
}
