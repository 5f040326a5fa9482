/**
 * The ECR API for tests that need pull-through-cache rules and repository creation templates: moto lacks
 * those operations, so this small server answers them from memory (as ECR documents them) and forwards
 * every other call to moto. The action reaches it only through AWS_ENDPOINT_URL_ECR, like any endpoint.
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

/** A repository creation template as ECR stores and describes it (timestamps in epoch seconds). */
export interface Template {
  prefix: string
  description?: string
  encryptionConfiguration?: { encryptionType: string; kmsKey?: string }
  resourceTags?: { Key: string; Value: string }[]
  imageTagMutability?: string
  imageTagMutabilityExclusionFilters?: { filterType: string; filter: string }[]
  repositoryPolicy?: string
  lifecyclePolicy?: string
  appliedFor: string[]
  customRoleArn?: string
  createdAt: number
  updatedAt: number
}

const REGISTRY_ID = '123456789012'
const TEMPLATE_FIELDS = [
  'description',
  'encryptionConfiguration',
  'resourceTags',
  'imageTagMutability',
  'imageTagMutabilityExclusionFilters',
  'repositoryPolicy',
  'lifecyclePolicy',
  'appliedFor',
  'customRoleArn'
] as const

export class EcrApiWithCacheRules {
  readonly rules = new Map<string, Rule>()
  readonly templates = new Map<string, Template>()
  /** Every pull-through-cache and creation-template operation received, in order. */
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
        const templates = operation.includes('RepositoryCreationTemplate')
        if (operation.includes('PullThroughCacheRule') || templates) {
          this.calls.push(operation)
          const input = JSON.parse(body.toString() || '{}') as Record<string, unknown>
          const [status, answer] = templates
            ? this.answerTemplates(operation, input)
            : this.answer(operation, input as Record<string, string>)
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
          // (A full ARN, as the action passes for a secret it made, already ends in its suffix.)
          credentialArn:
            input.credentialArn && !/-[A-Za-z0-9]{6}$/.test(input.credentialArn)
              ? `${input.credentialArn}-AbC123`
              : input.credentialArn,
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

  /**
   * The four template operations as ECR documents them: Describe pages (maxResults, nextToken) and
   * filters by prefixes (an unknown one is TemplateNotFoundException); Create refuses an existing prefix
   * (TemplateAlreadyExistsException) and fills ECR's defaults (MUTABLE, AES256); Update changes only the
   * fields it is given (an empty string clears one); Delete answers with the template it removed.
   */
  private answerTemplates(operation: string, input: Record<string, unknown>): [number, object] {
    const prefix = String(input.prefix ?? '')
    const missing: [number, object] = [
      400,
      { __type: 'TemplateNotFoundException', message: `no repository creation template for ${prefix}` }
    ]
    const now = Math.floor(Date.now() / 1000)
    const fields = (template: Template) => {
      for (const field of TEMPLATE_FIELDS) {
        if (!(field in input)) continue
        const value = input[field]
        if (value === '' || value === null) delete template[field]
        else Object.assign(template, { [field]: value })
      }
      return template
    }
    switch (operation) {
      case 'DescribeRepositoryCreationTemplates': {
        const prefixes = (input.prefixes as string[] | undefined) ?? []
        const unknown = prefixes.find(p => !this.templates.has(p))
        if (unknown)
          return [400, { __type: 'TemplateNotFoundException', message: `no template for ${unknown}` }]
        const all = [...this.templates.values()].filter(
          t => prefixes.length === 0 || prefixes.includes(t.prefix)
        )
        const start = Number(input.nextToken ?? 0)
        const size = Number(input.maxResults ?? 50)
        const page = all.slice(start, start + size)
        const nextToken = start + size < all.length ? String(start + size) : undefined
        return [200, { registryId: REGISTRY_ID, repositoryCreationTemplates: page, nextToken }]
      }
      case 'CreateRepositoryCreationTemplate': {
        if (this.templates.has(prefix))
          return [400, { __type: 'TemplateAlreadyExistsException', message: `template ${prefix} exists` }]
        const template = fields({
          prefix,
          appliedFor: [],
          imageTagMutability: 'MUTABLE',
          encryptionConfiguration: { encryptionType: 'AES256' },
          createdAt: now,
          updatedAt: now
        })
        this.templates.set(prefix, template)
        return [200, { registryId: REGISTRY_ID, repositoryCreationTemplate: template }]
      }
      case 'UpdateRepositoryCreationTemplate': {
        const template = this.templates.get(prefix)
        if (!template) return missing
        fields(template).updatedAt = now
        return [200, { registryId: REGISTRY_ID, repositoryCreationTemplate: template }]
      }
      case 'DeleteRepositoryCreationTemplate': {
        const template = this.templates.get(prefix)
        if (!template) return missing
        this.templates.delete(prefix)
        return [200, { registryId: REGISTRY_ID, repositoryCreationTemplate: template }]
      }
      default:
        return [400, { __type: 'UnsupportedCommandException', message: operation }]
    }
  }
}
