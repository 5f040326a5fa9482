// Registry-level settings moto has no answer for (it fails them with a 500), answered as ECR documents them,
// per region: account settings (GetAccountSetting / PutAccountSetting: BASIC_SCAN_TYPE_VERSION AWS_NATIVE,
// REGISTRY_POLICY_SCOPE V2 and BLOB_MOUNTING DISABLED until put) and the managed signing configuration
// (GetSigningConfiguration: SigningConfigurationNotFoundException until PutSigningConfiguration).
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
    case 'PutSigningConfiguration':
      signing.set(region, input.signingConfiguration)
      return { status: 200, body: { signingConfiguration: input.signingConfiguration } }
    default:
      return undefined
  }
}
