/** `WWW-Authenticate: Bearer realm="…",service="…",scope="…"`, as registries other than ECR send it. */
export interface BearerChallenge {
  realm: string
  service?: string
  scope?: string
}

export function parseBearerChallenge(header: string | null): BearerChallenge | undefined {
  if (!header || !/^bearer\s/i.test(header.trim())) return undefined
  const params: Record<string, string> = {}
  for (const match of header
    .trim()
    .slice(6)
    .matchAll(/([a-zA-Z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    params[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? ''
  }
  if (!params.realm) return undefined
  return { realm: params.realm, service: params.service, scope: params.scope }
}

/** Token services that registries other than ECR are known to send their clients to. */
const KNOWN_TOKEN_SERVICES: Record<string, readonly string[]> = {
  'registry-1.docker.io': ['auth.docker.io'],
  'registry.gitlab.com': ['gitlab.com']
}

/**
 * Whether the registry's credentials may go to this realm: the registry's own host or a token service
 * it is known to use, over https (http only when the registry itself is plain http, as test registries
 * are). A challenge is the registry's word only; a realm elsewhere gets no credentials.
 */
export function trustsRealm(registryEndpoint: string, realm: URL): boolean {
  const registry = new URL(registryEndpoint)
  const schemeOk =
    realm.protocol === 'https:' || (realm.protocol === 'http:' && registry.protocol === 'http:')
  if (!schemeOk || realm.username || realm.password) return false
  if (realm.host === registry.host) return true
  return (KNOWN_TOKEN_SERVICES[registry.hostname] ?? []).includes(realm.host)
}
