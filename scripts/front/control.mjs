// The tests' control paths on the API port: faults, held requests, request logs, stand-in settings.
import { addFault, clearFaults, heldRequests, release } from './faults.mjs'
import { readBody } from './api.mjs'
import { callsSince } from './api-log.mjs'
import { setImageState, settings } from './image-state.mjs'
import { setReferrersApi } from './referrers.mjs'
import { signingSettings } from './signing.mjs'

//   POST   /_front/faults              {repository, region?, method?, kind?, action, times?} -> {id}
//   DELETE /_front/faults[?repository=][&region=] clears faults (every region's when no region)
//   GET    /_front/held                 requests a `hold` fault is holding: [{id, fault, region, repository, kind}]
//   POST   /_front/release[?id=][&fault=] releases held requests (all when neither is given) -> {released}
//   GET    /_front/requests?repository=[&region=] the requests that repository received, in order
//   POST   /_front/config               {restoreMs?, referrersApi?: {<region>: bool}, signingDelayMs?}: how long an
//                                        API restore stays ACTIVATING; which regions answer without the referrers
//                                        API; how long managed signing takes (signing.mjs)
//   POST   /_front/image-state          {repository, digest, region?, lastArchivedAt?, lastPulledAt?} (epoch s)
//   GET    /_front/api-calls?since=N    the API calls received since N: {next, calls: [{seq, region, operation, repository?, prefix?}]}
//   GET    /_front/health               {ok, regions}
export async function handleControl(context, req, res, url) {
  const reply = (status, value) => {
    const text = JSON.stringify(value)
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }
  const { sites, siteByRegion, mainSite } = context
  const repository = url.searchParams.get('repository')
  const region = url.searchParams.get('region')
  const number = name => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined)
  const regions = sites.map(site => site.region)
  const unknownRegion = name =>
    reply(400, { error: `no registry for region ${name}; regions: ${regions.join(', ')}` })
  const route = `${req.method} ${url.pathname}`
  switch (route) {
    case 'GET /_front/health':
      return reply(200, { ok: true, regions })
    case 'POST /_front/faults': {
      const rule = JSON.parse((await readBody(req)).toString())
      if (!rule.repository || !rule.action?.type)
        return reply(400, { error: 'repository and action.type are required' })
      rule.region = rule.region ?? region ?? mainSite.region
      // An API fault may name any region (moto has them all); a registry fault needs that region's registry.
      if (!String(rule.kind ?? '').startsWith('api:') && !siteByRegion.has(rule.region))
        return unknownRegion(rule.region)
      return reply(200, { id: addFault(rule) })
    }
    case 'DELETE /_front/faults':
      return reply(200, { faults: clearFaults(repository, region) })
    case 'GET /_front/api-calls':
      return reply(200, callsSince(number('since') ?? 0))
    case 'GET /_front/held':
      return reply(200, heldRequests())
    case 'POST /_front/release':
      return reply(200, { released: release(number('id'), number('fault')) })
    case 'POST /_front/config': {
      const change = JSON.parse((await readBody(req)).toString() || '{}')
      if (change.restoreMs !== undefined) settings.restoreMs = Number(change.restoreMs)
      for (const [name, enabled] of Object.entries(change.referrersApi ?? {}))
        setReferrersApi(name, Boolean(enabled))
      if (change.signingDelayMs !== undefined) signingSettings.signingDelayMs = Number(change.signingDelayMs)
      return reply(200, { ...settings, ...signingSettings })
    }
    case 'POST /_front/image-state': {
      const change = JSON.parse((await readBody(req)).toString() || '{}')
      if (!change.repository || !change.digest)
        return reply(400, { error: 'repository and digest are required' })
      setImageState(change.region ?? mainSite.region, change.repository, change.digest, change)
      return reply(200, { ok: true })
    }
    case 'GET /_front/requests': {
      const site = siteByRegion.get(region ?? mainSite.region)
      if (!site) return unknownRegion(region)
      return reply(200, repository ? (site.seen.get(repository) ?? []) : Object.fromEntries(site.seen))
    }
    default:
      return reply(404, { error: 'unknown control path' })
  }
}
