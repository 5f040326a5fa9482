import type { UpstreamKind } from '../ecr/cache-rules.js'
import { parseRegistryHost } from '../ecr/hosts.js'

export type { UpstreamKind } from '../ecr/cache-rules.js'
import { quote } from '../common/errors.js'

interface UpstreamSpec {
  kind: UpstreamKind
  /** The registry URL ECR wants; undefined when the user must give one (azure, ecr). */
  url?: string
  credential: 'required' | 'refused'
}

/** The short names users write, as the issue and ECR's console call them. */
export const KNOWN_UPSTREAMS: Record<string, UpstreamSpec> = {
  'docker-hub': { kind: 'docker-hub', url: 'registry-1.docker.io', credential: 'required' },
  quay: { kind: 'quay', url: 'quay.io', credential: 'refused' },
  ghcr: { kind: 'github-container-registry', url: 'ghcr.io', credential: 'required' },
  k8s: { kind: 'k8s', url: 'registry.k8s.io', credential: 'refused' },
  'ecr-public': { kind: 'ecr-public', url: 'public.ecr.aws', credential: 'refused' },
  gitlab: { kind: 'gitlab-container-registry', url: 'registry.gitlab.com', credential: 'required' },
  azure: { kind: 'azure-container-registry', credential: 'required' },
  chainguard: { kind: 'chainguard', url: 'cgr.dev', credential: 'required' },
  ecr: { kind: 'ecr', credential: 'refused' }
}

export interface ResolvedUpstream {
  kind: UpstreamKind
  url: string
  credential: 'required' | 'refused'
}

/**
 * Pure: a short name (`docker-hub`), a short name with a URL for the ones that need one
 * (`azure` + `myreg.azurecr.io`), or a bare registry URL, to ECR's upstream kind and URL.
 * Returns a reason string when it cannot.
 */
export function resolveUpstream(upstream: string, url?: string): ResolvedUpstream | string {
  const known = KNOWN_UPSTREAMS[upstream]
  if (known) {
    const target = url ?? known.url
    if (!target)
      return `upstream ${quote(upstream)} needs the registry URL: write upstream: <url> (e.g. myreg.azurecr.io)`
    return { kind: known.kind, url: target, credential: known.credential }
  }
  const host = hostOf(upstream)
  if (!host) {
    return `unknown upstream ${quote(upstream)}: use ${Object.keys(KNOWN_UPSTREAMS).join(', ')}, or a registry URL`
  }
  const byHost = Object.entries(KNOWN_UPSTREAMS).find(
    ([, spec]) => spec.url === host || (host === 'docker.io' && spec.kind === 'docker-hub')
  )
  if (byHost) return { kind: byHost[1].kind, url: byHost[1].url as string, credential: byHost[1].credential }
  if (host.endsWith('.azurecr.io'))
    return { kind: 'azure-container-registry', url: host, credential: 'required' }
  if (parseRegistryHost(host)?.kind === 'private') return { kind: 'ecr', url: host, credential: 'refused' }
  return `unknown upstream ${quote(upstream)}: ECR cannot cache ${host}`
}

function hostOf(value: string): string | undefined {
  if (!/[.:]/.test(value)) return undefined
  try {
    return new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase()
  } catch {
    return undefined
  }
}
