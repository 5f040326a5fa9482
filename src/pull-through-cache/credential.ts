import { InputError, quote } from '../common/errors.js'
import type { UpstreamCredential } from '../ecr/secrets.js'
import { Input } from './constants.js'

/** Reads one variable of the step's environment: process.env in the action, a record in tests. */
export type Environment = (name: string) => string | undefined

/** A `credential` mapping as declared: the secret to keep, and the variables that hold its values. */
export interface CredentialSource {
  secretName: string
  usernameEnv: string
  accessTokenEnv: string
}

const FIELDS = ['secret', 'username-env', 'access-token-env'] as const
/** The keys that once took the values themselves, inside the YAML. */
const INLINE = new Set(['username', 'access-token'])
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// An inline key at a line's start (block style) or after `{` or `,` (flow style); `username-env:` is not one.
const INLINE_KEY = /(^|[\s{,])["']?(username|access-token)["']?[ \t]*:/m
const THE_NEW_WAY =
  'name environment variables instead: username-env: HUB_USER and access-token-env: HUB_TOKEN in the ' +
  'credential, with env: HUB_USER: ${{ vars.DOCKERHUB_USER }} and HUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }} on the step'

/**
 * The refusal of `username:`/`access-token:` in the YAML. GitHub substitutes `${{ secrets.X }}` into the
 * input before it is parsed, so the token is YAML source: `#` starts a comment, quotes and `!` change it,
 * `: ` or `@` break the document. No check can prove a scalar is the bytes the user meant.
 */
export function inlineValuesRefused(where: string | undefined, yamlProblem?: string): InputError {
  return new InputError(
    Input.rules,
    `${where ? `${where}: ` : ''}credential username and access-token are not read from the YAML (a secret ` +
      `substituted into it is read as YAML: # starts a comment, quotes and ! change it, ": " breaks it); ` +
      THE_NEW_WAY +
      (yamlProblem ? ` (as given, the input ${yamlProblem})` : '')
  )
}

/** Pure: whether YAML text (one that does not parse) gives a credential's values inline, the likely reason. */
export function mentionsInlineValues(raw: string): boolean {
  return INLINE_KEY.test(raw)
}

/**
 * Pure: `credential: { secret, username-env, access-token-env }` checked; undefined for a credential given
 * by name or ARN. No message quotes a value: a name field may hold a substituted secret.
 */
export function parseCredentialSource(value: unknown, where: string): CredentialSource | undefined {
  if (value === null || typeof value !== 'object') return undefined
  if (Array.isArray(value))
    throw new InputError(
      Input.rules,
      `${where}: credential is a secret name, or a mapping of ${FIELDS.join(', ')}`
    )
  const fields = value as Record<string, unknown>
  if (Object.keys(fields).some(key => INLINE.has(key))) throw inlineValuesRefused(where)
  const unknown = Object.keys(fields).find(key => !(FIELDS as readonly string[]).includes(key))
  if (unknown !== undefined)
    throw new InputError(
      Input.rules,
      `${where}: credential: unknown field ${quote(unknown)} (fields: ${FIELDS.join(', ')})`
    )
  const missing = FIELDS.filter(
    key => fields[key] === undefined || fields[key] === null || fields[key] === ''
  )
  if (missing.length > 0)
    throw new InputError(Input.rules, `${where}: credential needs ${missing.join(' and ')}`)
  for (const key of ['username-env', 'access-token-env'] as const) {
    if (typeof fields[key] !== 'string' || !ENV_NAME.test(fields[key]))
      throw new InputError(
        Input.rules,
        `${where}: credential ${key} must be the name of an environment variable (letters, digits and _, ` +
          `not starting with a digit), not a value; ${THE_NEW_WAY}`
      )
  }
  return {
    secretName: String(fields.secret).trim(),
    usernameEnv: fields['username-env'] as string,
    accessTokenEnv: fields['access-token-env'] as string
  }
}

/**
 * The values, read from the environment exactly as they are: no trimming, no newline changes (a byte
 * changed is a credential the upstream refuses, found only when ECR validates the rule). An unset or
 * blank variable fails naming the variable, never showing a value.
 */
export function readCredential(
  source: CredentialSource,
  where: string,
  env: Environment
): UpstreamCredential {
  const username = env(source.usernameEnv)
  const accessToken = env(source.accessTokenEnv)
  const problems = [
    variableProblem(source.usernameEnv, 'username-env', username),
    variableProblem(source.accessTokenEnv, 'access-token-env', accessToken)
  ].filter(problem => problem !== undefined)
  if (problems.length > 0) throw new InputError(Input.rules, `${where}: credential: ${problems.join('; ')}`)
  return { secretName: source.secretName, username: username as string, accessToken: accessToken as string }
}

function variableProblem(name: string, field: string, value: string | undefined): string | undefined {
  if (value === undefined)
    return `environment variable ${name} (${field}) is not set: give it in the step's env: block`
  if (value.trim() === '')
    return (
      `environment variable ${name} (${field}) is empty or blank: a secret that does not exist in this ` +
      'repository, or a pull request from a fork, gives an empty value'
    )
  return undefined
}
