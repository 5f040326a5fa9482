import { InputError, messageOf, quote } from '../common/errors.js'
import type { RegistryClient } from '../registry/client.js'
import { RegistryError, isRetryableRegistryFailure } from '../registry/errors.js'
import { isIndex } from '../registry/media-types.js'
import { parseReference } from '../registry/reference.js'
import { Input } from './constants.js'

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

/** Pure: a `warm` line as the one reference grammar reads it (no registry host: prefixes route it). */
export function parseWarmReference(input: string): { path: string; reference: string } {
  const parsed = parseReference(input, { domain: 'refused' })
  if (typeof parsed === 'string')
    throw new InputError(Input.warm, `${quote(input)} is not an image reference: ${parsed}`)
  return { path: parsed.repository, reference: parsed.digest ?? parsed.tag ?? 'latest' }
}

/**
 * Pure: maps a reference as users think of it (`docker-hub/nginx:1.27`) to the cache repository
 * (`docker-hub/library/nginx`) by the longest matching rule prefix (ROOT matches what no other does).
 */
export function resolveWarmTarget(input: string, rules: WarmRuleView[]): WarmTarget {
  const { path, reference } = parseWarmReference(input)
  const rule =
    [...rules]
      .filter(r => r.prefix !== 'ROOT' && path.startsWith(`${r.prefix}/`))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0] ?? rules.find(r => r.prefix === 'ROOT')
  if (!rule) {
    const prefixes = rules.map(r => r.prefix)
    throw new InputError(
      Input.warm,
      `${quote(input)} matches no pull-through-cache rule prefix (${prefixes.length ? `prefixes: ${prefixes.join(', ')}` : 'there are no rules'})`
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
 * backoff (1 s, 2 s, 4 s … 15 s) until the deadline while ECR reports the image missing or the upstream
 * failing; then, for an index, each platform child by digest. The poll is the operation of the registry
 * client's one retry layer, so the GETs inside it are not retried again.
 */
export async function warmImage(
  registry: RegistryClient,
  target: WarmTarget,
  options: WarmOptions
): Promise<WarmResult> {
  let attempts = 0
  try {
    const { digest, children } = await registry.retrying(
      `warming ${target.repository}:${target.reference}`,
      async attempt => {
        attempts = attempt
        const stored = await registry.requireManifest(target.repository, target.reference)
        const children: string[] = []
        if (isIndex(stored.manifest)) {
          for (const child of stored.manifest.manifests) {
            await registry.requireManifest(target.repository, child.digest)
            children.push(child.digest)
          }
        }
        return { digest: stored.digest, children }
      },
      {
        policy: {
          attempts: Number.POSITIVE_INFINITY,
          deadline: options.deadline,
          retryable: isWorthWaiting,
          baseDelayMs: 1000,
          maxDelayMs: 15_000,
          random: () => 1,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.now ? { now: options.now } : {})
        }
      }
    )
    return { target, status: options.cachedBefore ? 'cached' : 'fetched', digest, children, attempts }
  } catch (error) {
    return { target, status: 'failed', children: [], attempts, message: messageOf(error) }
  }
}
