#!/usr/bin/env node
// The front door of the test registries, started by scripts/test-env.sh. Node's standard library only.
//
// docker-registry (distribution) serves plain HTTP on a loopback port, one process per region; this process
// serves each over TLS on its own loopback address under its region's ECR host name (one certificate from the
// test CA names them all) and adds what ECR does and distribution does not:
//   - tag immutability: a manifest PUT by tag to a repository that moto says is IMMUTABLE (or a tag an
//     exclusion makes immutable) is refused with TAG_INVALID when the tag exists, atomically per repository
//   - a pushed manifest is in the ECR API when the PUT returns: the bridge mirrors it into moto first
//   - BatchDeleteImage through the ECR API (this process also fronts moto) reaches the registry: deleted
//     images and removed tags are gone from it too
// and, for tests, per-repository faults (a status with Retry-After, a connection reset mid-body, a stall,
// a delay) and a log of the requests each repository received. A fault whose kind is `api:<Operation>`
// (e.g. `api:BatchDeleteImage`) applies to that API call for the repository instead (repository '*': any,
// as for the ECS, Lambda and Batch calls, which name none): a delay or a status. A fault without a kind is
// for the registry only (any of its requests for the repository), never for an API call.
//
// Sites: the main one (--listen, --upstream, --storage, --region) and one more per
// `--site <region>,<listen>,<upstream>[,<storage>]`. Faults and request logs are per region: `region` (in a
// fault rule, or as a query parameter) picks one, the main region when absent. An API call belongs to the
// region of its SigV4 credential scope (Credential=<key>/<date>/<region>/ecr/aws4_request); a
// BatchDeleteImage reaches that region's registry.
//
//   ECR API    http://<api-listen>/...            forwarded to moto
//   control    POST   /_front/faults              {repository, region?, method?, kind?, action, times?} -> {id}
//              DELETE /_front/faults[?repository=][&region=] clears faults (every region's when no region)
//              GET    /_front/requests?repository=[&region=] the requests that repository received, in order
//              GET    /_front/health               {ok, regions}
import { readFileSync, rmSync, existsSync } from 'node:fs'
import { createServer as createHttpServer, request as httpRequest, Agent } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: {
    listen: { type: 'string', default: '127.0.0.1:443' },
    cert: { type: 'string' },
    key: { type: 'string' },
    upstream: { type: 'string', default: 'http://127.0.0.1:5000' },
    'upstream-auth': { type: 'string' },
    'api-listen': { type: 'string', default: '127.0.0.1:5057' },
    moto: { type: 'string', default: 'http://127.0.0.1:5055' },
    bridge: { type: 'string', default: 'http://127.0.0.1:5056' },
    storage: { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    site: { type: 'string', multiple: true, default: [] }
  }
})

const log = message => console.log(`${new Date().toISOString()} ${message}`)

/**
 * One region's registry. seen: repository -> [{method, kind, path, status, fault}], its request log.
 * @typedef {{region: string, listen: string, upstream: URL, storage?: string, seen: Map<string, object[]>}} Site
 */
/** @returns {Site} */
const makeSite = (region, listen, upstream, storage) => ({
  region,
  listen,
  upstream: new URL(upstream),
  storage: storage || undefined,
  seen: new Map()
})
/** @type {Site[]} */
const sites = [
  makeSite(args.region, args.listen, args.upstream, args.storage),
  ...args.site.map(spec => {
    // The storage path comes last: it may hold commas.
    const [region, listen, upstream, ...storage] = spec.split(',')
    if (!region || !listen || !upstream)
      throw new Error(`bad --site ${spec}: <region>,<listen>,<upstream>[,<storage>]`)
    return makeSite(region, listen, upstream, storage.join(','))
  })
]
const siteByRegion = new Map(sites.map(site => [site.region, site]))
if (siteByRegion.size !== sites.length) throw new Error('two sites for one region')
if (new Set(sites.map(site => site.listen)).size !== sites.length) throw new Error('two sites on one address')
const mainSite = sites[0]

const agent = new Agent({ keepAlive: true, maxSockets: 64 })
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

// ------------------------------------------------------------------ faults and the request log

/** @type {{id: number, region: string, repository: string, method?: string, kind?: string, action: any, times: number}[]} */
let faults = []
let nextFault = 1
const MAX_SEEN = 5000

function record(site, repository, entry) {
  if (!repository) return entry
  const list = site.seen.get(repository) ?? []
  list.push(entry)
  if (list.length > MAX_SEEN) list.shift()
  site.seen.set(repository, list)
  return entry
}

/** A rule without a kind is for the registry's requests only: an API call's fault names its operation. */
function takeFault(region, repository, method, kind) {
  const fault = faults.find(
    f =>
      f.region === region &&
      (f.repository === repository || f.repository === '*') &&
      f.times > 0 &&
      (!f.method || f.method === method) &&
      (f.kind ? f.kind === kind : !kind.startsWith('api:'))
  )
  if (!fault) return undefined
  fault.times--
  return fault
}

/** `/v2/<name>/<kind>/...` → {repository, kind, reference}; kind: manifest | blob | upload | tags | base. */
function classify(path) {
  const match = /^\/v2\/(.+?)\/(manifests|blobs|tags)\/(.*)$/.exec(path)
  if (!match) return { repository: undefined, kind: 'base' }
  const [, repository, section, rest] = match
  if (section === 'manifests') return { repository, kind: 'manifest', reference: decodeURIComponent(rest) }
  if (section === 'tags') return { repository, kind: 'tags' }
  return { repository, kind: rest.startsWith('uploads') ? 'upload' : 'blob' }
}

// ------------------------------------------------------------------ ECR semantics

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

async function ecrApi(region, operation, body) {
  const response = await fetch(args.moto, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/ecr/aws4_request, SignedHeaders=host, Signature=0`
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

const wildcard = pattern =>
  new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`
  )

async function tagIsImmutable(site, repository, tag) {
  const { status, body } = await ecrApi(site.region, 'DescribeRepositories', {
    repositoryNames: [repository]
  })
  if (status !== 200) return false
  const repo = body.repositories?.[0] ?? {}
  const excluded = (repo.imageTagMutabilityExclusionFilters ?? []).some(f => wildcard(f.filter).test(tag))
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded
    default:
      return false
  }
}

function upstreamRequest(site, method, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: site.upstream.hostname,
        port: site.upstream.port,
        method,
        path,
        agent,
        headers: { ...headers, Authorization: args['upstream-auth'] }
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
    req.end()
  })
}

async function mirror(site, repository, digest, tag, mediaType) {
  const { region } = site
  try {
    const response = await fetch(`${args.bridge}/mirror`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ region, repository, digest, tag, mediaType }),
      signal: AbortSignal.timeout(30_000)
    })
    if (!response.ok)
      log(
        `mirror of ${repository}@${digest} (${region}) answered ${response.status}: ${await response.text()}`
      )
  } catch (error) {
    log(`mirror of ${repository}@${digest} (${region}) failed: ${error.message}`)
  }
}

// ------------------------------------------------------------------ the registry front

function answerError(res, status, code, message, headers = {}) {
  const body = JSON.stringify({ errors: [{ code, message }] })
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...headers
  })
  res.end(body)
}

/** Streams the request to the registry and its answer back; `onAnswer` may hold the answer first. */
function forward(site, req, res, { onAnswer, afterBytes } = {}) {
  return new Promise(resolve => {
    const headers = { ...req.headers, 'x-forwarded-proto': 'https' }
    const { hostname: host, port } = site.upstream
    const out = httpRequest(
      { host, port, method: req.method, path: req.url, headers, agent },
      async answer => {
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

async function applyFault(site, fault, req, res, entry) {
  const { action } = fault
  entry.fault = action.type
  switch (action.type) {
    case 'status': {
      req.resume()
      await new Promise(resolve => req.on('end', resolve))
      const headers = action.retryAfter !== undefined ? { 'Retry-After': String(action.retryAfter) } : {}
      answerError(
        res,
        action.status,
        action.code ?? 'UNAVAILABLE',
        action.message ?? 'injected fault',
        headers
      )
      return action.status
    }
    case 'reset':
      if (!action.afterBytes) {
        req.socket.destroy()
        return -1
      }
      return forward(site, req, res, { afterBytes: action.afterBytes })
    case 'stall':
      // Take the request and never answer: the client's stall timeout must end it.
      req.resume()
      await new Promise(resolve => res.on('close', resolve))
      return -1
    case 'delay':
      await new Promise(resolve => setTimeout(resolve, action.ms ?? 1000))
      return undefined
    default:
      return undefined
  }
}

async function handleRegistry(site, req, res) {
  const path = (req.url ?? '/').split('?')[0]
  const { repository, kind, reference } = classify(path)
  const entry = record(site, repository, { method: req.method, kind, path, status: undefined })
  const fault = repository ? takeFault(site.region, repository, req.method, kind) : undefined
  if (fault) {
    const status = await applyFault(site, fault, req, res, entry)
    if (status !== undefined) {
      entry.status = status
      return
    }
  }
  const isTagPut =
    req.method === 'PUT' && kind === 'manifest' && reference && !reference.startsWith('sha256:')
  const isManifestPut = req.method === 'PUT' && kind === 'manifest'
  const mirrorAfter = async answer => {
    if (answer.statusCode === 201) {
      const digest = answer.headers['docker-content-digest']
      const mediaType =
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim() || undefined
      await mirror(site, repository, digest, isTagPut ? reference : undefined, mediaType)
    }
  }
  if (!isManifestPut) {
    entry.status = await forward(site, req, res)
    return
  }
  if (!isTagPut) {
    entry.status = await forward(site, req, res, { onAnswer: mirrorAfter })
    return
  }
  entry.status = await withLock(`${site.region}/${repository}`, async () => {
    if (await tagIsImmutable(site, repository, reference)) {
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

// ------------------------------------------------------------------ the ECR API front (moto behind)

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function repositoryStorage(site, repository) {
  return site.storage ? join(site.storage, 'docker', 'registry', 'v2', 'repositories', repository) : undefined
}

/** The region of a SigV4-signed request (its credential scope), or undefined. */
function regionOf(req) {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))
  return match?.[1]
}

/** Makes the registry agree with moto after a BatchDeleteImage: gone images deleted, removed tags removed. */
async function mirrorDeletion(site, request, response) {
  const repository = request.repositoryName
  const storage = repositoryStorage(site, repository)
  if (!storage || !existsSync(join(storage, '_manifests'))) return // an image only moto has
  const removed = new Map() // digest -> tags removed
  for (const id of response.imageIds ?? []) {
    if (!id.imageDigest) continue
    const tags = removed.get(id.imageDigest) ?? new Set()
    if (id.imageTag) tags.add(id.imageTag)
    removed.set(id.imageDigest, tags)
  }
  for (const [digest, tags] of removed) {
    const still = await ecrApi(site.region, 'DescribeImages', {
      repositoryName: repository,
      imageIds: [{ imageDigest: digest }]
    })
    if (still.status !== 200) {
      const gone = await upstreamRequest(site, 'DELETE', `/v2/${repository}/manifests/${digest}`)
      if (gone.status !== 202 && gone.status !== 404)
        log(`registry DELETE ${repository}@${digest} (${site.region}): ${gone.status}`)
      else log(`deleted ${repository}@${digest} from the ${site.region} registry (BatchDeleteImage)`)
      continue
    }
    for (const tag of tags) {
      rmSync(join(storage, '_manifests', 'tags', tag), { recursive: true, force: true })
      log(`removed tag ${repository}:${tag} from the ${site.region} registry (BatchDeleteImage)`)
    }
  }
}

async function handleApi(req, res) {
  const url = new URL(req.url ?? '/', 'http://front')
  if (url.pathname.startsWith('/_front/')) return handleControl(req, res, url)
  const body = await readBody(req)
  const target = String(req.headers['x-amz-target'] ?? '')
  const operation = target.split('.').pop()
  let repositoryName
  try {
    repositoryName = JSON.parse(body.toString() || '{}').repositoryName
  } catch {
    repositoryName = undefined
  }
  // Unsigned calls (none in practice) count as the main region's.
  const region = regionOf(req) ?? mainSite.region
  // Calls of other services name no repository: a fault for them is registered for repository '*'.
  const fault = operation
    ? takeFault(region, repositoryName ?? '*', undefined, `api:${operation}`)
    : undefined
  if (fault?.action.type === 'delay')
    await new Promise(resolve => setTimeout(resolve, fault.action.ms ?? 1000))
  if (fault?.action.type === 'status') {
    const text = JSON.stringify({
      __type: fault.action.code ?? 'ThrottlingException',
      message: fault.action.message ?? 'Rate exceeded'
    })
    res.writeHead(fault.action.status, {
      'Content-Type': 'application/x-amz-json-1.1',
      'Content-Length': Buffer.byteLength(text)
    })
    res.end(text)
    return
  }
  const headers = { ...req.headers }
  delete headers.host
  delete headers.connection
  const forwarded = await fetch(`${args.moto}${req.url}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body
  })
  const answer = Buffer.from(await forwarded.arrayBuffer())
  // A region without a registry of its own holds its images in moto only.
  const site = siteByRegion.get(region)
  if (site && target.endsWith('.BatchDeleteImage') && forwarded.status === 200) {
    try {
      await mirrorDeletion(site, JSON.parse(body.toString() || '{}'), JSON.parse(answer.toString() || '{}'))
    } catch (error) {
      log(`mirroring a BatchDeleteImage into the registry failed: ${error.message}`)
    }
  }
  const out = {}
  forwarded.headers.forEach((value, name) => {
    if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
      out[name] = value
  })
  res.writeHead(forwarded.status, { ...out, 'Content-Length': answer.length })
  res.end(answer)
}

async function handleControl(req, res, url) {
  const reply = (status, value) => {
    const text = JSON.stringify(value)
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }
  const repository = url.searchParams.get('repository')
  const region = url.searchParams.get('region')
  const regions = sites.map(site => site.region)
  const unknownRegion = name =>
    reply(400, { error: `no registry for region ${name}; regions: ${regions.join(', ')}` })
  if (url.pathname === '/_front/health') return reply(200, { ok: true, regions })
  if (url.pathname === '/_front/faults' && req.method === 'POST') {
    const rule = JSON.parse((await readBody(req)).toString())
    if (!rule.repository || !rule.action?.type)
      return reply(400, { error: 'repository and action.type are required' })
    rule.region = rule.region ?? region ?? mainSite.region
    // An API fault may name any region (moto has them all); a registry fault needs that region's registry.
    if (!String(rule.kind ?? '').startsWith('api:') && !siteByRegion.has(rule.region))
      return unknownRegion(rule.region)
    const fault = { id: nextFault++, times: Number.POSITIVE_INFINITY, ...rule }
    faults.push(fault)
    return reply(200, { id: fault.id })
  }
  if (url.pathname === '/_front/faults' && req.method === 'DELETE') {
    faults = faults.filter(
      f => (repository && f.repository !== repository) || (region && f.region !== region)
    )
    return reply(200, { faults: faults.length })
  }
  if (url.pathname === '/_front/requests' && req.method === 'GET') {
    const site = siteByRegion.get(region ?? mainSite.region)
    if (!site) return unknownRegion(region)
    return reply(200, repository ? (site.seen.get(repository) ?? []) : Object.fromEntries(site.seen))
  }
  return reply(404, { error: 'unknown control path' })
}

// ------------------------------------------------------------------ servers

const tls = { cert: readFileSync(args.cert), key: readFileSync(args.key) }
const registries = sites.map(site => {
  const server = createHttpsServer(tls, (req, res) => {
    handleRegistry(site, req, res).catch(error => {
      log(`registry front error (${site.region}): ${error.stack}`)
      if (!res.headersSent) answerError(res, 500, 'UNKNOWN', error.message)
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 30_000
  const [host, port] = site.listen.split(':')
  server.listen(Number(port), host, () =>
    log(`registry front (${site.region}) on https://${site.listen} -> ${site.upstream.href}`)
  )
  return server
})

const [apiHost, apiPort] = args['api-listen'].split(':')
const api = createHttpServer((req, res) => {
  handleApi(req, res).catch(error => {
    log(`API front error: ${error.stack}`)
    if (!res.headersSent) res.writeHead(500).end(error.message)
  })
})
api.listen(Number(apiPort), apiHost, () =>
  log(`ECR API front on http://${args['api-listen']} -> ${args.moto}`)
)

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    for (const server of registries) server.close()
    api.close()
    process.exit(0)
  })
}
