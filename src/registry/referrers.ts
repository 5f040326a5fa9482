import { ActionError, quote } from '../common/errors.js'
import type { RegistryClient } from './client.js'
import { RegistryError } from './errors.js'
import { MediaType, isIndex, type Descriptor, type Manifest } from './media-types.js'
import type { ManifestBlob } from './sources/types.js'

/**
 * OCI 1.1 referrers (signatures, attestations, SBOMs): a manifest with a `subject`. A registry with the
 * referrers API says so by answering the manifest PUT with an `OCI-Subject` header, and lists them at
 * `/referrers/<digest>`; for one without (docker-registry 2.8, older registries) the client keeps the
 * referrers tag schema: an index under the tag `sha256-<subject hex>` listing each referrer's descriptor,
 * read, merged and written back (OCI distribution spec 1.1, "Pushing Manifests with Subject").
 */

/** A referrer as a registry lists it, and as the `referrers` output reports it. */
export interface Referrer {
  digest: string
  artifactType?: string
  subject: string
}

/** The tag under which the tag schema keeps a subject's referrers. */
export function tagSchemaTag(subject: string): string {
  return subject.replace(':', '-')
}

/** Pure: the descriptor a referrers list gives a manifest (its artifactType, or its config's media type). */
export function referrerDescriptor(manifest: ManifestBlob): Descriptor {
  const parsed = JSON.parse(manifest.bytes.toString('utf8')) as Manifest
  const artifactType = parsed.artifactType ?? (isIndex(parsed) ? undefined : parsed.config?.mediaType)
  return {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.bytes.length,
    ...(artifactType ? { artifactType } : {}),
    ...(parsed.annotations ? { annotations: parsed.annotations } : {})
  }
}

/**
 * Puts a referrer by digest, after its subject; where the registry does not answer with `OCI-Subject`, the
 * tag schema lists it. A registry that refuses the manifest (ECR has refused some referrer manifests with
 * 405) fails naming the referrer and the registry's answer.
 */
export async function putReferrer(
  registry: RegistryClient,
  repository: string,
  manifest: ManifestBlob,
  subject: string
): Promise<'api' | 'tag-schema'> {
  let said: { subject?: string }
  try {
    said = await registry.putManifestSaying(repository, manifest.digest, manifest.bytes, manifest.mediaType)
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error
    const type = referrerDescriptor(manifest).artifactType
    throw new ActionError(
      `The registry refused the referrer ${manifest.digest}${type ? ` (${quote(type, 120)})` : ''} of ${subject}: ` +
        `${error.message}. Deliver the image without its referrers with referrers: skip.`,
      { cause: error }
    )
  }
  if (said.subject === subject) return 'api'
  await addToTagSchema(registry, repository, subject, referrerDescriptor(manifest))
  return 'tag-schema'
}

/** Merges a descriptor into the subject's tag-schema index (read, merged, written back when it changed). */
async function addToTagSchema(
  registry: RegistryClient,
  repository: string,
  subject: string,
  descriptor: Descriptor
): Promise<void> {
  const tag = tagSchemaTag(subject)
  const stored = await registry.getManifest(repository, tag)
  const listed = stored && isIndex(stored.manifest) ? stored.manifest.manifests : []
  if (listed.some(d => d.digest === descriptor.digest)) return
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [...listed, descriptor] })
  )
  await registry.putManifest(repository, tag, bytes, MediaType.ociIndex)
}

/** A subject's referrers: from the referrers API, or from the tag schema where the registry has none. */
export async function listReferrers(
  registry: RegistryClient,
  repository: string,
  subject: string
): Promise<Referrer[]> {
  const fromApi = await registry.referrersOf(repository, subject)
  const descriptors =
    fromApi ??
    (await (async () => {
      const stored = await registry.getManifest(repository, tagSchemaTag(subject))
      return stored && isIndex(stored.manifest) ? stored.manifest.manifests : []
    })())
  return descriptors.map(d => ({
    digest: d.digest,
    ...(d.artifactType ? { artifactType: d.artifactType } : {}),
    subject
  }))
}

/** Pure: how a referrer is reported (the `referrers` output): its digest, artifactType and subject. */
export function referrerOf(manifest: ManifestBlob & { subject: string }): Referrer {
  const { artifactType } = referrerDescriptor(manifest)
  return { digest: manifest.digest, ...(artifactType ? { artifactType } : {}), subject: manifest.subject }
}

/** Those of `referrers` their subject's list does not name yet (one read per subject). */
export async function missingReferrers<T extends { digest: string; subject: string }>(
  registry: RegistryClient,
  repository: string,
  referrers: T[]
): Promise<T[]> {
  const listed = new Map<string, Set<string>>()
  for (const subject of new Set(referrers.map(r => r.subject))) {
    listed.set(subject, new Set((await listReferrers(registry, repository, subject)).map(r => r.digest)))
  }
  return referrers.filter(r => !listed.get(r.subject)?.has(r.digest))
}

/** Reads back each subject's referrers: every referrer pushed must be listed, by the API or the tag schema. */
export async function verifyReferrers(
  registry: RegistryClient,
  repository: string,
  referrers: Referrer[]
): Promise<void> {
  const missing = await missingReferrers(registry, repository, referrers)
  if (missing.length > 0) {
    throw new ActionError(
      `${repository}: after the push, the registry does not list ${missing.map(r => `${r.digest} as a referrer of ${r.subject}`).join(', ')}`
    )
  }
}
