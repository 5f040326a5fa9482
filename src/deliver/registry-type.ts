import { InputError } from '../common/errors.js'
import { parseEnum, parseList } from '../common/inputs.js'
import { checkPublicCatalog } from '../ecr/public-catalog.js'
import { Input } from './constants.js'
import type { DeliverInputs } from './inputs.js'

const PUBLIC_INPUTS = [
  Input.publicDescription,
  Input.publicAbout,
  Input.publicUsage,
  Input.publicArchitectures,
  Input.publicOperatingSystems
]

/** registry-type public: the catalog inputs apply, and inputs that only private registries have are refused. */
export function checkRegistryType(get: (name: string) => string, inputs: DeliverInputs): DeliverInputs {
  const type =
    parseEnum(Input.registryType, get(Input.registryType), ['private', 'public'] as const) ?? 'private'
  if (type === 'private') {
    const given = PUBLIC_INPUTS.find(name => get(name).trim() !== '')
    if (given) throw new InputError(given, 'applies only with registry-type public')
    return inputs
  }
  const privateOnly: [string, boolean][] = [
    [Input.registryId, inputs.registryId !== undefined],
    [Input.registries, inputs.registries.length > 0],
    [Input.imageTagMutability, inputs.settings.tagMutability !== undefined],
    [Input.scanOnPush, inputs.settings.scanOnPush !== undefined],
    [Input.encryptionType, inputs.settings.encryptionType !== undefined],
    [Input.repositoryTags, inputs.settings.tags !== undefined],
    [Input.updateRepository, inputs.updateRepository],
    [Input.lifecyclePolicy, inputs.lifecyclePolicy !== undefined],
    [Input.repositoryPolicy, get(Input.repositoryPolicy).trim() !== ''],
    [Input.allowPullAccounts, get(Input.allowPullAccounts).trim() !== ''],
    [Input.scan, inputs.scan.wait],
    [Input.signingProfile, inputs.managedSigning !== undefined],
    [Input.mountFrom, get(Input.mountFrom).trim() !== ''],
    [Input.destinations, inputs.destinations.length > 0],
    [Input.signingKey, inputs.signing !== undefined]
  ]
  const refused = privateOnly.find(([, given]) => given)
  if (refused)
    throw new InputError(refused[0], 'applies only to private registries, not with registry-type public')
  const { catalog, warnings } = checkPublicCatalog(
    {
      description: get(Input.publicDescription).trim() || undefined,
      aboutText: get(Input.publicAbout).trim() || undefined,
      usageText: get(Input.publicUsage).trim() || undefined,
      architectures: parseList(get(Input.publicArchitectures)),
      operatingSystems: parseList(get(Input.publicOperatingSystems))
    },
    {
      description: Input.publicDescription,
      aboutText: Input.publicAbout,
      usageText: Input.publicUsage,
      architectures: Input.publicArchitectures,
      operatingSystems: Input.publicOperatingSystems
    }
  )
  return { ...inputs, public: catalog, warnings: [...inputs.warnings, ...warnings] }
}
