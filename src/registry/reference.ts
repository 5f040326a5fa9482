import { quote } from '../common/errors.js'
/**
 * The one grammar for image references, after distribution's `reference` package: every repository
 * name, tag, digest and reference the suite reads from an input, a file or a registry goes through here
 * before it becomes part of a URL or a command line. Path components cannot be empty, `.` or `..`.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*'
/** A repository path: lowercase components separated by `.`, `_`, `__` or dashes, joined by `/`. */
export const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
/** A tag as docker and OCI tooling accept it. */
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
/** A sha256 digest, the only algorithm ECR uses. */
export const DIGEST = /^sha256:[a-f0-9]{64}$/
/** cosign's `sha256-<hex>.sig` / `.att` / `.sbom` tags, and the referrers tag schema's: they name the image they belong to. */
export const ARTIFACT_TAG = /^sha256-[a-f0-9]{64}(\.[a-z]+)?$/

const DOMAIN_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])'
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]{1,5})?$`)

export interface ImageReference {
  /** The registry host (and port), when the reference names one. */
  domain?: string
  repository: string
  tag?: string
  digest?: string
}

export const isDigest = (value: unknown): value is string => typeof value === 'string' && DIGEST.test(value)
export const isTag = (value: unknown): value is string => typeof value === 'string' && TAG.test(value)
export const isRepositoryPath = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 256 && REPOSITORY_PATH.test(value)

/** A manifest reference in a URL: a tag or a digest. */
export const isManifestReference = (value: unknown): value is string => isTag(value) || isDigest(value)

/**
 * Parses `[domain/]path[:tag][@digest]`. With `domain: 'allowed'` the first component is a registry host
 * when it holds a `.` or `:` or is `localhost` (docker's rule); otherwise every component is a path
 * component. Returns the reason as a string when the text is not a reference.
 */
export function parseReference(
  text: string,
  options: { domain: 'allowed' | 'refused' }
): ImageReference | string {
  if (text.length === 0) return 'it is empty'
  if (text.length > 512) return 'it is longer than 512 characters'
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return `the digest after @ must be sha256: and 64 lowercase hex digits`
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return `the tag ${quote(tag)} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`
  }
  let domain: string | undefined
  const slash = rest.indexOf('/')
  const first = slash >= 0 ? rest.slice(0, slash) : ''
  if (options.domain === 'allowed' && slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
    if (!DOMAIN.test(first)) return `${quote(first)} is not a registry host name`
    domain = first
    rest = rest.slice(slash + 1)
  }
  if (!REPOSITORY_PATH.test(rest)) {
    return (
      'the repository path must be lowercase letters and digits separated by ".", "_", "__" or dashes, ' +
      'in components joined by "/" (no empty, "." or ".." components)'
    )
  }
  return { domain, repository: rest, tag, digest }
}
