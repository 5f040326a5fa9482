import { isMap } from 'yaml'
import { InputError, quote } from '../common/errors.js'
import { REPOSITORY_NAME } from '../ecr/names.js'
import type { CacheRule } from '../ecr/cache-rules.js'
import {
  inlineValuesRefused,
  mentionsInlineValues,
  parseCredentialSource,
  readCredential,
  type CredentialSource,
  type Environment
} from './credential.js'
import { resolveUpstream } from './upstreams.js'
import { Input } from './constants.js'
import { parseYamlList } from './yaml-list.js'

export type { CacheRule } from '../ecr/cache-rules.js'

export interface RegistryContext {
  /**
   * The registry's account. Unknown before the first call when registry-id is not given: the rules are
   * then checked without it (an ARN's account is not compared) and parsed again once it is known.
   */
  accountId?: string
  region: string
  partition?: string
}

const SECRET_PREFIX = 'ecr-pullthroughcache/'
const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/
export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/
// `template` is read and checked by templates.ts (parseTemplateInputs), after the rules themselves.
const FIELDS = new Set(['prefix', 'upstream', 'credential', 'upstream-prefix', 'role', 'template'])

/**
 * Parses the `rules` input (a YAML list) and checks every rule before any call: the prefix against ECR's
 * pattern, the upstream against what ECR can cache, the credential against what that upstream needs and
 * against the registry's account and region; a credential's values are then read from `env`. Errors name
 * the rule and, for YAML, the line and column.
 */
export function parseCacheRules(raw: string, registry: RegistryContext, env: Environment): CacheRule[] {
  const declared: Declared[] = []
  ruleItems(raw).forEach((item, index) => {
    const where = `rule ${index + 1}`
    if (!isMap(item)) throw new InputError(Input.rules, `${where} must be a mapping with prefix and upstream`)
    const fields = item.toJSON() as Record<string, unknown>
    for (const key of Object.keys(fields)) {
      if (!FIELDS.has(key))
        throw new InputError(
          Input.rules,
          `${where}: unknown field ${quote(key)} (fields: ${[...FIELDS].join(', ')})`
        )
    }
    const parsed = parseRule(fields, where, registry)
    if (declared.some(d => d.rule.prefix === parsed.rule.prefix))
      throw new InputError(Input.rules, `${where}: prefix ${quote(parsed.rule.prefix)} is declared twice`)
    declared.push(parsed)
  })
  // The values last: rules that are wrong as written say so before a missing variable does.
  return declared.map(({ rule, source, where }) =>
    source ? { ...rule, credentialValues: readCredential(source, where, env) } : rule
  )
}

/** A rule as written, and where its credential's values are to be read from. */
interface Declared {
  rule: CacheRule
  source?: CredentialSource
  where: string
}

/** The YAML list; when it does not parse and gives credential values inline, the refusal of those says why. */
function ruleItems(raw: string): unknown[] {
  try {
    return parseYamlList(Input.rules, raw, 'rules')
  } catch (error) {
    const syntax = error instanceof InputError && error.rule.startsWith('is not valid YAML')
    if (!syntax || !mentionsInlineValues(raw)) throw error
    // Only the position: the parser's message may hold a piece of the substituted value.
    const at = / at line \d+, column \d+/.exec(error.rule)?.[0] ?? ''
    throw inlineValuesRefused(undefined, `is not valid YAML${at}`)
  }
}

function text(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key]
  if (value === undefined || value === null || value === '') return undefined
  return String(value).trim()
}

function parseRule(fields: Record<string, unknown>, where: string, registry: RegistryContext): Declared {
  const prefix = text(fields, 'prefix')
  if (!prefix) throw new InputError(Input.rules, `${where}: prefix is required`)
  if (prefix !== 'ROOT' && (prefix.length < 2 || prefix.length > 30 || !REPOSITORY_NAME.test(prefix))) {
    throw new InputError(
      Input.rules,
      `${where}: prefix ${quote(prefix)} must be ROOT or 2 to 30 characters of lowercase letters and digits separated by . _ - or /`
    )
  }
  const upstreamText = text(fields, 'upstream')
  if (!upstreamText) throw new InputError(Input.rules, `${where} (${prefix}): upstream is required`)
  const upstream = resolveUpstream(upstreamText)
  if (typeof upstream === 'string') throw new InputError(Input.rules, `${where} (${prefix}): ${upstream}`)

  const source = parseCredentialSource(fields.credential, `${where} (${prefix})`)
  if (source && SECRET_ARN.test(source.secretName))
    throw new InputError(
      Input.rules,
      `${where} (${prefix}): credential secret is the name to create it under (${SECRET_PREFIX}…), not an ARN`
    )
  const credential = source ? source.secretName : text(fields, 'credential')
  if (upstream.credential === 'required' && !credential) {
    throw new InputError(
      Input.rules,
      `${where} (${prefix}): upstream ${upstream.kind} needs a credential: a Secrets Manager secret named ${SECRET_PREFIX}…`
    )
  }
  if (upstream.credential === 'refused' && credential) {
    throw new InputError(Input.rules, `${where} (${prefix}): upstream ${upstream.kind} takes no credential`)
  }
  const role = text(fields, 'role')
  if (role && upstream.kind !== 'ecr')
    throw new InputError(Input.rules, `${where} (${prefix}): role applies only to ECR upstreams`)
  if (role && !ROLE_ARN.test(role))
    throw new InputError(Input.rules, `${where} (${prefix}): role ${quote(role)} is not an IAM role ARN`)
  const upstreamPrefix = text(fields, 'upstream-prefix')
  if (upstreamPrefix && !REPOSITORY_NAME.test(upstreamPrefix) && upstreamPrefix !== 'ROOT') {
    throw new InputError(
      Input.rules,
      `${where} (${prefix}): upstream-prefix ${quote(upstreamPrefix)} is not a repository path`
    )
  }
  const rule: CacheRule = {
    prefix,
    upstream: upstream.kind,
    upstreamUrl: upstream.url,
    credentialArn: credential ? credentialArn(credential, `${where} (${prefix})`, registry) : undefined,
    upstreamPrefix,
    roleArn: role
  }
  return { rule, source, where: `${where} (${prefix})` }
}

/** A secret name becomes a (partial) ARN in the registry's account and region; an ARN must be in them. */
function credentialArn(credential: string, where: string, registry: RegistryContext): string {
  const arn = SECRET_ARN.exec(credential)
  const name = arn ? (arn[4] as string) : credential
  if (!name.startsWith(SECRET_PREFIX)) {
    throw new InputError(
      Input.rules,
      // The text is not quoted: a value put where the name goes (credential: ${{ secrets.TOKEN }}) is a secret.
      `${where}: the credential secret's name must start with ${SECRET_PREFIX} (give the secret's name or ARN, or a mapping of secret, username-env and access-token-env)`
    )
  }
  if (arn) {
    if (arn[2] !== registry.region || (registry.accountId !== undefined && arn[3] !== registry.accountId)) {
      throw new InputError(
        Input.rules,
        `${where}: the credential secret must be in the registry's account and region (${registry.accountId ?? "the caller's"}, ${registry.region}), not ${arn[3]}, ${arn[2]}`
      )
    }
    return credential
  }
  return `arn:${registry.partition ?? 'aws'}:secretsmanager:${registry.region}:${registry.accountId ?? '(account)'}:secret:${name}`
}
