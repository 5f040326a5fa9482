import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the scripted registry saw it, body included. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: Buffer
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void

/**
 * A registry on loopback whose answers a test scripts in order: each request takes the next handler.
 * An unscripted request gets a 500 and fails the test's expectations on `seen`.
 */
export class ScriptedRegistry {
  readonly seen: SeenRequest[] = []
  private script: Handler[] = []
  private server?: Server
  endpoint = ''

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      const handler = this.script.shift()
      // A handler that wants the raw request (to cut the connection mid-body) sees it before the body.
      if (handler && (handler as { early?: boolean }).early) {
        this.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.alloc(0)
        })
        handler(req, res, Buffer.alloc(0))
        return
      }
      req.on('data', chunk => chunks.push(chunk as Buffer))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
        if (handler) handler(req, res, body)
        else res.writeHead(500).end('unscripted request')
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.endpoint = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  reset(...handlers: Handler[]): void {
    this.script = handlers
    this.seen.length = 0
  }

  /**
   * Waits (bounded) until `count` requests have arrived: a client that aborts an upload returns before
   * the aborted request reaches the server, which must not leak into the next test.
   */
  async arrived(count: number, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.seen.length < count && Date.now() < deadline)
      await new Promise(resolve => setImmediate(resolve))
  }

  /** Requests as `METHOD path?query`, for compact assertions. */
  lines(): string[] {
    return this.seen.map(r => `${r.method} ${r.url}`)
  }
}

/** A handler that runs as soon as the request line arrives, before its body is read. */
export function early(handler: Handler): Handler {
  return Object.assign(handler, { early: true })
}

export const answer =
  (status: number, headers: Record<string, string> = {}, body = ''): Handler =>
  (_req, res) =>
    res.writeHead(status, headers).end(body)
