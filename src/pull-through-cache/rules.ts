import { isMap } from 'yaml'
import { InputError, quote } from '../common/errors.js'
import { REPOSITORY_NAME } from '../ecr/names.js'
import type { CacheRule } from '../ecr/cache-rules.js'
import type { UpstreamCredential } from '../ecr/secrets.js'
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
 * against the registry's account and region. Errors name the rule and, for YAML, the line and column.
 */
export function parseCacheRules(raw: string, registry: RegistryContext): CacheRule[] {
  const items = parseYamlList(Input.rules, raw, 'rules')
  const rules: CacheRule[] = []
  items.forEach((item, index) => {
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
    const rule = parseRule(fields, `${where}`, registry)
    if (rules.some(r => r.prefix === rule.prefix))
      throw new InputError(Input.rules, `${where}: prefix ${quote(rule.prefix)} is declared twice`)
    rules.push(rule)
  })
  return rules
}

function text(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key]
  if (value === undefined || value === null || value === '') return undefined
  return String(value).trim()
}

function parseRule(fields: Record<string, unknown>, where: string, registry: RegistryContext): CacheRule {
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

  const values = credentialValues(fields.credential, `${where} (${prefix})`)
  const credential = values ? values.secretName : text(fields, 'credential')
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
  return {
    prefix,
    upstream: upstream.kind,
    upstreamUrl: upstream.url,
    credentialArn: credential ? credentialArn(credential, `${where} (${prefix})`, registry) : undefined,
    ...(values ? { credentialValues: values } : {}),
    upstreamPrefix,
    roleArn: role
  }
}

const CREDENTIAL_FIELDS = new Set(['secret', 'username', 'access-token'])

/**
 * `credential: { secret, username, access-token }`: the values the secret is to hold (from GitHub secrets),
 * undefined for a credential given by name or ARN. No message quotes a value.
 */
function credentialValues(value: unknown, where: string): UpstreamCredential | undefined {
  if (value === null || typeof value !== 'object') return undefined
  if (Array.isArray(value))
    throw new InputError(
      Input.rules,
      `${where}: credential is a secret name, or a mapping of secret, username, access-token`
    )
  const fields = value as Record<string, unknown>
  const unknown = Object.keys(fields).find(key => !CREDENTIAL_FIELDS.has(key))
  if (unknown !== undefined)
    throw new InputError(
      Input.rules,
      `${where}: credential: unknown field ${quote(unknown)} (fields: secret, username, access-token)`
    )
  const [secretName, username, accessToken] = ['secret', 'username', 'access-token'].map(key =>
    typeof fields[key] === 'string' || typeof fields[key] === 'number' ? String(fields[key]).trim() : ''
  ) as [string, string, string]
  const missing = ['secret', 'username', 'access-token'].filter(
    (_, i) => [secretName, username, accessToken][i] === ''
  )
  if (missing.length > 0)
    throw new InputError(
      Input.rules,
      `${where}: credential needs ${missing.join(' and ')} (an empty GitHub secret gives an empty value)`
    )
  if (SECRET_ARN.test(secretName))
    throw new InputError(
      Input.rules,
      `${where}: credential secret is the name to create it under (${SECRET_PREFIX}…), not an ARN`
    )
  return { secretName, username, accessToken }
}

/** A secret name becomes a (partial) ARN in the registry's account and region; an ARN must be in them. */
function credentialArn(credential: string, where: string, registry: RegistryContext): string {
  const arn = SECRET_ARN.exec(credential)
  const name = arn ? (arn[4] as string) : credential
  if (!name.startsWith(SECRET_PREFIX)) {
    throw new InputError(
      Input.rules,
      // The text is not quoted: a value put where the name goes (credential: ${{ secrets.TOKEN }}) is a secret.
      `${where}: the credential secret's name must start with ${SECRET_PREFIX} (give the secret's name or ARN, or a mapping of secret, username and access-token)`
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
