import { parseEndpointChoice, variantOf, type EndpointVariant } from '../common/endpoints.js'
import { InputError, quote } from '../common/errors.js'
import { refuseUnofferedEndpoints } from '../ecr/endpoints.js'
import { maskCredential, type UpstreamCredential } from '../ecr/secrets.js'
import { parseDuration, parseDurationWithin } from '../common/duration.js'
import { parseAccountId } from '../ecr/names.js'
import { STALL_TIMEOUT, parseBoolean, parseLines } from '../common/inputs.js'
import type { Environment } from './credential.js'
import { parseCacheRules, type CacheRule } from './rules.js'
import { parseTemplateInputs, type TemplateInputs } from './templates.js'
import { parseWarmReference } from './warm.js'
import { Input } from './constants.js'

/** The pull-through-cache action's inputs, parsed and checked before any call. */
export interface CacheInputs {
  registryId?: string
  /** The rules as declared; credential ARNs get the registry's account once it is known. */
  rulesText: string
  rules: CacheRule[]
  prune: boolean
  /** References as written (each already checked against the reference grammar). */
  warm: string[]
  warmTimeoutMs: number
  stallTimeoutMs: number
  /** Dockerfile paths or globs (in the workspace) whose base images are warmed and routed. */
  warmFrom: string[]
  /** Repository creation templates: the rules' `template:` entries and the `templates` input. */
  templates: TemplateInputs
  /** The endpoint variant of every AWS call and of the registry host (warming, build contexts). */
  endpoint: EndpointVariant
}

/**
 * Reads every input and checks every rule that needs no AWS call: the account ID, the rules' YAML and
 * each rule (account-independent checks), each warm reference against the reference grammar, the
 * durations; a credential's values are read from the step's environment (`env`), never from the YAML.
 * What needs the registry (the caller's account, the existing rules) is checked after the first
 * read-only calls and before any change.
 */
export function parseCacheInputs(
  get: (name: string) => string,
  context: { region: string; env: Environment }
): CacheInputs {
  const registryId = parseAccountId(Input.registryId, get(Input.registryId))
  const rulesText = get(Input.rules)
  const warm = parseLines(get(Input.warm))
  warm.forEach(parseWarmReference)
  const rules = parseCacheRules(rulesText, { accountId: registryId, region: context.region }, context.env)
  const withValues = rules.filter(rule => rule.credentialValues)
  // Masked before anything else runs: from here on no log line, output or summary can show them.
  for (const rule of withValues) maskCredential(rule.credentialValues as UpstreamCredential)
  if (registryId && withValues.length > 0) {
    throw new InputError(
      Input.rules,
      `rule ${quote(withValues[0]?.prefix)}: credential values are kept in a secret of the caller's own account; ` +
        'with registry-id, create the secret in that account and give its name or ARN'
    )
  }
  return {
    registryId,
    rulesText,
    rules,
    warmFrom: parseLines(get(Input.warmFrom)),
    prune: parseBoolean(Input.prune, get(Input.prune), false),
    warm,
    warmTimeoutMs: parseDuration(Input.warmTimeout, get(Input.warmTimeout) || '5m', ['s', 'm', 'h']),
    stallTimeoutMs: parseDurationWithin(Input.stallTimeout, get(Input.stallTimeout), STALL_TIMEOUT),
    // After the rules: a rule's template is read only once the rule itself is known to be good.
    templates: parseTemplateInputs(get, rulesText),
    endpoint: variantOf(parseEndpointChoice(Input.endpoint, get(Input.endpoint), context.env))
  }
}

/** The endpoint choice against the registry, ECR's API and Secrets Manager (when credentials are kept). */
export function refuseEndpoints(
  inputs: CacheInputs,
  region: string,
  env: Record<string, string | undefined>
) {
  const secrets = inputs.rules.some(rule => rule.credentialValues)
  const services = secrets ? (['ECR', 'Secrets Manager'] as const) : (['ECR'] as const)
  refuseUnofferedEndpoints(Input.endpoint, inputs.endpoint, [{ region, services, registry: 'private' }], env)
}
