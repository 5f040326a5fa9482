// The pull-through cache's first pull, for rules whose upstream is ECR Public (the one upstream reachable
// here: the public stand-in). A manifest read of a repository that does not exist yet, under such a rule's
// prefix, makes the front do what ECR does: create the repository (from a PULL_THROUGH_CACHE template when
// one covers it), copy the image from the upstream (blobs, children, then the manifest, bytes unchanged),
// mirror it into moto, and only then answer. Other upstreams (Docker Hub, Quay...) cannot be reached from
// this machine: tests put their images in place first.
import { ecrApi } from './moto.mjs'
import { MANIFEST_TYPES } from './site.mjs'
import { ruleFor } from './cache-rules.mjs'
import { createForCache } from './templates.mjs'

const UPSTREAM = 'public.ecr.aws'

/** Plain HTTP to a site's docker-registry, with the front's credentials. */
async function call(site, method, path, { body, headers = {} } = {}) {
  const response = await fetch(new URL(path, site.upstream), {
    method,
    body,
    headers: { Authorization: site.upstreamAuth, ...headers },
    signal: AbortSignal.timeout(60_000)
  })
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer())
  }
}

async function copyBlob(from, fromPath, to, toPath, digest) {
  if ((await call(to, 'HEAD', `/v2/${toPath}/blobs/${digest}`)).status === 200) return
  const blob = await call(from, 'GET', `/v2/${fromPath}/blobs/${digest}`)
  if (blob.status !== 200) throw new Error(`upstream blob ${digest}: ${blob.status}`)
  const start = await call(to, 'POST', `/v2/${toPath}/blobs/uploads/`)
  const location = new URL(start.headers.get('location') ?? '', to.upstream)
  location.searchParams.set('digest', digest)
  const put = await call(to, 'PUT', location.pathname + location.search, {
    body: blob.body,
    headers: { 'Content-Type': 'application/octet-stream' }
  })
  if (put.status !== 201) throw new Error(`cache blob ${digest}: ${put.status}`)
}

/** Copies a manifest (an index's children first) and its blobs; returns its digest. */
async function copyManifest(from, fromPath, to, toPath, reference, mirror) {
  const got = await call(from, 'GET', `/v2/${fromPath}/manifests/${reference}`, {
    headers: { Accept: MANIFEST_TYPES }
  })
  if (got.status !== 200) return undefined
  const mediaType = got.headers.get('content-type')
  const manifest = JSON.parse(got.body.toString())
  for (const child of manifest.manifests ?? [])
    await copyManifest(from, fromPath, to, toPath, child.digest, mirror)
  for (const blob of [manifest.config, ...(manifest.layers ?? [])].filter(Boolean))
    await copyBlob(from, fromPath, to, toPath, blob.digest)
  const put = await call(to, 'PUT', `/v2/${toPath}/manifests/${reference}`, {
    body: got.body,
    headers: { 'Content-Type': mediaType }
  })
  if (put.status !== 201) throw new Error(`cache manifest ${reference}: ${put.status}`)
  const digest = put.headers.get('docker-content-digest')
  await mirror(toPath, digest, reference.startsWith('sha256:') ? undefined : reference, mediaType)
  return digest
}

/**
 * Before a manifest read: a first pull through an ECR Public rule is served as ECR serves it. Resolves
 * once the image is in the cache (or when nothing is to be done); never throws (the read then answers
 * what the registry has).
 */
export async function pullThroughCache(site, sites, repository, reference, mirror) {
  const rule = ruleFor(site.region, repository)
  if (!rule || rule.upstreamRegistryUrl !== UPSTREAM) return
  const exists = await ecrApi(site.region, 'DescribeRepositories', { repositoryNames: [repository] })
  if (exists.status === 200) {
    const held = await call(site, 'HEAD', `/v2/${repository}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_TYPES }
    })
    if (held.status === 200) return
  }
  const publicSite = sites.find(s => s.kind === 'public')
  if (!publicSite) return
  const upstreamPath =
    rule.ecrRepositoryPrefix === 'ROOT' ? repository : repository.slice(rule.ecrRepositoryPrefix.length + 1)
  try {
    if (exists.status !== 200 && !(await createForCache(site.region, repository))) return
    const digest = await copyManifest(publicSite, upstreamPath, site, repository, reference, mirror)
    if (digest)
      site.log(`pulled ${UPSTREAM}/${upstreamPath}:${reference} through the cache into ${repository}`)
  } catch (error) {
    site.log(`pull through the cache of ${repository}:${reference} failed: ${error.message}`)
  }
}
