import type { ImageDetail } from '@aws-sdk/client-ecr'
import type { AwsService } from '../../common/endpoints.js'
import { InputError, quote } from '../../common/errors.js'
import { parseList } from '../../common/inputs.js'
import { parseRegistryHost } from '../hosts.js'
import { parseReference } from '../../registry/reference.js'

/** The kinds of deployment the scan reads, and the other sources of "in use". */
export const SCAN_KINDS = ['ecs', 'lambda', 'batch', 'apprunner', 'inspector'] as const
export type ScanKind = (typeof SCAN_KINDS)[number]

/** Pure: an input naming scan kinds (a list, any case; `none` alone for none; empty for the fallback). */
export function parseScanKinds(input: string, raw: string, fallback: readonly ScanKind[]): ScanKind[] {
  const given = parseList(raw)
  if (given.length === 0) return [...fallback]
  if (given.length === 1 && given[0]?.toLowerCase() === 'none') return []
  return given.map(kind => {
    const known = SCAN_KINDS.find(k => k === kind.toLowerCase())
    if (!known)
      throw new InputError(input, `${quote(kind)} is not one of ${SCAN_KINDS.join(', ')}, or none (alone)`)
    return known
  })
}
export type InUseSource = ScanKind | 'in-use-images' | 'pulled'

/** The API each kind is read through (its endpoint choice is checked before any call). */
export const SCAN_SERVICES = {
  ecs: 'ECS',
  lambda: 'Lambda',
  batch: 'Batch',
  apprunner: 'AppRunner',
  inspector: 'Inspector2'
} as const satisfies Record<ScanKind, AwsService>

/** An image reference a deployment makes, and where. */
export interface FoundReference {
  /** As the deployment names it: `<host>/<repository>:<tag>`, `…@sha256:…`, or both. */
  image: string
  /** The digest the deployment actually runs, when the API says (an ECS task, Lambda's ResolvedImageUri). */
  digest?: string
  source: InUseSource
  /** Where, for the report: `cluster prod, service web, task definition web:42`. */
  where: string
}

/** What counts as in use in the repositories being cleaned: per repository, digest → where it is used. */
export interface InUse {
  byRepository: Map<string, Map<string, { source: InUseSource; where: string }[]>>
  /** References to other registries (another account, region or host): not ours to keep. */
  elsewhere: number
  /** References whose tag no image holds now (the tag moved away or was deleted). */
  unresolved: string[]
}

/** The registry being cleaned. */
/** The registry being cleaned: a private one by account and region, or ECR Public by its alias. */
export type RegistryIdentity = { accountId: string; region: string } | { publicAlias: string }

/**
 * Pure: the references that name this registry, resolved to digests of the repositories being cleaned.
 * A reference by tag counts as the digest the tag holds now (looked up in the listed images: no call), a
 * reference by digest as that digest, and a digest the deployment reports as running counts too. Hosts are
 * parsed with the ECR host parser (FIPS, dual-stack, China and EU hosts alike); anything else is elsewhere.
 */
export function resolveInUse(
  references: FoundReference[],
  registry: RegistryIdentity,
  images: ReadonlyMap<string, ImageDetail[]>
): InUse {
  const result: InUse = { byRepository: new Map(), elsewhere: 0, unresolved: [] }
  const tagIndex = new Map<string, Map<string, string>>()
  for (const [repository, details] of images) {
    const tags = new Map<string, string>()
    for (const detail of details) {
      for (const tag of detail.imageTags ?? []) if (detail.imageDigest) tags.set(tag, detail.imageDigest)
    }
    tagIndex.set(repository, tags)
  }
  const add = (repository: string, digest: string, reference: FoundReference) => {
    const digests =
      result.byRepository.get(repository) ?? new Map<string, { source: InUseSource; where: string }[]>()
    const uses = digests.get(digest) ?? []
    if (!uses.some(u => u.where === reference.where && u.source === reference.source)) {
      uses.push({ source: reference.source, where: reference.where })
    }
    digests.set(digest, uses)
    result.byRepository.set(repository, digests)
  }
  for (const reference of references) {
    const target = ownReference(reference.image, registry)
    if (target === 'elsewhere') {
      result.elsewhere++
      continue
    }
    if (target === undefined || !images.has(target.repository)) continue
    if (target.digest) add(target.repository, target.digest, reference)
    if (reference.digest && /^sha256:[a-f0-9]{64}$/.test(reference.digest)) {
      add(target.repository, reference.digest, reference)
    }
    if (target.tag && !target.digest) {
      const digest = tagIndex.get(target.repository)?.get(target.tag)
      if (digest) add(target.repository, digest, reference)
      else if (!reference.digest) result.unresolved.push(reference.image)
    }
  }
  return result
}

/**
 * The repository, tag and digest a reference names in this registry; 'elsewhere' for another registry;
 * undefined for text that is no image reference at all.
 */
export function ownReference(
  image: string,
  registry: RegistryIdentity
): { repository: string; tag?: string; digest?: string } | 'elsewhere' | undefined {
  const parsed = parseReference(image.trim(), { domain: 'allowed' })
  if (typeof parsed === 'string') return undefined
  const host = parsed.domain ? parseRegistryHost(parsed.domain) : undefined
  const prefix = 'publicAlias' in registry ? `${registry.publicAlias}/` : ''
  const ours =
    'publicAlias' in registry
      ? host?.kind === 'public' && parsed.repository.startsWith(prefix)
      : host?.kind === 'private' && host.accountId === registry.accountId && host.region === registry.region
  if (!ours) return 'elsewhere'
  return {
    repository: parsed.repository.slice(prefix.length),
    tag: parsed.digest ? undefined : (parsed.tag ?? 'latest'),
    digest: parsed.digest
  }
}
