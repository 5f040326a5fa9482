import {
  DescribeRegistryCommand,
  GetAccountSettingCommand,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetSigningConfigurationCommand,
  type ECRClient
} from '@aws-sdk/client-ecr'
import { messageOf, quote } from '../common/errors.js'
import { wildcardToRegExp } from '../common/inputs.js'
import { listCacheRules } from '../ecr/cache-rules.js'
import { listCreationTemplates } from '../ecr/creation-templates.js'
import { policyStatements } from '../ecr/policies.js'
import type { Readable, RegistrySettings } from './document.js'

/** The account settings the report shows. */
export const ACCOUNT_SETTINGS = ['BASIC_SCAN_TYPE_VERSION', 'REGISTRY_POLICY_SCOPE', 'BLOB_MOUNTING'] as const

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'])

/** The AWS error's name, through the explained errors of the ecr floor (which keep it as their cause). */
function nameOf(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  if (error instanceof Error && error.name === 'ActionError' && cause instanceof Error) return cause.name
  return error instanceof Error ? error.name : undefined
}

/**
 * One registry-level read: its value, or why it could not be read. Denied is "not readable: needs
 * ecr:<Action>", anything else its error, said once; neither fails the step. `absent` names the error
 * that means "none configured".
 */
export async function readable<T>(
  action: string,
  read: () => Promise<T>,
  absent?: { error: string; value: T }
): Promise<Readable<T>> {
  try {
    return { value: await read() }
  } catch (error) {
    const name = nameOf(error)
    if (absent && name === absent.error) return { value: absent.value }
    if (name && DENIED.has(name)) return { notReadable: `needs ecr:${action}` }
    // The first line only: an SDK's parse failure runs to several lines about its own internals.
    return { notReadable: `${name ?? 'error'}: ${quote(messageOf(error).split('\n')[0], 160)}` }
  }
}

/** Every registry-level setting the report shows, read at once; each on its own (a denied one is noted). */
export async function readRegistrySettings(client: ECRClient): Promise<RegistrySettings> {
  const [
    registryPolicy,
    replication,
    scanning,
    pullThroughCacheRules,
    creationTemplates,
    signing,
    ...accounts
  ] = await Promise.all([
    readable(
      'GetRegistryPolicy',
      async () => ({
        statements: policyStatements((await client.send(new GetRegistryPolicyCommand({}))).policyText).length
      }),
      { error: 'RegistryPolicyNotFoundException', value: null }
    ),
    readable('DescribeRegistry', async () => {
      const rules = (await client.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules ?? []
      const destinations = rules.flatMap(rule =>
        (rule.destinations ?? []).map(d => `${d.registryId ?? ''} ${d.region ?? ''}`.trim())
      )
      return { rules: rules.length, destinations: [...new Set(destinations)] }
    }),
    readable('GetRegistryScanningConfiguration', async () => {
      const { scanningConfiguration } = await client.send(new GetRegistryScanningConfigurationCommand({}))
      return {
        scanType: scanningConfiguration?.scanType ?? 'BASIC',
        rules: (scanningConfiguration?.rules ?? []).map(rule => ({
          scanFrequency: rule.scanFrequency ?? '',
          filters: (rule.repositoryFilters ?? []).map(f => f.filter ?? '')
        }))
      }
    }),
    readable('DescribePullThroughCacheRules', async () =>
      (await listCacheRules(client)).map(rule => ({
        prefix: rule.ecrRepositoryPrefix ?? '',
        upstream: rule.upstreamRegistryUrl ?? ''
      }))
    ),
    readable('DescribeRepositoryCreationTemplates', async () =>
      (await listCreationTemplates(client)).templates.map(t => ({
        prefix: t.prefix ?? '',
        appliedFor: t.appliedFor ?? []
      }))
    ),
    readable(
      'GetSigningConfiguration',
      async () => {
        const rules =
          (await client.send(new GetSigningConfigurationCommand({}))).signingConfiguration?.rules ?? []
        return { rules: rules.length, profiles: [...new Set(rules.map(r => r.signingProfileArn ?? ''))] }
      },
      { error: 'SigningConfigurationNotFoundException', value: null }
    ),
    ...ACCOUNT_SETTINGS.map(name =>
      readable(
        'GetAccountSetting',
        async () => (await client.send(new GetAccountSettingCommand({ name }))).value ?? ''
      )
    )
  ])
  return {
    registryPolicy,
    replication,
    scanning,
    pullThroughCacheRules,
    creationTemplates,
    accountSettings: Object.fromEntries(
      ACCOUNT_SETTINGS.map((name, i) => [name, accounts[i] as Readable<string>])
    ),
    signing
  }
}

/**
 * Pure: whether the registry's scanning configuration scans a repository on push: a rule that scans on push
 * (or continuously, under enhanced scanning) with a filter matching its name.
 */
export function registryScansOnPush(
  scanning: RegistrySettings['scanning'] | undefined,
  repository: string
): boolean {
  if (!scanning || !('value' in scanning)) return false
  return scanning.value.rules.some(
    rule =>
      (rule.scanFrequency === 'SCAN_ON_PUSH' || rule.scanFrequency === 'CONTINUOUS_SCAN') &&
      rule.filters.some(filter => wildcardToRegExp(filter).test(repository))
  )
}
