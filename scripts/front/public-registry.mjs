// The public registry site (public.ecr.aws): docker-registry behind the front as ECR Public serves it.
// Anyone may pull; a push needs the token ECR Public's GetAuthorizationToken gave (Basic AWS:<password>)
// and a repository the API created (NAME_UNKNOWN otherwise); each manifest PUT is recorded for the API's
// DescribeImages. Faults and the request log work as for the private sites (region "public").
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { takeFault } from './faults.mjs'
import { ALIAS, authorized, publicRepository, recordPublicPush } from './public.mjs'
import { forward, upstreamRequest } from './registry.mjs'
import { answerError, applyFault, record } from './site.mjs'

const READS = new Set(['GET', 'HEAD'])

function classify(path) {
  const match = /^\/v2\/(.+?)\/(manifests|blobs|tags)\/(.*)$/.exec(path)
  if (!match) return { kind: 'base' }
  const [, repository, section, rest] = match
  if (section === 'manifests') return { repository, kind: 'manifest', reference: decodeURIComponent(rest) }
  return { repository, kind: section === 'tags' ? 'tags' : rest.startsWith('uploads') ? 'upload' : 'blob' }
}

export async function handlePublicRegistry(site, req, res) {
  const path = (req.url ?? '/').split('?')[0]
  const { repository, kind, reference } = classify(path)
  const entry = record(site, repository, {
    method: req.method,
    kind,
    path,
    status: undefined,
    peer: req.socket.remoteAddress
  })
  const fault = repository ? takeFault(site.region, repository, req.method, kind) : undefined
  if (fault) {
    const status = await applyFault(site, fault, req, res, entry, repository, kind, forward)
    if (status !== undefined) return void (entry.status = status)
  }
  const write = !READS.has(req.method)
  // Anyone may read; credentials, when sent, must be right (docker login checks them on /v2/).
  const credentials = req.headers.authorization
  if ((write || credentials !== undefined) && !authorized(credentials)) {
    req.resume()
    answerError(res, 401, 'UNAUTHORIZED', 'authentication required', {
      'WWW-Authenticate': 'Basic realm="public.ecr.aws"'
    })
    return void (entry.status = 401)
  }
  if (write && kind !== 'base' && !publicRepository(repository)) {
    req.resume()
    answerError(
      res,
      404,
      'NAME_UNKNOWN',
      `The repository with name '${repository}' does not exist in the registry with alias '${ALIAS}'`
    )
    return void (entry.status = 404)
  }
  // The registry behind holds everything under the one set of credentials the front has.
  req.headers.authorization = site.upstreamAuth
  const onAnswer =
    req.method === 'PUT' && kind === 'manifest'
      ? async answer => {
          if (answer.statusCode !== 201) return
          const digest = answer.headers['docker-content-digest']
          const stored = await upstreamRequest(site, 'GET', `/v2/${repository}/manifests/${digest}`, {
            Accept: String(req.headers['content-type'] ?? '')
          })
          const tag = reference.startsWith('sha256:') ? undefined : reference
          recordPublicPush(
            repository,
            digest,
            tag,
            String(req.headers['content-type'] ?? '').split(';')[0],
            stored.body
          )
        }
      : undefined
  entry.status = await forward(site, req, res, onAnswer ? { onAnswer } : {})
}

/** What the API's deletions do to the registry: a manifest deleted, a tag removed. */
export function publicRegistryChanges(site) {
  return {
    deleteManifest: async (path, digest) => {
      await upstreamRequest(site, 'DELETE', `/v2/${path}/manifests/${digest}`)
    },
    removeTag: async (path, tag) => {
      if (site.storage)
        rmSync(
          join(site.storage, 'docker', 'registry', 'v2', 'repositories', path, '_manifests', 'tags', tag),
          {
            recursive: true,
            force: true
          }
        )
    }
  }
}
