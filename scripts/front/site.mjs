// One region's registry site: its request log, and the faults applied to its requests.
import { hold } from './faults.mjs'

const MAX_SEEN = 5000

/** Every manifest type the front asks docker-registry for (an Accept header), indexes first. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/**
 * One region's registry. seen: repository -> [{method, kind, path, status, fault, peer, host}], its request
 * log: `peer` the client's address (::1 over IPv6), `host` the name it asked for.
 * @typedef {{region: string, listen: string, upstream: URL, upstreamAuth?: string, bridge: string,
 *   storage?: string, seen: Map<string, object[]>, log: (message: string) => void}} Site
 */
export function makeSite(region, listen, upstream, storage, shared) {
  return {
    region,
    listen,
    upstream: new URL(upstream),
    storage: storage || undefined,
    seen: new Map(),
    ...shared
  }
}

export function record(site, repository, entry) {
  if (!repository) return entry
  const list = site.seen.get(repository) ?? []
  list.push(entry)
  if (list.length > MAX_SEEN) list.shift()
  site.seen.set(repository, list)
  return entry
}

export function answerError(res, status, code, message, headers = {}) {
  const body = JSON.stringify({ errors: [{ code, message }] })
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...headers
  })
  res.end(body)
}

/** Applies a fault to a registry request: the status answered, or undefined to go on as usual. */
export async function applyFault(site, fault, req, res, entry, repository, kind, forward) {
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
    case 'hold':
      await hold(fault, site.region, repository, kind)
      return undefined
    default:
      return undefined
  }
}
