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
