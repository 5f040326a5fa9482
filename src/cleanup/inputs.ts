import { parseAccountId, parseRegion } from '../ecr/names.js'
import { parseEndpointChoice, variantOf, type EndpointVariant } from '../common/endpoints.js'
import { InputError, quote } from '../common/errors.js'
import { parseDuration } from '../common/duration.js'
import { parseBoolean, parseEnum, parseInteger, parseLines, parseList } from '../common/inputs.js'
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { readFileInside, workspaceRoot } from '../common/files.js'
import { parseReference } from '../registry/reference.js'
import { parseScanKinds, type ScanKind } from '../ecr/in-use/references.js'
import type { CleanupRules } from './planner.js'
import { Input } from './constants.js'

export interface CleanupInputs {
  /** Repository names or globs (`team/*`, `**`). */
  repositories: string[]
  /** ECR (private) or ECR Public. */
  registryType: 'private' | 'public'
  registryId?: string
  rules: CleanupRules
  dryRun: boolean
  maxDeletions: number
  /** Allowed but risky settings, for the log. */
  warnings: string[]
  inUse: InUseInputs
  /** Delete a matched repository that the run left with no image (DeleteRepository without force). */
  deleteEmptyRepositories: boolean
  /** The endpoint variant of every AWS call and of the registry host. */
  endpoint: EndpointVariant
}

/** What to scan for images in use, and what else counts as in use. */
export interface InUseInputs {
  kinds: ScanKind[]
  /** N newest ECS task definition revisions / Lambda versions / Batch revisions count as in use. */
  keepRevisions: number
  /** Regions besides the registry's whose deployments may pull from it. */
  regions: string[]
  /** References in use anywhere else (EKS, other accounts, on-premises). */
  images: string[]
}

/** What keep-in-use scans when it is left at its default. */
export const DEFAULT_KEEP_IN_USE: ScanKind[] = ['ecs', 'lambda']
/** An in-use-images file holds one reference per line (or kubectl's space separated list): 4 MiB is plenty. */
const MAX_IMAGES_FILE_BYTES = 4 * 1024 * 1024

/** A push uploads an index's children before the index: younger untagged images may be one in flight. */
const SAFE_UNTAGGED_AGE_MS = 3_600_000

const DIGEST = /^sha256:[a-f0-9]{64}$/

/** ECR charges an archived image for 90 days at least, whenever it is deleted. */
const ARCHIVE_MINIMUM_MS = 90 * 86_400_000

/** Reads and checks every cleanup input, before any AWS call. */
export function parseCleanupInputs(
  get: (name: string) => string,
  env: Record<string, string | undefined> = {}
): CleanupInputs {
  const repositories = parseList(get(Input.repositories))
  if (repositories.length === 0) {
    throw new InputError(Input.repositories, 'must name at least one repository or pattern (team/*, **)')
  }
  const registryId = parseAccountId(Input.registryId, get(Input.registryId))
  const untaggedOlderThanMs = parseDuration(Input.untaggedOlderThan, get(Input.untaggedOlderThan) || '1d')
  const untagged = parseEnum(Input.untagged, get(Input.untagged), ['delete', 'keep'] as const) ?? 'delete'
  const warnings: string[] = []
  if (untagged === 'delete' && untaggedOlderThanMs < SAFE_UNTAGGED_AGE_MS) {
    warnings.push(
      'untagged-older-than is below 1h: the untagged children of a multi-platform push still in flight ' +
        '(pushed before their index) can be deleted from under it'
    )
  }
  const action = parseEnum(Input.action, get(Input.action), ['delete', 'archive'] as const) ?? 'delete'
  const archivedOlderThanMs = get(Input.archivedOlderThan).trim()
    ? parseDuration(Input.archivedOlderThan, get(Input.archivedOlderThan))
    : undefined
  if (archivedOlderThanMs !== undefined && archivedOlderThanMs < ARCHIVE_MINIMUM_MS) {
    warnings.push(
      'archived-older-than is below 90d: ECR charges an archived image for 90 days of storage at least, ' +
        'so deleting it sooner saves nothing'
    )
  }
  const registryType =
    parseEnum(Input.registryType, get(Input.registryType), ['private', 'public'] as const) ?? 'private'
  const inputs: CleanupInputs = {
    repositories,
    registryType,
    registryId,
    warnings,
    rules: {
      keepLast: parseInteger(Input.keepLast, get(Input.keepLast), { min: 0, max: 100_000, fallback: 10 }),
      olderThanMs: parseDuration(Input.olderThan, get(Input.olderThan) || '30d'),
      tagPatterns: orDefault(parseList(get(Input.tagPatterns)), ['*']),
      keepTags: parseList(get(Input.keepTags)),
      untagged,
      untaggedOlderThanMs,
      keepDigests: new Set(parseLines(get(Input.keepDigests)).map(parseKeepDigest)),
      keepPulledWithinMs: get(Input.keepPulledWithin).trim()
        ? parseDuration(Input.keepPulledWithin, get(Input.keepPulledWithin))
        : undefined,
      action,
      archivedOlderThanMs
    },
    dryRun: parseBoolean(Input.dryRun, get(Input.dryRun), false),
    inUse: parseInUseInputs(get),
    deleteEmptyRepositories: parseBoolean(
      Input.deleteEmptyRepositories,
      get(Input.deleteEmptyRepositories),
      false
    ),
    maxDeletions: parseInteger(Input.maxDeletions, get(Input.maxDeletions), {
      min: 0,
      max: 1_000_000,
      fallback: 500
    }),
    endpoint: variantOf(parseEndpointChoice(Input.endpoint, get(Input.endpoint), name => env[name]))
  }
  if (registryType === 'public') refusePrivateOnly(inputs)
  return inputs
}

/**
 * ECR Public has no registry of another account to name, no pull times and no archive storage class: the
 * inputs that rely on them are refused, before any call.
 */
function refusePrivateOnly(inputs: CleanupInputs): void {
  const refused: [string, boolean][] = [
    [Input.registryId, inputs.registryId !== undefined],
    [Input.keepPulledWithin, inputs.rules.keepPulledWithinMs !== undefined],
    [Input.action, inputs.rules.action === 'archive'],
    [Input.archivedOlderThan, inputs.rules.archivedOlderThanMs !== undefined]
  ]
  const given = refused.find(([, isGiven]) => isGiven)
  if (given) {
    throw new InputError(
      given[0],
      'applies only to private registries, not with registry-type public (ECR Public has no pull times, no archive and one registry)'
    )
  }
}

function orDefault(values: string[], fallback: string[]): string[] {
  return values.length > 0 ? values : fallback
}

/** `sha256:…` or an image URI ending in `@sha256:…` (what a deployment references). */
function parseKeepDigest(entry: string): string {
  const digest = entry.includes('@') ? entry.slice(entry.lastIndexOf('@') + 1) : entry
  if (!DIGEST.test(digest)) {
    throw new InputError(
      Input.keepDigests,
      `${quote(entry)} is neither a sha256:… digest nor an image URI ending in @sha256:…`
    )
  }
  return digest
}

function parseInUseInputs(get: (name: string) => string): InUseInputs {
  const kinds = parseScanKinds(Input.keepInUse, get(Input.keepInUse), DEFAULT_KEEP_IN_USE)
  const regions = parseList(get(Input.inUseRegions)).map(region => parseRegion(Input.inUseRegions, region))
  return {
    kinds,
    keepRevisions: parseInteger(Input.keepRevisions, get(Input.keepRevisions), {
      min: 0,
      max: 1000,
      fallback: 3
    }),
    regions,
    images: parseInUseImages(get(Input.inUseImages))
  }
}

/**
 * `in-use-images`: references one per line (or separated by spaces, as `kubectl get pods -o
 * jsonpath='{..image}'` prints them), or the path of a file in the workspace that holds them. Each is
 * checked against the reference grammar.
 */
function parseInUseImages(raw: string): string[] {
  const text = raw.trim()
  if (text === '') return []
  let content = text
  if (!/\s/.test(text) && isWorkspaceFile(text)) {
    try {
      content = readFileInside(text, workspaceRoot(), MAX_IMAGES_FILE_BYTES).toString('utf8')
    } catch (error) {
      throw new InputError(Input.inUseImages, (error as Error).message)
    }
  }
  const withoutComments = content
    .split('\n')
    .map(line => line.replace(/(^|\s)#.*$/, ''))
    .join('\n')
  const references = [...new Set(withoutComments.split(/\s+/).filter(item => item !== ''))]
  for (const reference of references) {
    const parsed = parseReference(reference, { domain: 'allowed' })
    if (typeof parsed === 'string') {
      throw new InputError(Input.inUseImages, `${quote(reference)} is not an image reference: ${parsed}`)
    }
  }
  return references
}

function isWorkspaceFile(path: string): boolean {
  try {
    return statSync(resolve(workspaceRoot(), path)).isFile()
  } catch {
    return false
  }
}
