import { InputError, quote } from '../common/errors.js'
import { REPOSITORY_PATH, TAG } from '../registry/reference.js'

/**
 * The names every action checks its inputs against, in one place: ECR repository names and tags (the
 * registry reference grammar), account IDs and region names. Each parser takes the input's name and its raw
 * value, so the error names the input.
 */
export const REPOSITORY_NAME = REPOSITORY_PATH
export { TAG }
export const ACCOUNT_ID = /^\d{12}$/
export const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/

/** An ECR repository name (2 to 256 characters of the reference grammar); undefined when empty. */
export function parseRepositoryName(input: string, raw: string): string | undefined {
  const name = raw.trim()
  if (name === '') return undefined
  if (name.length < 2 || name.length > 256) {
    throw new InputError(input, `${quote(name)} must be 2 to 256 characters long (it has ${name.length})`)
  }
  if (!REPOSITORY_NAME.test(name)) {
    throw new InputError(
      input,
      `${quote(name)} is not a valid ECR repository name: lowercase letters and digits, separated by ".", "_", "__" or ` +
        'dashes, in path components joined by "/" (no leading, trailing or doubled separators)'
    )
  }
  return name
}

/** A 12-digit AWS account ID; undefined when empty. */
export function parseAccountId(input: string, raw: string): string | undefined {
  const id = raw.trim()
  if (id === '') return undefined
  if (!ACCOUNT_ID.test(id)) throw new InputError(input, `${quote(id)} is not an AWS account ID (12 digits)`)
  return id
}

/** A region name such as eu-west-1 or us-gov-west-1. */
export function parseRegion(input: string, raw: string): string {
  const region = raw.trim()
  if (!REGION.test(region))
    throw new InputError(input, `${quote(region)} is not a region name (like eu-west-1)`)
  return region
}
