import { parseReference } from '../registry/reference.js'
import type { FromInstruction } from './dockerfile.js'
import type { WarmTarget } from './warm.js'

/** A rule as routing needs it: its prefix and the upstream registry it caches. */
export interface RouteRule {
  prefix: string
  /** The upstream registry's host (`registry-1.docker.io`, `ghcr.io`). */
  upstreamUrl: string
  /** ECR's upstream-prefix: the cache's `<prefix>/<x>` is the upstream's `<upstreamPrefix>/<x>`. */
  upstreamPrefix?: string
}

/** Docker Hub answers to several names; images name it docker.io or nothing. */
const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com'
])
const registryOf = (host: string) => (DOCKER_HUB.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase())

/**
 * Pure: the cache repository a base image is pulled through, by the rule whose upstream serves its
 * registry (an image with no registry is Docker Hub's, and an official one lives under `library/`); a
 * string saying why when no rule serves it.
 */
export function routeBaseImage(image: string, rules: RouteRule[]): WarmTarget | string {
  const parsed = parseReference(image, { domain: 'allowed' })
  if (typeof parsed === 'string') return `not an image reference: ${parsed}`
  const registry = registryOf(parsed.domain ?? 'docker.io')
  const official = registry === 'docker.io' && !parsed.repository.includes('/')
  const path = official ? `library/${parsed.repository}` : parsed.repository
  const candidates = rules
    .filter(rule => registryOf(rule.upstreamUrl.replace(/^https?:\/\//, '')) === registry)
    // ECR reports the default upstream prefix as ROOT: the upstream's whole namespace.
    .map(rule => (rule.upstreamPrefix === 'ROOT' ? { ...rule, upstreamPrefix: undefined } : rule))
  const rule = candidates
    .filter(r => !r.upstreamPrefix || path.startsWith(`${r.upstreamPrefix}/`))
    .sort((a, b) => (b.upstreamPrefix?.length ?? 0) - (a.upstreamPrefix?.length ?? 0))[0]
  if (!rule) return `no pull-through-cache rule caches ${registry}`
  const cachePath = rule.upstreamPrefix ? path.slice(rule.upstreamPrefix.length + 1) : path
  return {
    input: image,
    repository: rule.prefix === 'ROOT' ? cachePath : `${rule.prefix}/${cachePath}`,
    reference: parsed.digest ?? parsed.tag ?? 'latest',
    rewritten: official
  }
}

/** `<host>/<repository>:<tag>` or `…@<digest>`: the cache reference a build pulls. */
export function cacheReference(host: string, target: WarmTarget): string {
  return `${host}/${target.repository}${target.reference.startsWith('sha256:') ? '@' : ':'}${target.reference}`
}

/**
 * The `build-contexts` lines, exactly as docker/build-push-action's input and `docker buildx build
 * --build-context` take them: `<image as written in FROM>=docker-image://<cache reference>`, once each.
 */
export function buildContextLines(host: string, routed: { image: string; target: WarmTarget }[]): string[] {
  const lines = new Map<string, string>()
  for (const { image, target } of routed)
    if (!lines.has(image)) lines.set(image, `${image}=docker-image://${cacheReference(host, target)}`)
  return [...lines.values()]
}

/**
 * The Dockerfile with each routed FROM pointing at the cache (flags and stage names kept), for a classic
 * `docker build -f`. Only the line a FROM starts on is rewritten, and only where the image word stands on
 * it; the FROMs left as they were (an image on a continuation line) are returned, to be said.
 */
export function rewriteDockerfile(
  text: string,
  routes: { from: FromInstruction; reference: string }[]
): { text: string; unchanged: FromInstruction[] } {
  const lines = text.split('\n')
  const unchanged: FromInstruction[] = []
  for (const { from, reference } of routes) {
    const index = from.line - 1
    const line = lines[index] ?? ''
    const at = new RegExp(`^(\\s*from\\s+(?:--\\S+\\s+)*)${escapeRegExp(from.written)}(?=\\s|\\\\|$)`, 'i')
    const rewritten = line.replace(at, (_match, head: string) => `${head}${reference}`)
    if (rewritten === line) unchanged.push(from)
    lines[index] = rewritten
  }
  return { text: lines.join('\n'), unchanged }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
