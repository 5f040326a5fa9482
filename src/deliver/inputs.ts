import { InputError, quote } from '../common/errors.js'
import { parseDuration, parseDurationWithin } from '../common/duration.js'
import { parseReference } from '../registry/reference.js'
import { TAG, parseAccountId, parseRepositoryName } from '../ecr/names.js'
import { STALL_TIMEOUT } from '../registry/transport.js'
import {
  parseBoolean,
  parseEnum,
  parseInteger,
  parseKeyValues,
  parseLines,
  parseList
} from '../common/inputs.js'
import type { PublicCatalog } from '../ecr/public.js'
import { SEVERITIES, parseIgnoreList, type IgnoreEntry, type Severity } from '../ecr/scan-findings.js'
import { readJsonInput } from '../common/json.js'
import { MAX_LIFECYCLE_POLICY_CHARS, lintLifecyclePolicy } from '../ecr/lifecycle-lint.js'
import { MAX_REPOSITORY_POLICY_CHARS, withPullAccounts } from '../ecr/policies.js'
import {
  ENCRYPTION_TYPES,
  TAG_MUTABILITIES,
  type RepositorySettings,
  type TagMutability
} from '../ecr/repositories.js'

/** The deliver action's inputs, parsed and checked. */
export interface DeliverInputs {
  repository?: string
  /** A local image in the docker engine; exclusive with `source`. */
  image?: string
  /** An OCI layout (directory or tar) or a docker-save archive, pushed without docker. */
  source?: string
  tags: string[]
  /** Blobs uploaded at once (source pushes). */
  maxConcurrency: number
  /** A registry request with no byte moving for this long is aborted (and retried). */
  stallTimeoutMs: number
  /** A repository of the same registry to mount blobs from (source pushes). */
  mountFrom?: string
  registryId?: string
  /** Further registries (account IDs) to log in to. */
  registries: string[]
  createRepository: boolean
  settings: RepositorySettings
  skipLogout: boolean
  maskPassword: boolean
  /** Apply the settings inputs to an existing repository (default: only warn about differences). */
  updateRepository: boolean
  /** A linted lifecycle policy, with the linter's warnings; `preview`: only show what it would do. */
  lifecyclePolicy?: { text: string; warnings: string[]; preview: boolean }
  /** The repository policy to set (with the allow-pull-accounts statement merged in). */
  repositoryPolicy?: Record<string, unknown>
  scan: ScanGateInputs
  /** ECR Public: log in to public.ecr.aws and create the repository with this catalog data. */
  public?: PublicCatalog
}

export interface ScanGateInputs {
  wait: boolean
  timeoutMs: number
  failOn: Severity | 'none'
  ignore: IgnoreEntry[]
}

const EXCLUSION_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/
const MAX_TAGS_PER_IMAGE = 1000
const MAX_EXCLUSIONS = 5
const MAX_RESOURCE_TAGS = 50
const WITH_EXCLUSION: readonly TagMutability[] = ['IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION']

/**
 * Reads every input through `get` (core.getInput in the action, a record in tests) and checks every
 * rule, so bad input fails here, before any AWS call or docker command.
 */
export function parseDeliverInputs(
  get: (name: string) => string,
  context: { sha?: string } = {}
): DeliverInputs {
  const image = parseImageInput(get('image'))
  const source = get('source').trim() || undefined
  if (image && source) {
    throw new InputError(
      'source',
      'and image are mutually exclusive: give image (docker engine) or source (files)'
    )
  }
  const what = image ? 'image' : 'source'
  const repository = parseRepositoryName('repository', get('repository'))
  if ((image || source) && !repository)
    throw new InputError('repository', `is required when ${what} is given`)

  const givenTags = parseList(get('tags'))
  if (givenTags.length > 0 && !image && !source) {
    throw new InputError('tags', 'need image or source: without one there is nothing to push')
  }
  // The commit SHA is the default tag, as `${{ github.sha }}` would be.
  const tags = givenTags.length > 0 || !(image || source) || !context.sha ? givenTags : [context.sha]
  for (const tag of tags) {
    if (!TAG.test(tag)) {
      throw new InputError(
        'tags',
        `${quote(tag)} is not a valid tag: it must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127} (128 characters at most)`
      )
    }
  }
  if ((image || source) && tags.length === 0) {
    throw new InputError('tags', `must name at least one tag when ${what} is given`)
  }
  if (tags.length > MAX_TAGS_PER_IMAGE)
    throw new InputError('tags', `at most ${MAX_TAGS_PER_IMAGE} tags per image`)

  const registryId = parseAccountId('registry-id', get('registry-id'))
  const registries = parseList(get('registries')).map(id => parseAccountId('registries', id) as string)

  const inputs: DeliverInputs = {
    repository,
    image,
    source,
    tags,
    maxConcurrency: parseInteger('max-concurrency', get('max-concurrency'), { min: 1, max: 32, fallback: 5 }),
    stallTimeoutMs: parseDurationWithin('stall-timeout', get('stall-timeout'), STALL_TIMEOUT),
    mountFrom: parseRepositoryName('mount-from', get('mount-from')),
    registryId,
    registries,
    createRepository: parseBoolean('create-repository', get('create-repository'), true),
    settings: parseRepositorySettings(get),
    skipLogout: parseBoolean('skip-logout', get('skip-logout'), false),
    maskPassword: parseBoolean('mask-password', get('mask-password'), true),
    ...parsePolicies(get, repository),
    scan: parseScanGate(get, Boolean(image || source))
  }
  return checkRegistryType(get, inputs)
}

const PUBLIC_INPUTS = [
  'public-description',
  'public-about',
  'public-usage',
  'public-architectures',
  'public-operating-systems'
]

/** registry-type public: the catalog inputs apply, and inputs that only private registries have are refused. */
function checkRegistryType(get: (name: string) => string, inputs: DeliverInputs): DeliverInputs {
  const type = parseEnum('registry-type', get('registry-type'), ['private', 'public'] as const) ?? 'private'
  if (type === 'private') {
    const given = PUBLIC_INPUTS.find(name => get(name).trim() !== '')
    if (given) throw new InputError(given, 'applies only with registry-type public')
    return inputs
  }
  const privateOnly: [string, boolean][] = [
    ['registry-id', inputs.registryId !== undefined],
    ['registries', inputs.registries.length > 0],
    ['image-tag-mutability', inputs.settings.tagMutability !== undefined],
    ['scan-on-push', inputs.settings.scanOnPush !== undefined],
    ['encryption-type', inputs.settings.encryptionType !== undefined],
    ['repository-tags', inputs.settings.tags !== undefined],
    ['update-repository', inputs.updateRepository],
    ['lifecycle-policy', inputs.lifecyclePolicy !== undefined],
    ['repository-policy', get('repository-policy').trim() !== ''],
    ['allow-pull-accounts', get('allow-pull-accounts').trim() !== ''],
    ['scan', inputs.scan.wait],
    ['mount-from', inputs.mountFrom !== undefined]
  ]
  const refused = privateOnly.find(([, given]) => given)
  if (refused)
    throw new InputError(refused[0], 'applies only to private registries, not with registry-type public')
  return {
    ...inputs,
    public: {
      description: get('public-description').trim() || undefined,
      aboutText: get('public-about').trim() || undefined,
      usageText: get('public-usage').trim() || undefined,
      architectures: parseList(get('public-architectures')),
      operatingSystems: parseList(get('public-operating-systems'))
    }
  }
}

function parseScanGate(get: (name: string) => string, pushes: boolean): ScanGateInputs {
  const wait = (parseEnum('scan', get('scan'), ['off', 'wait'] as const) ?? 'off') === 'wait'
  const failOn =
    parseEnum('fail-on-severity', get('fail-on-severity'), [...SEVERITIES, 'none'] as const) ?? 'none'
  if (wait && !pushes) throw new InputError('scan', 'wait needs image or source: there is nothing to scan')
  if (failOn !== 'none' && !wait) throw new InputError('fail-on-severity', 'needs scan: wait')
  return {
    wait,
    timeoutMs: parseDuration('scan-timeout', get('scan-timeout') || '10m', ['s', 'm', 'h']),
    failOn,
    ignore: parseIgnoreList(parseLines(get('ignore-vulnerabilities')))
  }
}

/**
 * `image`: what `docker image inspect` takes, checked against the reference grammar before it reaches a
 * command line: a reference (`app:ci`, `registry:5000/team/app@sha256:…`) or an image ID (`sha256:…`, or
 * its short hex form).
 */
function parseImageInput(raw: string): string | undefined {
  const image = raw.trim()
  if (image === '') return undefined
  if (/^(sha256:)?[a-f0-9]{12,64}$/.test(image)) return image
  const parsed = parseReference(image, { domain: 'allowed' })
  if (typeof parsed === 'string')
    throw new InputError('image', `${quote(image)} is not an image reference: ${parsed}`)
  return image
}

/** Lifecycle and repository policies and update-repository: all need a repository, all checked here. */
function parsePolicies(get: (name: string) => string, repository: string | undefined) {
  const updateRepository = parseBoolean('update-repository', get('update-repository'), false)
  const lifecycle = readJsonInput('lifecycle-policy', get('lifecycle-policy'), MAX_LIFECYCLE_POLICY_CHARS)
  let lifecyclePolicy: DeliverInputs['lifecyclePolicy']
  if (lifecycle) {
    const { errors, warnings } = lintLifecyclePolicy(lifecycle.value, lifecycle.text)
    if (errors.length > 0) throw new InputError('lifecycle-policy', errors.join('; '))
    lifecyclePolicy = { text: lifecycle.text, warnings, preview: false }
  }
  const preview = parseBoolean('lifecycle-policy-preview', get('lifecycle-policy-preview'), false)
  if (preview && !lifecyclePolicy) throw new InputError('lifecycle-policy-preview', 'needs lifecycle-policy')
  if (lifecyclePolicy) lifecyclePolicy.preview = preview
  // The file may be pretty-printed: what counts against ECR's limit is the compact policy, checked below.
  const policy = readJsonInput('repository-policy', get('repository-policy'), 4 * MAX_REPOSITORY_POLICY_CHARS)
  if (policy && (typeof policy.value !== 'object' || policy.value === null || Array.isArray(policy.value))) {
    throw new InputError('repository-policy', 'must be a JSON object (an IAM policy document)')
  }
  const pullAccounts = parseList(get('allow-pull-accounts')).map(
    id => parseAccountId('allow-pull-accounts', id) as string
  )
  const repositoryPolicy =
    policy || pullAccounts.length > 0
      ? withPullAccounts(policy?.value as Record<string, unknown> | undefined, pullAccounts)
      : undefined
  if (repositoryPolicy && JSON.stringify(repositoryPolicy).length > MAX_REPOSITORY_POLICY_CHARS) {
    throw new InputError(
      'repository-policy',
      `is longer than ECR's ${MAX_REPOSITORY_POLICY_CHARS} characters`
    )
  }
  for (const [input, given] of [
    ['lifecycle-policy', lifecyclePolicy],
    ['repository-policy', repositoryPolicy],
    ['update-repository', updateRepository || undefined]
  ] as const) {
    if (given && !repository) throw new InputError(input, 'needs repository')
  }
  return { updateRepository, lifecyclePolicy, repositoryPolicy }
}

/** The settings used when the repository is created (and compared with an existing one). */
export function parseRepositorySettings(get: (name: string) => string): RepositorySettings {
  const tagMutability = parseEnum('image-tag-mutability', get('image-tag-mutability'), TAG_MUTABILITIES)
  const exclusions = parseList(get('image-tag-mutability-exclusions'))
  for (const filter of exclusions) {
    if (!EXCLUSION_FILTER.test(filter)) {
      throw new InputError(
        'image-tag-mutability-exclusions',
        `${quote(filter)} must be 1 to 128 of letters, digits, ".", "_", "-" and "*"`
      )
    }
  }
  if (exclusions.length > MAX_EXCLUSIONS) {
    throw new InputError('image-tag-mutability-exclusions', `at most ${MAX_EXCLUSIONS} patterns`)
  }
  const withExclusion = tagMutability !== undefined && WITH_EXCLUSION.includes(tagMutability)
  if (exclusions.length > 0 && !withExclusion) {
    throw new InputError(
      'image-tag-mutability-exclusions',
      'applies only with image-tag-mutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION'
    )
  }
  if (withExclusion && exclusions.length === 0) {
    throw new InputError(
      'image-tag-mutability-exclusions',
      `is required with image-tag-mutability ${tagMutability}`
    )
  }

  const encryptionType = parseEnum('encryption-type', get('encryption-type'), ENCRYPTION_TYPES)
  const kmsKey = get('kms-key').trim() || undefined
  const usesKms = encryptionType === 'KMS' || encryptionType === 'KMS_DSSE'
  if (usesKms && !kmsKey)
    throw new InputError('kms-key', `is required with encryption-type ${encryptionType}`)
  if (kmsKey && !usesKms) throw new InputError('kms-key', 'applies only with encryption-type KMS or KMS_DSSE')

  const tags = parseKeyValues('repository-tags', get('repository-tags'))
  const tagEntries = Object.entries(tags)
  if (tagEntries.length > MAX_RESOURCE_TAGS) {
    throw new InputError('repository-tags', `at most ${MAX_RESOURCE_TAGS} tags per repository`)
  }
  for (const [key, value] of tagEntries) {
    if (key.length > 128)
      throw new InputError('repository-tags', `key ${quote(key)} is longer than 128 characters`)
    if (key.toLowerCase().startsWith('aws:'))
      throw new InputError('repository-tags', `key ${quote(key)}: the aws: prefix is reserved`)
    if (value.length > 256)
      throw new InputError('repository-tags', `value of ${quote(key)} is longer than 256 characters`)
  }

  return {
    tagMutability,
    tagMutabilityExclusions: withExclusion ? exclusions : undefined,
    scanOnPush: parseBoolean('scan-on-push', get('scan-on-push')),
    encryptionType,
    kmsKey,
    tags: tagEntries.length > 0 ? tags : undefined
  }
}
