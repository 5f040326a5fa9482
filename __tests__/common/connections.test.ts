import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { ECRClient, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { inspect } from 'node:util'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import type { PeerCertificate } from 'node:tls'

jest.unstable_mockModule('@actions/core', () => ({ setSecret: jest.fn(), info: jest.fn(), debug: jest.fn() }))
const { Connections, ProxyError, tunnelTlsOptions } = await import('../../src/common/connections.js')
const { readProxySettings } = await import('../../src/common/proxy.js')
const { sendOnce } = await import('../../src/registry/http.js')
const { Transport } = await import('../../src/registry/transport.js')
const { NetworkError, isRetryableRegistryFailure } = await import('../../src/registry/errors.js')

/**
 * A proxy on loopback whose answers a test scripts: CONNECT gets `connectStatus`, an absolute-URI request
 * gets `forwardStatus` or, when that is 200, the target's answer (the proxy fetches it). It records every
 * request line and Proxy-Authorization header, as a proxy's access log would.
 */
class ScriptedProxy {
  readonly seen: { line: string; authorization?: string }[] = []
  connectStatus = 407
  forwardStatus = 200
  private server?: Server
  port = 0

  async start(): Promise<void> {
    const note = (req: IncomingMessage) =>
      this.seen.push({
        line: `${req.method} ${req.url}`,
        ...(req.headers['proxy-authorization'] ? { authorization: req.headers['proxy-authorization'] } : {})
      })
    this.server = createServer((req, res) => {
      note(req)
      if (this.forwardStatus !== 200) {
        // tinyproxy answers a wrong password with 401 and WWW-Authenticate; others send 407.
        const challenge = this.forwardStatus === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate'
        res.writeHead(this.forwardStatus, { [challenge]: 'Basic realm="corp"' }).end('<?xml version="1.0"?>')
        return
      }
      // JSON for the SDK's calls (POST /), text for the rest; the connection is kept alive.
      if (req.method === 'POST')
        res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }).end('{}')
      else res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`proxied ${req.url}`)
    })
    this.server.on('connect', (req: IncomingMessage, socket) => {
      note(req)
      socket.end(`HTTP/1.1 ${this.connectStatus} Refused\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n`)
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }
}

let proxy: ScriptedProxy | undefined
afterEach(async () => {
  await proxy?.stop()
  proxy = undefined
})

async function startProxy(): Promise<ScriptedProxy> {
  proxy = new ScriptedProxy()
  await proxy.start()
  return proxy
}

/** Waits for a condition the test cannot await directly, with a bound. */
async function pollUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

function routesFor(env: Record<string, string>) {
  const masked: string[] = []
  return { routes: new Connections(readProxySettings(env), secret => void masked.push(secret)), masked }
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

const send = (routes: InstanceType<typeof Connections>, url: string) =>
  sendOnce({ method: 'GET', url, headers: {} }, { routes, stallTimeoutMs: 5000 })

describe('registry transport through a proxy', () => {
  test('http targets go as absolute-URI requests with the credentials as Proxy-Authorization', async () => {
    const { port } = await startProxy()
    const { routes, masked } = routesFor({ HTTP_PROXY: `http://ci:s3cr%40t@127.0.0.1:${port}` })
    const answer = await send(routes, 'http://registry.test:5000/v2/')
    expect((await answer.bytes(1024)).toString()).toBe('proxied http://registry.test:5000/v2/')
    const token = Buffer.from('ci:s3cr@t').toString('base64')
    expect(proxy?.seen).toEqual([
      { line: 'GET http://registry.test:5000/v2/', authorization: `Basic ${token}` }
    ])
    expect(masked.sort()).toEqual(['s3cr%40t', 's3cr@t', token].sort())
  })

  test('NO_PROXY sends a host direct: the target answers, the proxy sees nothing', async () => {
    const { port } = await startProxy()
    const target = createServer((_req, res) => void res.end('direct'))
    await new Promise<void>(resolve => target.listen(0, '127.0.0.1', resolve))
    try {
      const { routes } = routesFor({ HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '127.0.0.1' })
      const answer = await send(routes, `http://127.0.0.1:${(target.address() as AddressInfo).port}/v2/`)
      expect((await answer.bytes(1024)).toString()).toBe('direct')
      expect(proxy?.seen).toEqual([])
    } finally {
      target.closeAllConnections()
      target.close()
    }
  })

  test.each([
    ['with credentials', 'ci:wrong@', /refused the credentials in the proxy URL \(HTTP 407\)/],
    ['without credentials', '', /requires credentials \(HTTP 407\)/]
  ])(
    'a 407 from a tunnel (%s) is a final error naming the proxy and its variable',
    async (_, userinfo, detail) => {
      const { port } = await startProxy()
      const { routes } = routesFor({ https_proxy: `http://${userinfo}127.0.0.1:${port}` })
      const failure = await failureOf(send(routes, 'https://registry.test/v2/'))
      expect(failure).toBeInstanceOf(NetworkError)
      expect(failure.message).toContain(`proxy 127.0.0.1:${port} (from https_proxy)`)
      expect(failure.message).toMatch(detail)
      expect(failure.message).not.toContain('wrong')
      expect(isRetryableRegistryFailure(failure)).toBe(false)
      expect(proxy?.seen.map(seen => seen.line)).toEqual(['CONNECT registry.test:443'])
    }
  )

  test('a CONNECT refused for another reason names the target the proxy would not reach', async () => {
    const server = await startProxy()
    server.connectStatus = 403
    const { routes } = routesFor({ HTTPS_PROXY: `http://127.0.0.1:${server.port}` })
    const failure = await failureOf(send(routes, 'https://registry.test:8443/v2/'))
    expect(failure.message).toContain(
      `proxy 127.0.0.1:${server.port} (from HTTPS_PROXY): answered HTTP 403 instead of connecting to registry.test:8443`
    )
  })

  test('a proxy that cannot reach the target for now (CONNECT 503) is retried, like a dropped connection', async () => {
    const server = await startProxy()
    server.connectStatus = 503
    const { routes } = routesFor({ HTTPS_PROXY: `http://127.0.0.1:${server.port}` })
    const transport = new Transport({
      endpoint: 'https://registry.test',
      basicToken: 'dG9rZW4=',
      routes,
      retry: { baseDelayMs: 1, maxDelayMs: 2, attempts: 3 }
    })
    const failure = await failureOf(transport.request({ method: 'GET', url: '/v2/' }, [200]))
    expect(failure.message).toContain('answered HTTP 503 instead of connecting to registry.test:443')
    expect(failure.message).toContain('after 3 attempts')
    expect(server.seen).toHaveLength(3)
  })

  test('a ProxyError holds no credentials: inspecting it shows neither the password nor the token', async () => {
    const { port } = await startProxy()
    const { routes } = routesFor({ HTTPS_PROXY: `http://ci:hunter2@127.0.0.1:${port}` })
    const failure = await failureOf(send(routes, 'https://registry.test/v2/'))
    const printed = inspect(failure, { depth: 10, showHidden: true })
    expect(printed).toContain('refused the credentials')
    expect(printed).not.toContain('hunter2')
    expect(printed).not.toContain(Buffer.from('ci:hunter2').toString('base64'))
  })

  test('a 407 from a forward proxy is the same final error', async () => {
    const server = await startProxy()
    server.forwardStatus = 407
    const { routes } = routesFor({ HTTP_PROXY: `http://ci:wrong@127.0.0.1:${server.port}` })
    const failure = await failureOf(send(routes, 'http://registry.test:5000/v2/'))
    expect(failure.message).toContain(
      `proxy 127.0.0.1:${server.port} (from HTTP_PROXY): refused the credentials`
    )
    expect(isRetryableRegistryFailure(failure)).toBe(false)
  })

  test('a proxy that never answers CONNECT: bounded, and the socket to it is closed', async () => {
    const closed: boolean[] = []
    // Reads what comes (the CONNECT) and never answers; it sees the close once the client gives up.
    const accepted: Socket[] = []
    const silent = createNetServer(socket => {
      accepted.push(socket)
      socket.resume().on('close', () => closed.push(true))
    })
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as AddressInfo).port
    try {
      const routes = new Connections(
        readProxySettings({ HTTPS_PROXY: `http://127.0.0.1:${port}` }),
        () => {},
        200
      )
      const failure = await failureOf(send(routes, 'https://registry.test/v2/'))
      expect(failure.message).toContain(
        `proxy 127.0.0.1:${port} (from HTTPS_PROXY): no connection within 200 ms`
      )
      expect(isRetryableRegistryFailure(failure)).toBe(true)
      await pollUntil(() => closed.length === 1, 5000)
    } finally {
      for (const socket of accepted) socket.destroy()
      silent.close()
    }
  })

  test('an unreachable proxy: retried as a refused connection, then named in the error', async () => {
    const port = await closedPort()
    const { routes } = routesFor({ HTTPS_PROXY: `http://ci:pw@127.0.0.1:${port}` })
    let attempts = 0
    const transport = new Transport({
      endpoint: 'https://registry.test',
      basicToken: 'dG9rZW4=',
      routes,
      retry: { baseDelayMs: 1, maxDelayMs: 2, attempts: 3 },
      onRequest: () => void attempts++
    })
    const failure = await failureOf(transport.request({ method: 'GET', url: '/v2/' }, [200]))
    expect(attempts).toBe(3)
    expect(failure.message).toContain(`proxy 127.0.0.1:${port} (from HTTPS_PROXY): could not connect`)
    expect(failure.message).toContain('ECONNREFUSED')
    expect(failure.message).toContain('after 3 attempts')
    expect(failure.message).not.toContain('pw')
  })
})

describe('AWS SDK clients through a proxy', () => {
  const client = (routes: InstanceType<typeof Connections>, endpoint: string) =>
    new ECRClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 5,
      requestHandler: routes.sdkRequestHandler()
    })

  test('no proxy variable: the SDK keeps its own handler', () => {
    expect(routesFor({}).routes.sdkRequestHandler()).toBeUndefined()
  })

  test('an https endpoint goes through a tunnel; a refusal is final (one CONNECT, not five)', async () => {
    const { port } = await startProxy()
    const { routes } = routesFor({ HTTPS_PROXY: `http://ci:wrong@127.0.0.1:${port}` })
    const failure = await failureOf(
      client(routes, 'https://api.ecr.us-east-1.amazonaws.com').send(new DescribeRepositoriesCommand({}))
    )
    expect(failure).toBeInstanceOf(ProxyError)
    expect(failure.message).toBe(
      `proxy 127.0.0.1:${port} (from HTTPS_PROXY): refused the credentials in the proxy URL (HTTP 407)`
    )
    expect(proxy?.seen.map(seen => seen.line)).toEqual(['CONNECT api.ecr.us-east-1.amazonaws.com:443'])
  })

  test('an http endpoint goes as absolute-URI requests; a forward proxy 407 becomes a ProxyError', async () => {
    const server = await startProxy()
    server.forwardStatus = 407
    const { routes } = routesFor({ HTTP_PROXY: `http://127.0.0.1:${server.port}` })
    const failure = await failureOf(
      client(routes, 'http://ecr.test:5057').send(new DescribeRepositoriesCommand({}))
    )
    expect(failure.message).toBe(
      `proxy 127.0.0.1:${server.port} (from HTTP_PROXY): requires credentials (HTTP 407): put them in the proxy URL, http://user:password@host:port`
    )
    expect(server.seen.map(seen => seen.line)).toEqual(['POST http://ecr.test:5057/'])
  })

  test('http endpoint, several calls on one kept-alive connection: each an absolute URI with credentials', async () => {
    const server = await startProxy()
    const { routes } = routesFor({ HTTP_PROXY: `http://ci:pw@127.0.0.1:${server.port}` })
    const ecr = client(routes, 'http://ecr.test:5057')
    for (let call = 0; call < 3; call++) await ecr.send(new DescribeRepositoriesCommand({}))
    const authorization = `Basic ${Buffer.from('ci:pw').toString('base64')}`
    expect(server.seen).toEqual(Array(3).fill({ line: 'POST http://ecr.test:5057/', authorization }))
  })

  test('CONNECT 503 from the proxy: the SDK retries it (5 attempts), then names the proxy', async () => {
    const server = await startProxy()
    server.connectStatus = 503
    const { routes } = routesFor({ HTTPS_PROXY: `http://127.0.0.1:${server.port}` })
    const failure = await failureOf(
      client(routes, 'https://api.ecr.us-east-1.amazonaws.com').send(new DescribeRepositoriesCommand({}))
    )
    expect(failure.message).toContain(
      'answered HTTP 503 instead of connecting to api.ecr.us-east-1.amazonaws.com:443'
    )
    expect(server.seen).toHaveLength(5)
  }, 30_000)

  test('a 401 with a challenge from a forward proxy (tinyproxy, wrong password) is a refusal too', async () => {
    const server = await startProxy()
    server.forwardStatus = 401
    const { routes } = routesFor({ HTTP_PROXY: `http://ci:wrong@127.0.0.1:${server.port}` })
    const failure = await failureOf(
      client(routes, 'http://ecr.test:5057').send(new DescribeRepositoriesCommand({}))
    )
    expect(failure.message).toBe(
      `proxy 127.0.0.1:${server.port} (from HTTP_PROXY): refused the credentials in the proxy URL (HTTP 401)`
    )
  })

  test('an unreachable proxy is retried by the SDK (the one layer for AWS calls), then named', async () => {
    const port = await closedPort()
    const { routes } = routesFor({ HTTPS_PROXY: `http://127.0.0.1:${port}` })
    const ecr = client(routes, 'https://api.ecr.us-east-1.amazonaws.com')
    const failure = await failureOf(ecr.send(new DescribeRepositoriesCommand({})))
    expect(failure.message).toContain(`proxy 127.0.0.1:${port} (from HTTPS_PROXY): could not connect`)
    expect((failure as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(5)
  }, 30_000)
})

describe('tunnelTlsOptions', () => {
  // A certificate as node's checkServerIdentity reads it.
  const cert = (subjectaltname: string) =>
    ({ subject: { CN: 'x' }, subjectaltname }) as unknown as PeerCertificate
  test('an IP target is checked against its address, not against localhost', () => {
    const options = tunnelTlsOptions({ host: '10.1.2.3', port: 443, secureEndpoint: true })
    expect(options.checkServerIdentity?.('', cert('IP Address:10.1.2.3'))).toBeUndefined()
    // (An Error of node's realm, not jest's: matched by message.)
    expect(String(options.checkServerIdentity?.('', cert('DNS:localhost')))).toMatch(
      /IP: 10\.1\.2\.3 is not in the cert/
    )
  })
  test('a named target is left to node (SNI and the name check)', () => {
    const options = { host: 'registry.test', port: 443, secureEndpoint: true }
    expect(tunnelTlsOptions(options)).toBe(options)
  })
})
