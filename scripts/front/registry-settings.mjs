// Registry-level settings moto has no answer for (it fails them with a 500), answered as ECR documents them,
// per region: account settings (GetAccountSetting / PutAccountSetting: BASIC_SCAN_TYPE_VERSION AWS_NATIVE,
// REGISTRY_POLICY_SCOPE V2 and BLOB_MOUNTING DISABLED until put) and the managed signing configuration
// (GetSigningConfiguration: SigningConfigurationNotFoundException until PutSigningConfiguration, which checks
// what ECR's model constrains: at most 10 rules, 1 to 100 WILDCARD_MATCH filters a rule, the ARN and filter
// patterns; ValidationException as ECR words it). signing.mjs signs by these rules.
import { awsError } from './moto.mjs'

const DEFAULTS = {
  BASIC_SCAN_TYPE_VERSION: 'AWS_NATIVE',
  REGISTRY_POLICY_SCOPE: 'V2',
  BLOB_MOUNTING: 'DISABLED'
}
const VALUES = {
  BASIC_SCAN_TYPE_VERSION: ['AWS_NATIVE', 'CLAIR'],
  REGISTRY_POLICY_SCOPE: ['V1', 'V2'],
  BLOB_MOUNTING: ['ENABLED', 'DISABLED']
}
const accounts = new Map() // region -> name -> value
const signing = new Map() // region -> signingConfiguration

const PROFILE_ARN = '^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\\/signing-profiles\\/[a-zA-Z0-9_]{2,}$'
const FILTER = '^(?:[a-z0-9*]+(?:[._-][a-z0-9*]+)*/)*[a-z0-9*]+(?:[._-][a-z0-9*]+)*$'

/** The registry's signing rules in a region (none until put). */
export function signingRules(region) {
  return signing.get(region)?.rules ?? []
}

const invalid = (at, constraint) =>
  awsError(
    400,
    'ValidationException',
    `1 validation error detected: Value at '${at}' failed to satisfy constraint: ${constraint}`
  )

/** PutSigningConfiguration's request checked as ECR's model constrains it; the refusal, if any. */
function checkSigningConfiguration(configuration) {
  const rules = configuration?.rules
  if (!Array.isArray(rules)) return invalid('signingConfiguration.rules', 'Member must not be null')
  if (rules.length > 10)
    return invalid('signingConfiguration.rules', 'Member must have length less than or equal to 10')
  for (const [i, rule] of rules.entries()) {
    const at = `signingConfiguration.rules.${i + 1}.member`
    const arn = String(rule?.signingProfileArn ?? '')
    if (arn.length > 200 || !new RegExp(PROFILE_ARN).test(arn))
      return invalid(
        `${at}.signingProfileArn`,
        `Member must satisfy regular expression pattern: ${PROFILE_ARN}`
      )
    const filters = rule.repositoryFilters
    if (filters === undefined) continue
    if (!Array.isArray(filters) || filters.length < 1 || filters.length > 100)
      return invalid(`${at}.repositoryFilters`, 'Member must have length between 1 and 100')
    for (const [j, f] of filters.entries()) {
      if (f?.filterType !== 'WILDCARD_MATCH')
        return invalid(
          `${at}.repositoryFilters.${j + 1}.member.filterType`,
          'Member must satisfy enum value set: [WILDCARD_MATCH]'
        )
      const value = String(f.filter ?? '')
      if (value.length > 256 || !new RegExp(FILTER).test(value))
        return invalid(
          `${at}.repositoryFilters.${j + 1}.member.filter`,
          `Member must satisfy regular expression pattern: ${FILTER}`
        )
    }
  }
  return undefined
}

export function registrySettings(operation, region, input) {
  const settings = accounts.get(region) ?? new Map()
  accounts.set(region, settings)
  const name = String(input.name ?? '')
  switch (operation) {
    case 'GetAccountSetting':
    case 'PutAccountSetting': {
      if (!(name in DEFAULTS))
        return awsError(400, 'ValidationException', `Invalid account setting name: ${name}`)
      if (operation === 'PutAccountSetting') {
        if (!VALUES[name].includes(input.value))
          return awsError(400, 'ValidationException', `Invalid value for ${name}: ${input.value}`)
        settings.set(name, input.value)
      }
      return { status: 200, body: { name, value: settings.get(name) ?? DEFAULTS[name] } }
    }
    case 'GetSigningConfiguration': {
      const configuration = signing.get(region)
      if (!configuration)
        return awsError(
          400,
          'SigningConfigurationNotFoundException',
          'No signing configuration exists for the registry'
        )
      return { status: 200, body: { registryId: '123456789012', signingConfiguration: configuration } }
    }
    case 'PutSigningConfiguration': {
      const refused = checkSigningConfiguration(input.signingConfiguration)
      if (refused) return refused
      signing.set(region, input.signingConfiguration)
      return { status: 200, body: { signingConfiguration: input.signingConfiguration } }
    }
    default:
      return undefined
  }
}
