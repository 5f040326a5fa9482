import { ActionError, quote } from '../common/errors.js'
import { RegistryError } from './errors.js'
import { isDigest, isManifestReference, isRepositoryPath } from './reference.js'
import type { HttpResponse } from './transport.js'

/** The registry API's paths, checked before any request is made; upload Locations kept on the registry. */

export function manifestPath(repository: string, reference: string): string {
  return `${repositoryPath(repository)}/manifests/${checkReference(reference)}`
}

/** `/v2/<repository>/referrers/<digest>`: the OCI 1.1 referrers API. */
export function referrersPath(repository: string, digest: string): string {
  if (!isDigest(digest)) throw new ActionError(`not a digest: ${quote(digest)}`)
  return `${repositoryPath(repository)}/referrers/${digest}`
}

export function repositoryPath(repository: string): string {
  if (!isRepositoryPath(repository)) throw new ActionError(`not a repository name: ${quote(repository)}`)
  return `/v2/${repository}`
}

function checkReference(reference: string): string {
  if (!isManifestReference(reference)) throw new ActionError(`not a tag or digest: ${quote(reference)}`)
  return reference
}

export function blobPath(repository: string, digest: string): string {
  if (!isDigest(digest)) throw new ActionError(`not a digest: ${quote(digest)}`)
  return `${repositoryPath(repository)}/blobs/${digest}`
}

/**
 * Location, resolved against the request URL: it may be relative and may carry a query to keep. It must
 * stay on the registry's origin: an upload session elsewhere would get the registry's credentials.
 */
export function locationOf(response: HttpResponse): string {
  const location = response.headers.get('location')
  const fail = (detail: string) =>
    new RegistryError(response.status, undefined, detail, response.url, undefined, response.method)
  if (!location) throw fail('upload answer has no Location')
  const resolved = new URL(location, response.url)
  if (resolved.origin !== new URL(response.url).origin) {
    throw fail(`upload Location points to another host (${resolved.host}): refused`)
  }
  return resolved.toString()
}

export function withQuery(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, value)
  return parsed.toString()
}
