import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The digest a manifest's `subject` names, if it is JSON with one. */
function subjectOf(body: Buffer): string | undefined {
  try {
    return (JSON.parse(body.toString()) as { subject?: { digest?: string } }).subject?.digest
  } catch {
    return undefined
  }
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/**
 * A registry in memory on loopback that speaks enough of the distribution protocol for a push: blob HEAD
 * and GET, upload sessions (POST, PATCH appending, PUT ?digest= checking the bytes), manifests by tag and
 * digest, immutable tags refused as ECR refuses them (any re-PUT of an existing one, whatever the digest). Every request is logged, and an upload that ends
 * without its PUT is never committed: the log and the stores are what a test asserts on.
 */
export class MemoryRegistry {
  readonly blobs = new Map<string, Buffer>()
  readonly manifests = new Map<string, { bytes: Buffer; mediaType: string }>()
  readonly tags = new Map<string, string>()
  readonly immutable = new Set<string>()
  readonly log: string[] = []
  /** Request bodies of PATCHes, as they arrived. */
  readonly patches: { chunked: boolean; bytes: number }[] = []
  /** Blob GETs answered with a 307 to `<blobRedirect>/<digest>?X-Amz-Signature=…`, as ECR sends them to S3. */
  blobRedirect?: string
  /** Answers as a registry with the OCI 1.1 referrers API (ECR): `OCI-Subject` on PUT, `/referrers/<digest>`. */
  referrersApi = false
  /** Refuses a manifest with a subject with 405, as ECR has refused some (aws/containers-roadmap#2783). */
  refuseReferrers = false
  private readonly uploads = new Map<string, Buffer[]>()
  private inFlight = 0
  private server?: Server
  endpoint = ''

  /** `gauge` counts upload bodies (PUT and PATCH of a session) in flight, shared by several registries. */
  constructor(private readonly gauge: { now: number; max: number } = { now: 0, max: 0 }) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.inFlight++
      void this.handle(req, res).finally(() => this.inFlight--)
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.endpoint = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  /**
   * Waits (at most `ms`) until the registry is quiet: no request being handled and none arriving for
   * 50 ms. An aborted push's last requests may reach the server after the client has given up on them;
   * they end here, not in the next test's log.
   */
  async idle(ms = 2000): Promise<void> {
    const deadline = Date.now() + ms
    let seen = -1
    let quietSince = Date.now()
    while (Date.now() < deadline) {
      if (this.inFlight > 0 || this.log.length !== seen) {
        seen = this.log.length
        quietSince = Date.now()
      } else if (Date.now() - quietSince >= 50) return
      await new Promise(resolve => setTimeout(resolve, 5))
    }
  }

  /** Puts an image as a push would have: blobs, then the manifest under a tag. */
  seed(tag: string, blobs: Buffer[], manifest: Buffer, mediaType: string): string {
    for (const blob of blobs) this.blobs.set(sha256(blob), blob)
    const digest = sha256(manifest)
    this.manifests.set(digest, { bytes: manifest, mediaType })
    this.tags.set(tag, digest)
    return digest
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.endpoint)
    this.log.push(
      `${req.method} ${url.pathname.replace(/^\/v2\/[^]*?\/(blobs|manifests|referrers)\//, '$1/')}${url.search}`
    )
    const upload = /\/blobs\/uploads\/[\w-]+$/.test(url.pathname) && req.method !== 'POST'
    if (upload) this.gauge.max = Math.max(this.gauge.max, ++this.gauge.now)
    let body: Buffer
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      body = Buffer.concat(chunks)
    } catch {
      // The client gave up mid-body: nothing of it counts.
      return
    } finally {
      if (upload) this.gauge.now--
    }
    const blob = /\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname)?.[1]
    const manifest = /\/manifests\/([^/]+)$/.exec(url.pathname)?.[1]
    const session = /\/blobs\/uploads\/([\w-]+)$/.exec(url.pathname)?.[1]
    if (blob && req.method === 'GET' && this.blobRedirect && this.blobs.has(blob)) {
      const location = `${this.blobRedirect}/${blob}?X-Amz-Signature=presigned`
      return void res.writeHead(307, { Location: location }).end()
    }
    if (blob && (req.method === 'HEAD' || req.method === 'GET')) {
      const bytes = this.blobs.get(blob)
      if (!bytes) return void res.writeHead(404).end()
      res.writeHead(200, { 'Content-Length': String(bytes.length), 'Docker-Content-Digest': blob })
      return void res.end(req.method === 'GET' ? bytes : undefined)
    }
    if (req.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) {
      const id = randomUUID()
      this.uploads.set(id, [])
      return void res.writeHead(202, { Location: `${url.pathname}${id}` }).end()
    }
    if (session && req.method === 'PATCH') {
      this.patches.push({ chunked: req.headers['transfer-encoding'] === 'chunked', bytes: body.length })
      this.uploads.get(session)?.push(body)
      return void res.writeHead(202, { Location: url.pathname }).end()
    }
    if (session && req.method === 'PUT') {
      const bytes = Buffer.concat([...(this.uploads.get(session) ?? []), body])
      const digest = url.searchParams.get('digest') ?? ''
      if (sha256(bytes) !== digest)
        return void res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID"}]}')
      this.blobs.set(digest, bytes)
      this.uploads.delete(session)
      return void res.writeHead(201, { 'Docker-Content-Digest': digest }).end()
    }
    if (manifest && (req.method === 'HEAD' || req.method === 'GET')) {
      const digest = manifest.startsWith('sha256:') ? manifest : this.tags.get(manifest)
      const stored = digest && this.manifests.get(digest)
      if (!stored) return void res.writeHead(404).end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
      res.writeHead(200, { 'Content-Type': stored.mediaType, 'Docker-Content-Digest': digest })
      return void res.end(req.method === 'GET' ? stored.bytes : undefined)
    }
    const referrersOf = /\/referrers\/(sha256:[a-f0-9]{64})$/.exec(url.pathname)?.[1]
    if (referrersOf && req.method === 'GET' && this.referrersApi) {
      const manifests = [...this.manifests.entries()].flatMap(([digest, stored]) => {
        const parsed = JSON.parse(stored.bytes.toString()) as {
          subject?: { digest: string }
          artifactType?: string
        }
        if (parsed.subject?.digest !== referrersOf) return []
        const { artifactType } = parsed
        return [
          {
            mediaType: stored.mediaType,
            digest,
            size: stored.bytes.length,
            ...(artifactType ? { artifactType } : {})
          }
        ]
      })
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.index.v1+json' })
      return void res.end(JSON.stringify({ schemaVersion: 2, manifests }))
    }
    if (manifest && req.method === 'PUT') {
      const digest = sha256(body)
      const subject = subjectOf(body)
      if (subject && this.refuseReferrers)
        return void res
          .writeHead(405)
          .end('{"errors":[{"code":"UNSUPPORTED","message":"Invalid parameter at \'mediaType\'"}]}')
      const holds = this.tags.get(manifest)
      // ECR refuses any PUT to an immutable tag that exists, even of the digest it holds (the front does too).
      if (this.immutable.has(manifest) && holds)
        return void res.writeHead(400).end('{"errors":[{"code":"TAG_INVALID","message":"immutable"}]}')
      this.manifests.set(digest, { bytes: body, mediaType: String(req.headers['content-type']) })
      if (!manifest.startsWith('sha256:')) this.tags.set(manifest, digest)
      const said = subject && this.referrersApi ? { 'OCI-Subject': subject } : {}
      return void res.writeHead(201, { 'Docker-Content-Digest': digest, ...said }).end()
    }
    res.writeHead(405).end()
  }
}
