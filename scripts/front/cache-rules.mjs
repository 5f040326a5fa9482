// Pull-through-cache rules, answered as ECR does (moto has none), per region. The credential is looked up
// in moto's Secrets Manager when a rule is created or updated (SecretNotFoundException,
// UnableToAccessSecretException for a secret scheduled for deletion), and ValidatePullThroughCacheRule
// reports isValid: false with a failure when the secret is gone, unreadable, or lacks username and
// accessToken. The upstream itself cannot be reached from here: a known upstream URL counts as reachable.
import { awsError } from './moto.mjs'
import { callService } from './services.mjs'

const rules = new Map() // region -> prefix -> rule
const PREFIX = /^(?:ROOT|(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)$/
const SECRET_NAME = 'ecr-pullthroughcache/'
const NEEDS_CREDENTIAL = new Set([
  'docker-hub',
  'github-container-registry',
  'gitlab-container-registry',
  'azure-container-registry',
  'chainguard'
])
const KNOWN_HOSTS =
  /^(registry-1\.docker\.io|quay\.io|ghcr\.io|registry\.k8s\.io|public\.ecr\.aws|registry\.gitlab\.com|cgr\.dev|[a-z0-9-]+\.azurecr\.io|\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com)$/
const MAX_RULES = 50

const rulesOf = region => {
  if (!rules.has(region)) rules.set(region, new Map())
  return rules.get(region)
}
const notFound = prefix =>
  awsError(
    400,
    'PullThroughCacheRuleNotFoundException',
    `The pull through cache rule with prefix '${prefix}' does not exist.`
  )

/** The secret behind a credential ARN, as Secrets Manager describes it; or the error ECR would answer. */
async function lookUpSecret(region, arn) {
  const name = /:secret:(.+)$/.exec(arn)?.[1] ?? arn
  if (!name.startsWith(SECRET_NAME))
    return {
      error: awsError(400, 'InvalidParameterException', `The secret name must start with '${SECRET_NAME}'.`)
    }
  const described = await callService(region, 'secretsmanager', 'secretsmanager.DescribeSecret', {
    SecretId: arn
  })
  if (described.status !== 200)
    return { error: awsError(400, 'SecretNotFoundException', `The specified secret ${arn} doesn't exist.`) }
  if (described.body.DeletedDate)
    return {
      error: awsError(400, 'UnableToAccessSecretException', `The secret ${arn} is scheduled for deletion.`)
    }
  return { secret: described.body }
}

/** Why a rule would fail a pull now, or undefined. */
async function failureOf(region, rule) {
  if (!KNOWN_HOSTS.test(rule.upstreamRegistryUrl ?? '')) return 'Unable to reach the upstream registry.'
  if (!rule.credentialArn) return undefined
  const { error } = await lookUpSecret(region, rule.credentialArn)
  if (error) return `Unable to access the secret: ${error.body.message}`
  const value = await callService(region, 'secretsmanager', 'secretsmanager.GetSecretValue', {
    SecretId: rule.credentialArn
  })
  let parsed
  try {
    parsed = JSON.parse(value.body.SecretString ?? '')
  } catch {
    parsed = undefined
  }
  if (!parsed?.username || !parsed?.accessToken)
    return 'The secret does not hold the username and accessToken the upstream registry needs.'
  return undefined
}

export async function pullThroughCacheRules(operation, region, input) {
  const all = rulesOf(region)
  const prefix = input.ecrRepositoryPrefix ?? ''
  switch (operation) {
    case 'DescribePullThroughCacheRules': {
      const wanted = input.ecrRepositoryPrefixes ?? []
      const unknown = wanted.find(p => !all.has(p))
      if (unknown) return notFound(unknown)
      const list = [...all.values()].filter(
        r => wanted.length === 0 || wanted.includes(r.ecrRepositoryPrefix)
      )
      const start = Number(input.nextToken ?? 0)
      const size = Number(input.maxResults ?? 100)
      const nextToken = start + size < list.length ? String(start + size) : undefined
      return { status: 200, body: { pullThroughCacheRules: list.slice(start, start + size), nextToken } }
    }
    case 'CreatePullThroughCacheRule': {
      if (!PREFIX.test(prefix) || prefix.length < 2 || prefix.length > 30)
        return awsError(
          400,
          'InvalidParameterException',
          `Invalid parameter at 'ecrRepositoryPrefix': '${prefix}'`
        )
      if (all.has(prefix))
        return awsError(
          400,
          'PullThroughCacheRuleAlreadyExistsException',
          `A pull through cache rule with prefix '${prefix}' already exists.`
        )
      if (all.size >= MAX_RULES)
        return awsError(400, 'LimitExceededException', 'at most 50 pull through cache rules')
      if (NEEDS_CREDENTIAL.has(input.upstreamRegistry) && !input.credentialArn)
        return awsError(
          400,
          'InvalidParameterException',
          `Upstream registry ${input.upstreamRegistry} requires a credentialArn.`
        )
      if (input.credentialArn) {
        const { error } = await lookUpSecret(region, input.credentialArn)
        if (error) return error
      }
      const rule = {
        ecrRepositoryPrefix: prefix,
        upstreamRegistryUrl: input.upstreamRegistryUrl,
        upstreamRegistry: input.upstreamRegistry,
        credentialArn: input.credentialArn,
        customRoleArn: input.customRoleArn,
        upstreamRepositoryPrefix: input.upstreamRepositoryPrefix ?? 'ROOT',
        registryId: input.registryId ?? '123456789012',
        createdAt: Date.now() / 1000
      }
      all.set(prefix, rule)
      return { status: 200, body: rule }
    }
    case 'UpdatePullThroughCacheRule': {
      const rule = all.get(prefix)
      if (!rule) return notFound(prefix)
      if (input.credentialArn) {
        const { error } = await lookUpSecret(region, input.credentialArn)
        if (error) return error
      }
      Object.assign(rule, {
        credentialArn: input.credentialArn,
        customRoleArn: input.customRoleArn,
        updatedAt: Date.now() / 1000
      })
      return { status: 200, body: rule }
    }
    case 'DeletePullThroughCacheRule': {
      const rule = all.get(prefix)
      if (!rule) return notFound(prefix)
      all.delete(prefix)
      return { status: 200, body: rule }
    }
    case 'ValidatePullThroughCacheRule': {
      const rule = all.get(prefix)
      if (!rule) return notFound(prefix)
      const failure = await failureOf(region, rule)
      return {
        status: 200,
        body: { ...rule, isValid: failure === undefined, ...(failure ? { failure } : {}) }
      }
    }
    default:
      return undefined
  }
}

/** The rule whose prefix caches a repository, for the registry's cache path. */
export function ruleFor(region, repository) {
  for (const rule of rulesOf(region).values()) {
    if (rule.ecrRepositoryPrefix === 'ROOT' || repository.startsWith(`${rule.ecrRepositoryPrefix}/`))
      return rule
  }
  return undefined
}
