/**
 * The ECR API for tests that need pull-through-cache rules: moto lacks those operations, so this small
 * server answers them from memory (as ECR documents them) and forwards every other call to moto. The
 * action reaches it only through AWS_ENDPOINT_URL_ECR, like any endpoint.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Rule {
  ecrRepositoryPrefix: string
  upstreamRegistryUrl: string
  upstreamRegistry?: string
  credentialArn?: string
  customRoleArn?: string
  upstreamRepositoryPrefix?: string
  registryId: string
}

export class EcrApiWithCacheRules {
  readonly rules = new Map<string, Rule>()
  /** Every pull-through-cache operation received, in order. */
  readonly calls: string[] = []
  private server?: Server
  endpoint = ''

  constructor(private readonly moto: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', chunk => chunks.push(chunk as Buffer))
      req.on('end', async () => {
        const body = Buffer.concat(chunks)
        const operation =
          String(req.headers['x-amz-target'] ?? '')
            .split('.')
            .pop() ?? ''
        if (operation.includes('PullThroughCacheRule')) {
          this.calls.push(operation)
          const [status, answer] = this.answer(
            operation,
            JSON.parse(body.toString() || '{}') as Record<string, string>
          )
          res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer))
          return
        }
        const forwarded = await fetch(`${this.moto}${req.url ?? '/'}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(
              ([name]) => !['host', 'content-length', 'connection'].includes(name)
            )
          ) as Record<string, string>,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body
        })
        res.writeHead(forwarded.status, {
          'Content-Type': forwarded.headers.get('content-type') ?? 'application/json'
        })
        res.end(Buffer.from(await forwarded.arrayBuffer()))
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.endpoint = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  private answer(operation: string, input: Record<string, string>): [number, object] {
    const prefix = input.ecrRepositoryPrefix ?? ''
    const missing: [number, object] = [
      400,
      { __type: 'PullThroughCacheRuleNotFoundException', message: `no rule for ${prefix}` }
    ]
    switch (operation) {
      case 'DescribePullThroughCacheRules':
        return [200, { pullThroughCacheRules: [...this.rules.values()] }]
      case 'CreatePullThroughCacheRule':
        if (this.rules.has(prefix))
          return [400, { __type: 'PullThroughCacheRuleAlreadyExistsException', message: prefix }]
        this.rules.set(prefix, {
          ...(input as unknown as Rule),
          // Secrets Manager ARNs end in a random suffix; ECR reports the full ARN.
          credentialArn: input.credentialArn ? `${input.credentialArn}-AbC123` : undefined,
          registryId: '123456789012'
        })
        return [200, this.rules.get(prefix) as object]
      case 'UpdatePullThroughCacheRule': {
        const rule = this.rules.get(prefix)
        if (!rule) return missing
        Object.assign(rule, { credentialArn: input.credentialArn, customRoleArn: input.customRoleArn })
        return [200, rule]
      }
      case 'DeletePullThroughCacheRule': {
        const rule = this.rules.get(prefix)
        if (!rule) return missing
        this.rules.delete(prefix)
        return [200, rule]
      }
      case 'ValidatePullThroughCacheRule': {
        const rule = this.rules.get(prefix)
        if (!rule) return missing
        const valid = rule.upstreamRegistryUrl !== 'registry.gitlab.com'
        return [200, { ...rule, isValid: valid, failure: valid ? undefined : 'Unable to access the secret' }]
      }
      default:
        return [400, { __type: 'UnsupportedCommandException', message: operation }]
    }
  }
}
