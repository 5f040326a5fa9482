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
//   - what ECR's API has and moto's lacks (scripts/front/image-state.mjs): the archive storage class,
//     lastRecordedPullTime, pull-time update exclusions
// and, for tests, per-repository faults, held requests and a log of the requests each repository received
// (scripts/front/faults.mjs, scripts/front/control.mjs).
//
// IPv6: --listen6 [::1]:443 serves every region's registry again on one IPv6 address, the site chosen by the
// name asked for (Host): the dual-stack names (<acct>.dkr-ecr[-fips].<region>.on.aws) map to ::1 only, so a
// request there came over IPv6, and the request log's `peer` says so.
//
// Sites: the main one (--listen, --upstream, --storage, --region) and one more per
// `--site <region>,<listen>,<upstream>[,<storage>]`. Faults and request logs are per region: `region` (in a
// fault rule, or as a query parameter) picks one, the main region when absent. An API call belongs to the
// region of its SigV4 credential scope (Credential=<key>/<date>/<region>/ecr/aws4_request); a
// BatchDeleteImage reaches that region's registry.
//
//   ECR API    http://<api-listen>/...            forwarded to moto (but for scripts/front/image-state.mjs)
//   control    http://<api-listen>/_front/...      see scripts/front/control.mjs
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { parseArgs } from 'node:util'
import { handleApi } from './front/api.mjs'
import { handleControl } from './front/control.mjs'
import { configureMoto } from './front/moto.mjs'
import { handleRegistry } from './front/registry.mjs'
import { answerError, makeSite } from './front/site.mjs'

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
    site: { type: 'string', multiple: true, default: [] },
    // [<address>]:<port> for IPv6: every private site, by the region of the host name asked for
    listen6: { type: 'string' },
    // ECR Public's registry: <listen>,<upstream>[,<storage>] (scripts/front/public.mjs)
    'public-site': { type: 'string' }
  }
})

const log = message => console.log(`${new Date().toISOString()} ${message}`)
configureMoto(args.moto)
const shared = { upstreamAuth: args['upstream-auth'], bridge: args.bridge, log, sites: () => sites }
const sites = [
  makeSite(args.region, args.listen, args.upstream, args.storage, shared),
  ...args.site.map(spec => {
    // The storage path comes last: it may hold commas.
    const [region, listen, upstream, ...storage] = spec.split(',')
    if (!region || !listen || !upstream)
      throw new Error(`bad --site ${spec}: <region>,<listen>,<upstream>[,<storage>]`)
    return makeSite(region, listen, upstream, storage.join(','), shared)
  })
]
if (args['public-site']) {
  const [listen, upstream, ...storage] = args['public-site'].split(',')
  sites.push({ ...makeSite('public', listen, upstream, storage.join(','), shared), kind: 'public' })
}
const siteByRegion = new Map(sites.map(site => [site.region, site]))
if (siteByRegion.size !== sites.length) throw new Error('two sites for one region')
if (new Set(sites.map(site => site.listen)).size !== sites.length) throw new Error('two sites on one address')
const context = { sites, siteByRegion, mainSite: sites[0] }

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

/** The region a private registry host names (`<acct>.dkr.ecr.<region>.…`, `.dkr-ecr-fips.<region>.…`). */
const regionOfHost = host => /^\d{12}\.dkr(?:\.ecr|-ecr)(?:-fips)?\.([a-z0-9-]+)\./.exec(host ?? '')?.[1]

if (args.listen6) {
  const match = /^\[([0-9a-f:]+)\]:(\d+)$/i.exec(args.listen6)
  if (!match) throw new Error(`bad --listen6 ${args.listen6}: [<address>]:<port>`)
  const server = createHttpsServer(tls, (req, res) => {
    const site = siteByRegion.get(regionOfHost(req.headers.host))
    if (!site || site.kind === 'public') {
      req.resume()
      return answerError(res, 421, 'UNSUPPORTED', `no registry here for ${req.headers.host ?? '(no Host)'}`)
    }
    handleRegistry(site, req, res).catch(error => {
      log(`registry front error (${site.region}, IPv6): ${error.stack}`)
      if (!res.headersSent) answerError(res, 500, 'UNKNOWN', error.message)
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 30_000
  server.listen(Number(match[2]), match[1], () =>
    log(`registry front (every region, by host name) on https://${args.listen6}`)
  )
  registries.push(server)
}

const [apiHost, apiPort] = args['api-listen'].split(':')
const api = createHttpServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://front')
  const handled = url.pathname.startsWith('/_front/')
    ? handleControl(context, req, res, url)
    : handleApi(context, req, res)
  handled.catch(error => {
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
