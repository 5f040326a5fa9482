import { parseDurationWithin } from '../common/duration.js'
import { parseEndpointChoice, variantOf, type EndpointVariant } from '../common/endpoints.js'
import { InputError, quote } from '../common/errors.js'
import { STALL_TIMEOUT, parseBoolean, parseEnum, parseInteger, parseList } from '../common/inputs.js'
import { TAG, parseAccountId, parseRepositoryName } from '../ecr/names.js'
import type { PublicCatalog } from '../ecr/public-catalog.js'
import type { RepositorySettings } from '../ecr/settings-diff.js'
import { parseReference } from '../registry/reference.js'
import { parsePlatform, type Platform } from '../registry/sources/platform.js'
import { parseDestinations, type Destination } from './destinations.js'
import { parseSigning, type SigningInputs } from './signing-inputs.js'
import { checkRegistryType } from './registry-type.js'
import { Input } from './constants.js'
import { parseManagedSigning, type ManagedSigningInputs } from './managed-signing-inputs.js'
import {
  parsePolicies,
  parseRepositorySettings,
  parseScanGate,
  type PolicyInputs,
  type ScanGateInputs
} from './repository-inputs.js'

export type { ScanGateInputs } from './repository-inputs.js'

/** `skip`: the image goes without the referrers outside it (signatures; a platform's attestation). */
export type ReferrerChoice = 'push' | 'skip'

/** A local image of the docker engine, to deliver. */
export interface ImageWork {
  kind: 'image'
  repository: string
  image: string
  tags: string[]
  /** Blobs uploaded at once (the image is exported and pushed through the registry API). */
  maxConcurrency: number
  /** A repository of the same registry to mount blobs from. */
  mountFrom?: string
  referrers: ReferrerChoice
}

/** An OCI layout (directory or tar) or a docker-save archive, pushed without docker. */
export interface SourceWork {
  kind: 'source'
  repository: string
  source: string
  tags: string[]
  /** Blobs uploaded at once. */
  maxConcurrency: number
  /** A repository of the same registry to mount blobs from. */
  mountFrom?: string
  /** Only this platform's image of an index. */
  platform?: Platform
  referrers: ReferrerChoice
}

/** What is pushed through the registry API: files, or the engine's image exported. */
export type PushWork = SourceWork | ImageWork

/** What the step does: only log in, log in and ensure a repository, or deliver an image to it. */
export type DeliverWork = { kind: 'login' } | { kind: 'ensure'; repository: string } | ImageWork | SourceWork

/** The deliver action's inputs, parsed and checked. */
export interface DeliverInputs extends PolicyInputs {
  work: DeliverWork
  /** A registry request with no byte moving for this long is aborted (and retried). */
  stallTimeoutMs: number
  registryId?: string
  /** Further registries (account IDs) to log in to. */
  registries: string[]
  createRepository: boolean
  settings: RepositorySettings
  skipLogout: boolean
  maskPassword: boolean
  scan: ScanGateInputs
  /** signing-profile: a rule of ECR managed signing covers the repository; a push waits for the signature. */
  managedSigning?: ManagedSigningInputs
  /** ECR Public: log in to public.ecr.aws and create the repository with this catalog data. */
  public?: PublicCatalog
  /** Further registries that get the same image, repository settings and policies. */
  destinations: Destination[]
  /** Run the scan gate in each destination too. */
  scanDestinations: boolean
  /** The endpoint variant of every AWS call and of the registry host (destinations given as hosts keep theirs). */
  endpoint: EndpointVariant
  /** Sign what is delivered with a KMS key, in cosign's format. */
  signing?: SigningInputs
  /** Allowed but worth saying (a catalog name the gallery shows no badge for). */
  warnings: string[]
}

const MAX_TAGS_PER_IMAGE = 1000

/**
 * Reads every input through `get` (core.getInput in the action, a record in tests) and checks every
 * rule, so bad input fails here, before any AWS call or docker command.
 */
export function parseDeliverInputs(
  get: (name: string) => string,
  context: { sha?: string; env?: Record<string, string | undefined> } = {}
): DeliverInputs {
  const repository = parseRepositoryName(Input.repository, get(Input.repository))
  const work = parseWork(get, repository, context)
  const pushes = work.kind === 'image' || work.kind === 'source'
  const inputs: DeliverInputs = {
    work,
    stallTimeoutMs: parseDurationWithin(Input.stallTimeout, get(Input.stallTimeout), STALL_TIMEOUT),
    registryId: parseAccountId(Input.registryId, get(Input.registryId)),
    registries: parseList(get(Input.registries)).map(id => parseAccountId(Input.registries, id) as string),
    createRepository: parseBoolean(Input.createRepository, get(Input.createRepository), true),
    settings: parseRepositorySettings(get),
    skipLogout: parseBoolean(Input.skipLogout, get(Input.skipLogout), false),
    maskPassword: parseBoolean(Input.maskPassword, get(Input.maskPassword), true),
    ...parsePolicies(get, repository),
    scan: parseScanGate(get, pushes),
    managedSigning: parseManagedSigning(get, repository),
    destinations: [],
    scanDestinations: parseBoolean(Input.scanDestinations, get(Input.scanDestinations), false),
    endpoint: variantOf(
      parseEndpointChoice(Input.endpoint, get(Input.endpoint), name => context.env?.[name])
    ),
    signing: parseSigning(get, pushes),
    warnings: []
  }
  inputs.destinations = parseDeliveryDestinations(get, inputs)
  return checkRegistryType(get, inputs)
}

/** `image` or `source` (never both) with `repository` and `tags`; `repository` alone; or nothing. */
function parseWork(
  get: (name: string) => string,
  repository: string | undefined,
  context: { sha?: string }
): DeliverWork {
  const image = parseImageInput(get(Input.image))
  const source = get(Input.source).trim() || undefined
  if (image && source) {
    throw new InputError(
      Input.source,
      'and image are mutually exclusive: give image (docker engine) or source (files)'
    )
  }
  const maxConcurrency = parseInteger(Input.maxConcurrency, get(Input.maxConcurrency), {
    min: 1,
    max: 32,
    fallback: 5
  })
  const mountFrom = parseRepositoryName(Input.mountFrom, get(Input.mountFrom))
  const platformText = get(Input.platform).trim()
  const platform = platformText ? parsePlatform(platformText) : undefined
  if (typeof platform === 'string') throw new InputError(Input.platform, `${quote(platformText)} ${platform}`)
  if (platform && !source)
    throw new InputError(
      Input.platform,
      'applies to source: a docker engine image is one platform already, pushed as the engine holds it'
    )
  const referrers = parseEnum(Input.referrers, get(Input.referrers), ['push', 'skip'] as const) ?? 'push'
  const givenTags = parseList(get(Input.tags))
  if (!image && !source) {
    if (givenTags.length > 0)
      throw new InputError(Input.tags, 'need image or source: without one there is nothing to push')
    return repository ? { kind: 'ensure', repository } : { kind: 'login' }
  }
  const what = image ? Input.image : Input.source
  if (!repository) throw new InputError(Input.repository, `is required when ${what} is given`)
  // The commit SHA is the default tag, as `${{ github.sha }}` would be.
  const tags = givenTags.length > 0 || !context.sha ? givenTags : [context.sha]
  for (const tag of tags) {
    if (!TAG.test(tag)) {
      throw new InputError(
        Input.tags,
        `${quote(tag)} is not a valid tag: it must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127} (128 characters at most)`
      )
    }
  }
  if (tags.length === 0) throw new InputError(Input.tags, `must name at least one tag when ${what} is given`)
  if (tags.length > MAX_TAGS_PER_IMAGE)
    throw new InputError(Input.tags, `at most ${MAX_TAGS_PER_IMAGE} tags per image`)
  return image
    ? { kind: 'image', repository, image, tags, maxConcurrency, mountFrom, referrers }
    : {
        kind: 'source',
        repository,
        source: source as string,
        tags,
        maxConcurrency,
        mountFrom,
        platform,
        referrers
      }
}

/**
 * `destinations`, checked against what else was given: they need a repository (there is nothing to put
 * in them otherwise), and one KMS key ARN cannot serve several regions (a key lives in one region; an
 * alias can name a key of the same name in each). One given as a region inherits the step's endpoint
 * choice; one given as a host keeps what its name says.
 */
function parseDeliveryDestinations(get: (name: string) => string, inputs: DeliverInputs): Destination[] {
  const destinations = parseDestinations(Input.destinations, get(Input.destinations), inputs.registryId).map(
    destination => (destination.host ? destination : { ...destination, ...inputs.endpoint })
  )
  if (destinations.length === 0) {
    if (inputs.scanDestinations)
      throw new InputError(Input.scanDestinations, 'applies only with destinations')
    return destinations
  }
  if (inputs.work.kind === 'login')
    throw new InputError(
      Input.destinations,
      'need repository: a destination gets the repository and the image'
    )
  if (inputs.scanDestinations && !inputs.scan.wait)
    throw new InputError(
      Input.scanDestinations,
      `applies only with ${Input.scan}: wait (the gate runs where it waits)`
    )
  const kmsRegion = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(inputs.settings.kmsKey ?? '')?.[1]
  const elsewhere = destinations.find(destination => destination.region !== kmsRegion)
  if (kmsRegion && elsewhere) {
    throw new InputError(
      Input.kmsKey,
      `${quote(inputs.settings.kmsKey ?? '')} is a key of ${kmsRegion}, and destination ${quote(elsewhere.label)} ` +
        'is in another region: one key ARN cannot serve several regions. Give an alias (alias/name) that ' +
        "exists in every region, or a key ID only when every registry is in that key's region"
    )
  }
  return destinations
}

/** The repository a step works on, when it has one. */
export function repositoryOf(work: DeliverWork): string | undefined {
  return work.kind === 'login' ? undefined : work.repository
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
    throw new InputError(Input.image, `${quote(image)} is not an image reference: ${parsed}`)
  return image
}
