// The public registry site (public.ecr.aws): docker-registry behind the front as ECR Public serves it.
// Like ECR Public, it answers with a Bearer challenge (realm https://public.ecr.aws/token/): anyone gets a
// token that pulls; the credentials of ECR Public's GetAuthorizationToken (Basic AWS:<password>, at the
// token service or on the request itself) get one that pushes, to a repository the API created
// (NAME_UNKNOWN otherwise). Each manifest PUT is recorded for the API's DescribeImages. Faults and the
// request log work as for the private sites (region "public").
import { randomBytes } from 'node:crypto'
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
  if (path === '/token' || path === '/token/') return void (entry.status = issueToken(req, res))
  const write = !READS.has(req.method)
  const access = accessOf(req.headers.authorization)
  if (access === 'none' || (write && access !== 'push')) {
    req.resume()
    answerError(res, 401, 'UNAUTHORIZED', 'authentication required', {
      'WWW-Authenticate': `Bearer realm="https://${req.headers.host ?? 'public.ecr.aws'}/token/",service="public.ecr.aws",scope="aws"`
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

/** Tokens handed out: those that pull, and those that push too. */
const tokens = new Map()

/** What a request's credentials allow: pulling, pushing, or nothing (none sent, or wrong ones). */
function accessOf(header) {
  if (authorized(header)) return 'push'
  const bearer = /^Bearer (\S+)$/.exec(header ?? '')
  return (bearer && tokens.get(bearer[1])) ?? 'none'
}

/** The token service: a pull token for anyone, a push token for the right Basic credentials. */
function issueToken(req, res) {
  req.resume()
  if (req.headers.authorization !== undefined && !authorized(req.headers.authorization)) {
    answerError(res, 401, 'UNAUTHORIZED', 'wrong credentials')
    return 401
  }
  const token = randomBytes(16).toString('hex')
  tokens.set(token, req.headers.authorization ? 'push' : 'pull')
  const body = JSON.stringify({ token, access_token: token, expires_in: 43200 })
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
  return 200
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
