import { InputError, messageOf } from '../common/errors.js'
import { backoffDelay, sleep as realSleep } from '../common/retry.js'
import type { RegistryClient } from '../registry/client.js'
import { RegistryError, isRetryableRegistryFailure } from '../registry/errors.js'
import { isIndex } from '../registry/media-types.js'

/** An image to warm, as written and as the cache names it. */
export interface WarmTarget {
  /** As written in the input. */
  input: string
  /** The cache repository: `<prefix>/<upstream path>` (Docker Hub official images get `library/`). */
  repository: string
  /** Tag or digest. */
  reference: string
  /** Whether `library/` was added. */
  rewritten: boolean
}

export interface WarmRuleView {
  prefix: string
  upstream: string
}

/**
 * Pure: maps a reference as users think of it (`docker-hub/nginx:1.27`) to the cache repository
 * (`docker-hub/library/nginx`) by the longest matching rule prefix (ROOT matches what no other does).
 */
export function resolveWarmTarget(input: string, rules: WarmRuleView[]): WarmTarget {
  const at = input.indexOf('@')
  const lastSlash = input.lastIndexOf('/')
  const colon = at < 0 ? input.lastIndexOf(':') : -1
  const hasTag = colon > lastSlash
  const path = at >= 0 ? input.slice(0, at) : hasTag ? input.slice(0, colon) : input
  const reference = at >= 0 ? input.slice(at + 1) : hasTag ? input.slice(colon + 1) : 'latest'
  if (!path || !reference) throw new InputError('warm', `"${input}" is not an image reference`)

  const rule =
    [...rules]
      .filter(r => r.prefix !== 'ROOT' && path.startsWith(`${r.prefix}/`))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0] ?? rules.find(r => r.prefix === 'ROOT')
  if (!rule) {
    const prefixes = rules.map(r => r.prefix)
    throw new InputError(
      'warm',
      `"${input}" matches no pull-through-cache rule prefix (${prefixes.length ? `prefixes: ${prefixes.join(', ')}` : 'there are no rules'})`
    )
  }
  const upstreamPath = rule.prefix === 'ROOT' ? path : path.slice(rule.prefix.length + 1)
  // Docker Hub serves its official images under library/: `nginx` is `library/nginx`.
  const rewritten = rule.upstream === 'docker-hub' && !upstreamPath.includes('/')
  const cachePath = rewritten ? `library/${upstreamPath}` : upstreamPath
  return {
    input,
    repository: rule.prefix === 'ROOT' ? cachePath : `${rule.prefix}/${cachePath}`,
    reference,
    rewritten
  }
}

export type WarmStatus = 'cached' | 'fetched' | 'failed'

export interface WarmResult {
  target: WarmTarget
  status: WarmStatus
  digest?: string
  /** Platform children warmed with an index. */
  children: string[]
  attempts: number
  message?: string
}

export interface WarmOptions {
  /** Absolute deadline (ms since epoch) for this image. */
  deadline: number
  /** Whether ECR already had the image before this pull (from DescribeImages). */
  cachedBefore: boolean
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/** Not there yet (the first pull creates the repository) or the upstream answered badly: worth waiting for. */
function isWorthWaiting(error: unknown): boolean {
  return (error instanceof RegistryError && error.status === 404) || isRetryableRegistryFailure(error)
}

/**
 * Pulls the manifest through the cache (the GET that makes ECR fetch from upstream), retrying with
 * backoff until the deadline while ECR reports the image missing or the upstream failing; then, for an
 * index, each platform child by digest.
 */
export async function warmImage(
  registry: RegistryClient,
  target: WarmTarget,
  options: WarmOptions
): Promise<WarmResult> {
  const wait = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  let attempts = 0
  let lastError: unknown
  while (true) {
    attempts++
    try {
      const stored = await registry.requireManifest(target.repository, target.reference)
      const children: string[] = []
      if (isIndex(stored.manifest)) {
        for (const child of stored.manifest.manifests) {
          await registry.requireManifest(target.repository, child.digest)
          children.push(child.digest)
        }
      }
      return {
        target,
        status: options.cachedBefore ? 'cached' : 'fetched',
        digest: stored.digest,
        children,
        attempts
      }
    } catch (error) {
      lastError = error
      const delay = backoffDelay(attempts, 1000, 15000, () => 1)
      if (!isWorthWaiting(error) || now() + delay > options.deadline) break
      await wait(delay)
    }
  }
  return { target, status: 'failed', children: [], attempts, message: messageOf(lastError) }
}
