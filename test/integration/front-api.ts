/**
 * What the test ECR API (the front: scripts/front/) holds and received, read over plain HTTP: the
 * pull-through-cache rules and creation templates it answers for (moto has neither), and the API calls it
 * received, for tests that count them. Every test file reaches the same front: names carry a suffix.
 */
import { callSecretsJsonApi } from '../fixtures/secrets-json-api.js'
import { ecrApi, testEnv } from './harness.js'

const FRONT = testEnv.ECR_TEST_FRONT_URL as string
/** The operations of the cache rules and creation templates: what the pull-through-cache action changes. */
export const CACHE_OPERATIONS = /PullThroughCacheRule|RepositoryCreationTemplate/

export interface Recorder {
  /** The operations received since the recorder started (or was reset), those matching `only`. */
  calls: (only?: RegExp) => Promise<string[]>
  reset: () => Promise<void>
}

async function nextSeq(): Promise<number> {
  return (
    (await (await fetch(`${FRONT}/_front/api-calls?since=${Number.MAX_SAFE_INTEGER}`)).json()) as {
      next: number
    }
  ).next
}

/**
 * Records the API calls from now on: by default those matching `scope` (the cache-rule and template
 * operations), or `calls(only)`.
 */
export async function recordApiCalls(scope: RegExp = CACHE_OPERATIONS): Promise<Recorder> {
  let since = await nextSeq()
  return {
    calls: async (only = scope) => {
      const { calls } = (await (await fetch(`${FRONT}/_front/api-calls?since=${since}`)).json()) as {
        calls: { operation: string }[]
      }
      return calls.map(c => c.operation).filter(operation => only.test(operation))
    },
    reset: async () => {
      since = await nextSeq()
    }
  }
}

export interface CacheRule {
  ecrRepositoryPrefix: string
  upstreamRegistryUrl: string
  upstreamRegistry?: string
  credentialArn?: string
  customRoleArn?: string
}

/** The pull-through-cache rules, by prefix. */
export async function cacheRules(): Promise<Map<string, CacheRule>> {
  const { pullThroughCacheRules } = await ecrApi<{ pullThroughCacheRules: CacheRule[] }>(
    'DescribePullThroughCacheRules',
    {}
  )
  return new Map(pullThroughCacheRules.map(rule => [rule.ecrRepositoryPrefix, rule]))
}

/** The repository creation templates, by prefix (every page). */
export async function creationTemplates(): Promise<
  Map<string, Record<string, unknown> & { prefix: string }>
> {
  const all = new Map<string, Record<string, unknown> & { prefix: string }>()
  let nextToken: string | undefined
  do {
    const page = await ecrApi<{
      repositoryCreationTemplates: (Record<string, unknown> & { prefix: string })[]
      nextToken?: string
    }>('DescribeRepositoryCreationTemplates', { maxResults: 50, ...(nextToken ? { nextToken } : {}) })
    for (const template of page.repositoryCreationTemplates) all.set(template.prefix, template)
    nextToken = page.nextToken
  } while (nextToken)
  return all
}

/** A Secrets Manager secret in moto (the upstream credential a cache rule names); its ARN. */
export async function createSecret(name: string, value: object): Promise<string> {
  const created = await callSecretsJsonApi<{ ARN: string }>(
    testEnv.AWS_ENDPOINT_URL_SECRETS_MANAGER as string,
    testEnv.AWS_REGION as string,
    'CreateSecret',
    { Name: name, SecretString: JSON.stringify(value) }
  )
  return created.ARN
}
