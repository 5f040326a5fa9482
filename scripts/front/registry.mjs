// The registry side of the front: each region's docker-registry over TLS under its ECR host name, with
// what ECR does and distribution does not (tag immutability, pushes mirrored into moto before the PUT
// returns, archived images not pullable, pull times), per-repository faults and a request log.
import { request as httpRequest, Agent } from 'node:http'
import { applyFault, answerError, MANIFEST_TYPES, record } from './site.mjs'
import { takeFault } from './faults.mjs'
import { ecrApi, tagIsImmutable } from './moto.mjs'
import { createOnPush } from './templates.mjs'
import { pullThroughCache } from './cache-path.mjs'
import { answerReferrers, recordManifest, referrersApi } from './referrers.mjs'
import { handlePublicRegistry } from './public-registry.mjs'
import { startSigning } from './signing.mjs'
import { hasInactive, isPullable, recordPull, restoreOnPush } from './image-state.mjs'

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

/** `/v2/<name>/<kind>/...` → {repository, kind, reference}; kind: manifest | blob | upload | tags | referrers | base. */
function classify(path) {
  const match = /^\/v2\/(.+?)\/(manifests|blobs|tags|referrers)\/(.*)$/.exec(path)
  if (!match) return { repository: undefined, kind: 'base' }
  const [, repository, section, rest] = match
  if (section === 'manifests') return { repository, kind: 'manifest', reference: decodeURIComponent(rest) }
  if (section === 'referrers') return { repository, kind: 'referrers', reference: decodeURIComponent(rest) }
  if (section === 'tags') return { repository, kind: 'tags' }
  return { repository, kind: rest.startsWith('uploads') ? 'upload' : 'blob' }
}

/** One chain per repository (key: region and name): a check and the write it guards run alone. */
const locks = new Map()
async function withLock(repository, work) {
  const previous = locks.get(repository) ?? Promise.resolve()
  let release
  const current = new Promise(resolve => (release = resolve))
  const chained = previous.then(() => current)
  locks.set(repository, chained)
  await previous
  try {
    return await work()
  } finally {
    release()
    if (locks.get(repository) === chained) locks.delete(repository)
  }
}

export function upstreamRequest(site, method, path, headers = {}, body = undefined) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: site.upstream.hostname,
        port: site.upstream.port,
        method,
        path,
        agent,
        headers: { ...headers, Authorization: site.upstreamAuth }
      },
      res => {
        const chunks = []
        res.on('data', c => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.setTimeout(10_000, () => req.destroy(new Error('upstream timed out')))
    req.end(body)
  })
}

/** Mirrors a manifest the registry stored into moto (the bridge), before the front answers. */
export async function mirror(site, repository, digest, tag, mediaType) {
  const { region } = site
  try {
    const response = await fetch(`${site.bridge}/mirror`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ region, repository, digest, tag, mediaType }),
      signal: AbortSignal.timeout(30_000)
    })
    if (!response.ok)
      site.log(
        `mirror of ${repository}@${digest} (${region}) answered ${response.status}: ${await response.text()}`
      )
  } catch (error) {
    site.log(`mirror of ${repository}@${digest} (${region}) failed: ${error.message}`)
  }
}

/**
 * The registry builds absolute upload Locations under its configured (IPv4) host; a client that came by a
 * dual-stack or FIPS name gets them under the name it used, as ECR answers (and as a client that keeps
 * uploads on the registry's origin requires).
 */
function keepHost(req, answer) {
  const location = answer.headers.location
  if (!location || !req.headers.host || !/^https?:\/\//i.test(location)) return
  const url = new URL(location)
  url.host = req.headers.host
  answer.headers.location = url.href
}

/** Streams the request to the registry and its answer back; `onAnswer` may hold the answer first. */
export function forward(site, req, res, { onAnswer, afterBytes } = {}) {
  return new Promise(resolve => {
    const headers = { ...req.headers, 'x-forwarded-proto': 'https' }
    const { hostname: host, port } = site.upstream
    const out = httpRequest(
      { host, port, method: req.method, path: req.url, headers, agent },
      async answer => {
        keepHost(req, answer)
        if (onAnswer) {
          const chunks = []
          for await (const chunk of answer) chunks.push(chunk)
          await onAnswer(answer)
          if (!res.destroyed) {
            res.writeHead(answer.statusCode, answer.headers)
            res.end(Buffer.concat(chunks))
          }
          resolve(answer.statusCode)
          return
        }
        res.writeHead(answer.statusCode, answer.headers)
        answer.pipe(res)
        answer.on('end', () => resolve(answer.statusCode))
        answer.on('error', () => resolve(0))
      }
    )
    out.on('error', error => {
      if (!res.headersSent && !res.destroyed)
        answerError(res, 502, 'UNAVAILABLE', `upstream: ${error.message}`)
      resolve(502)
    })
    req.on('aborted', () => out.destroy())
    res.on('close', () => {
      if (!res.writableFinished) out.destroy()
    })
    if (afterBytes !== undefined) {
      let count = 0
      req.on('data', chunk => {
        count += chunk.length
        if (count >= afterBytes) {
          out.destroy()
          req.socket.destroy()
          resolve(-1)
        } else out.write(chunk)
      })
      req.on('end', () => out.end())
    } else {
      req.pipe(out)
    }
  })
}

/** The digest a manifest reference names now (a digest as is; a tag resolved by a HEAD upstream). */
async function digestOf(site, repository, reference) {
  if (reference.startsWith('sha256:')) return reference
  const head = await upstreamRequest(
    site,
    'HEAD',
    `/v2/${repository}/manifests/${encodeURIComponent(reference)}`,
    {
      Accept: MANIFEST_TYPES
    }
  )
  return head.status === 200 ? head.headers['docker-content-digest'] : undefined
}

/** A manifest read: archived images answer 404 as ECR's do; a GET that answers records the pull. */
async function readManifest(site, req, res, repository, reference) {
  if (hasInactive(site.region, repository)) {
    const digest = await digestOf(site, repository, reference)
    if (digest && !isPullable(site.region, repository, digest)) {
      req.resume()
      answerError(res, 404, 'MANIFEST_UNKNOWN', `The image ${digest} is archived: restore it before pulling.`)
      return 404
    }
  }
  if (req.method !== 'GET') return forward(site, req, res)
  return forward(site, req, res, {
    onAnswer: answer => {
      const digest = answer.headers['docker-content-digest']
      if (answer.statusCode === 200 && digest) recordPull(site.region, repository, digest)
    }
  })
}

/**
 * A push to a repository the ECR API does not have is refused as ECR refuses it (NAME_UNKNOWN), unless a
 * CREATE_ON_PUSH creation template covers the name: then the repository is created from it, as ECR does.
 * Distribution itself would create any repository on first push.
 */
async function refuseUnknownRepository(site, req, res, repository) {
  const found = await ecrApi(site.region, 'DescribeRepositories', { repositoryNames: [repository] })
  if (found.status === 200) return undefined
  if (await createOnPush(site.region, repository)) {
    site.log(`created ${repository} (${site.region}) on push, from its CREATE_ON_PUSH template`)
    return undefined
  }
  req.resume()
  answerError(
    res,
    404,
    'NAME_UNKNOWN',
    `The repository with name '${repository}' does not exist in the registry with id '123456789012'`
  )
  return 404
}

export async function handleRegistry(site, req, res) {
  if (site.kind === 'public') return handlePublicRegistry(site, req, res)
  const path = (req.url ?? '/').split('?')[0]
  const { repository, kind, reference } = classify(path)
  const entry = record(site, repository, {
    method: req.method,
    kind,
    path,
    status: undefined,
    peer: req.socket.remoteAddress,
    host: req.headers.host
  })
  const fault = repository ? takeFault(site.region, repository, req.method, kind) : undefined
  if (fault) {
    const status = await applyFault(site, fault, req, res, entry, repository, kind, forward)
    if (status !== undefined) {
      entry.status = status
      return
    }
  }
  if (kind === 'referrers' && req.method === 'GET') {
    req.resume()
    entry.status = referrersApi(site.region)
      ? answerReferrers(
          site.region,
          repository,
          reference,
          new URL(req.url, 'https://front').searchParams.get('artifactType'),
          res
        )
      : (answerError(res, 404, 'NOT_FOUND', 'no referrers API'), 404)
    return
  }
  const isManifestPut = req.method === 'PUT' && kind === 'manifest'
  const startsUpload = req.method === 'POST' && kind === 'upload'
  if (isManifestPut || startsUpload) {
    const refused = await refuseUnknownRepository(site, req, res, repository)
    if (refused !== undefined) {
      entry.status = refused
      return
    }
  }
  if (kind === 'manifest' && (req.method === 'GET' || req.method === 'HEAD')) {
    await pullThroughCache(site, site.sites(), repository, reference, (path, digest, tag, mediaType) =>
      mirror(site, path, digest, tag, mediaType)
    )
    entry.status = await readManifest(site, req, res, repository, reference)
    return
  }
  if (!isManifestPut) {
    entry.status = await forward(site, req, res)
    return
  }
  const isTagPut = !reference.startsWith('sha256:')
  const mirrorAfter = async answer => {
    if (answer.statusCode === 201) {
      const digest = answer.headers['docker-content-digest']
      const mediaType =
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim() || undefined
      await mirror(site, repository, digest, isTagPut ? reference : undefined, mediaType)
      restoreOnPush(site.region, repository, digest)
      // A manifest with a subject: a referrer, said as ECR says it (where the referrers API is on).
      const stored = await upstreamRequest(site, 'GET', `/v2/${repository}/manifests/${digest}`, {
        Accept: MANIFEST_TYPES
      })
      const subject =
        stored.status === 200
          ? recordManifest(site.region, repository, digest, mediaType, stored.body)
          : undefined
      if (subject && referrersApi(site.region)) answer.headers['oci-subject'] = subject
      if (stored.status === 200 && !subject) {
        const type = String(stored.headers['content-type'] ?? mediaType).split(';')[0]
        startSigning(site, repository, { mediaType: type, digest, size: stored.body.length })
      }
    }
  }
  if (!isTagPut) {
    entry.status = await forward(site, req, res, { onAnswer: mirrorAfter })
    return
  }
  entry.status = await withLock(`${site.region}/${repository}`, async () => {
    if (await tagIsImmutable(site.region, repository, reference)) {
      const current = await upstreamRequest(
        site,
        'HEAD',
        `/v2/${repository}/manifests/${encodeURIComponent(reference)}`,
        {
          Accept: MANIFEST_TYPES
        }
      )
      if (current.status === 200) {
        req.resume()
        answerError(
          res,
          400,
          'TAG_INVALID',
          `The image tag '${reference}' already exists in the '${repository}' repository and cannot be overwritten because the tag is immutable.`
        )
        return 400
      }
    }
    return forward(site, req, res, { onAnswer: mirrorAfter })
  })
}
