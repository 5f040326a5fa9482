// Repository creation templates, answered as ECR documents them (moto has none), per region: Describe
// pages (maxResults, nextToken) and filters by prefixes (an unknown one is TemplateNotFoundException);
// Create refuses an existing prefix (TemplateAlreadyExistsException) and fills ECR's defaults (MUTABLE,
// AES256); Update changes only the fields it is given (an empty string clears one); Delete answers with
// the template it removed. A CREATE_ON_PUSH template lets a push create its repository: the registry
// front calls createOnPush, which creates it in moto with the template's settings.
import { awsError, ecrApi } from './moto.mjs'

const REGISTRY_ID = '123456789012'
const FIELDS = [
  'description',
  'encryptionConfiguration',
  'resourceTags',
  'imageTagMutability',
  'imageTagMutabilityExclusionFilters',
  'repositoryPolicy',
  'lifecyclePolicy',
  'appliedFor',
  'customRoleArn'
]
const templates = new Map() // region -> prefix -> template

const templatesOf = region => {
  if (!templates.has(region)) templates.set(region, new Map())
  return templates.get(region)
}

export function creationTemplates(operation, region, input) {
  const all = templatesOf(region)
  const prefix = String(input.prefix ?? '')
  const missing = awsError(400, 'TemplateNotFoundException', `no repository creation template for ${prefix}`)
  const now = Math.floor(Date.now() / 1000)
  const fields = template => {
    for (const field of FIELDS) {
      if (!(field in input)) continue
      const value = input[field]
      if (value === '' || value === null) delete template[field]
      else template[field] = value
    }
    return template
  }
  switch (operation) {
    case 'DescribeRepositoryCreationTemplates': {
      const prefixes = input.prefixes ?? []
      const unknown = prefixes.find(p => !all.has(p))
      if (unknown) return awsError(400, 'TemplateNotFoundException', `no template for ${unknown}`)
      const list = [...all.values()].filter(t => prefixes.length === 0 || prefixes.includes(t.prefix))
      const start = Number(input.nextToken ?? 0)
      const size = Number(input.maxResults ?? 50)
      const nextToken = start + size < list.length ? String(start + size) : undefined
      return {
        status: 200,
        body: {
          registryId: REGISTRY_ID,
          repositoryCreationTemplates: list.slice(start, start + size),
          nextToken
        }
      }
    }
    case 'CreateRepositoryCreationTemplate': {
      if (all.has(prefix)) return awsError(400, 'TemplateAlreadyExistsException', `template ${prefix} exists`)
      const template = fields({
        prefix,
        appliedFor: [],
        imageTagMutability: 'MUTABLE',
        encryptionConfiguration: { encryptionType: 'AES256' },
        createdAt: now,
        updatedAt: now
      })
      all.set(prefix, template)
      return { status: 200, body: { registryId: REGISTRY_ID, repositoryCreationTemplate: template } }
    }
    case 'UpdateRepositoryCreationTemplate': {
      const template = all.get(prefix)
      if (!template) return missing
      fields(template).updatedAt = now
      return { status: 200, body: { registryId: REGISTRY_ID, repositoryCreationTemplate: template } }
    }
    case 'DeleteRepositoryCreationTemplate': {
      const template = all.get(prefix)
      if (!template) return missing
      all.delete(prefix)
      return { status: 200, body: { registryId: REGISTRY_ID, repositoryCreationTemplate: template } }
    }
    default:
      return undefined
  }
}

/** The template ECR applies to a new repository: the longest prefix that covers it, else ROOT. */
export function templateFor(region, repository, appliedFor) {
  const candidates = [...templatesOf(region).values()].filter(
    t =>
      (t.appliedFor ?? []).includes(appliedFor) &&
      (t.prefix === 'ROOT' || repository.startsWith(`${t.prefix}/`))
  )
  return candidates.sort(
    (a, b) => (b.prefix === 'ROOT' ? -1 : b.prefix.length) - (a.prefix === 'ROOT' ? -1 : a.prefix.length)
  )[0]
}

/**
 * A push to a repository that does not exist: created from the CREATE_ON_PUSH template that covers it, as
 * ECR does; false when none does (the push is then refused with NAME_UNKNOWN).
 */
export async function createOnPush(region, repository) {
  const template = templateFor(region, repository, 'CREATE_ON_PUSH')
  return template ? createFrom(region, repository, template) : false
}

/** A first pull through the cache: the repository created, from a PULL_THROUGH_CACHE template if one covers it. */
export async function createForCache(region, repository) {
  const template = templateFor(region, repository, 'PULL_THROUGH_CACHE') ?? {}
  return createFrom(region, repository, template)
}

async function createFrom(region, repository, template) {
  const created = await ecrApi(region, 'CreateRepository', {
    repositoryName: repository,
    ...(template.imageTagMutability ? { imageTagMutability: template.imageTagMutability } : {}),
    ...(template.imageTagMutabilityExclusionFilters
      ? { imageTagMutabilityExclusionFilters: template.imageTagMutabilityExclusionFilters }
      : {}),
    ...(template.encryptionConfiguration
      ? { encryptionConfiguration: template.encryptionConfiguration }
      : {}),
    ...(template.resourceTags ? { tags: template.resourceTags } : {})
  })
  if (created.status !== 200 && created.body.__type?.split('#').pop() !== 'RepositoryAlreadyExistsException')
    return false
  if (template.repositoryPolicy)
    await ecrApi(region, 'SetRepositoryPolicy', {
      repositoryName: repository,
      policyText: template.repositoryPolicy
    })
  if (template.lifecyclePolicy)
    await ecrApi(region, 'PutLifecyclePolicy', {
      repositoryName: repository,
      lifecyclePolicyText: template.lifecyclePolicy
    })
  return true
}
