import {
  CreateRepositoryCreationTemplateCommand,
  DeleteRepositoryCreationTemplateCommand,
  paginateDescribeRepositoryCreationTemplates,
  UpdateRepositoryCreationTemplateCommand,
  type ECRClient,
  type RepositoryCreationTemplate
} from '@aws-sdk/client-ecr'
import { callAws } from './errors.js'
import { exclusionFilters, type TagMutability } from './mutability.js'
import { type EncryptionType } from './settings-diff.js'

/** The ways ECR creates a repository on the user's behalf, each of which a template can apply to. */
export const APPLIED_FOR = ['PULL_THROUGH_CACHE', 'REPLICATION', 'CREATE_ON_PUSH'] as const
export type AppliedFor = (typeof APPLIED_FOR)[number]

/**
 * A repository creation template as declared, checked. Undefined means "none": ECR's default when the
 * template is created (MUTABLE, AES256, no policy, no tags), and what an existing template is compared with.
 */
export interface CreationTemplate {
  /** A repository name prefix (ECR adds the `/`), or ROOT: every repository no other template covers. */
  prefix: string
  appliedFor: AppliedFor[]
  description?: string
  tagMutability?: TagMutability
  tagMutabilityExclusions?: string[]
  encryptionType?: EncryptionType
  kmsKey?: string
  /** The lifecycle policy's JSON text, linted. */
  lifecyclePolicy?: string
  /** The repository policy's JSON text (compact). */
  repositoryPolicy?: string
  tags?: Record<string, string>
  /** The role ECR assumes to create the repository (needed for KMS keys and resource tags). */
  roleArn?: string
}

/** The registry's templates, every page, and the registry they belong to (always the caller's own). */
export async function listCreationTemplates(
  client: ECRClient
): Promise<{ registryId?: string; templates: RepositoryCreationTemplate[] }> {
  return callAws('DescribeRepositoryCreationTemplates', async () => {
    let registryId: string | undefined
    const templates: RepositoryCreationTemplate[] = []
    const pages = paginateDescribeRepositoryCreationTemplates({ client, pageSize: 1000 }, {})
    for await (const page of pages) {
      registryId ??= page.registryId
      templates.push(...(page.repositoryCreationTemplates ?? []))
    }
    return { registryId, templates }
  })
}

/**
 * The request fields of a template. Every field is sent, "none" as an empty value: an update leaves
 * an omitted field as it was, and the declaration is the whole template.
 */
export function templateRequest(template: CreationTemplate) {
  return {
    prefix: template.prefix,
    appliedFor: template.appliedFor,
    description: template.description ?? '',
    imageTagMutability: template.tagMutability ?? 'MUTABLE',
    imageTagMutabilityExclusionFilters: exclusionFilters(template.tagMutabilityExclusions) ?? [],
    encryptionConfiguration: {
      encryptionType: template.encryptionType ?? 'AES256',
      kmsKey: template.kmsKey
    },
    lifecyclePolicy: template.lifecyclePolicy ?? '',
    repositoryPolicy: template.repositoryPolicy ?? '',
    resourceTags: Object.entries(template.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    customRoleArn: template.roleArn ?? ''
  }
}

export async function createCreationTemplate(client: ECRClient, template: CreationTemplate): Promise<void> {
  const request = templateRequest(template)
  // A new template has nothing to clear: the empty values stay out of the request.
  await callAws(`CreateRepositoryCreationTemplate ${template.prefix}`, () =>
    client.send(
      new CreateRepositoryCreationTemplateCommand({
        ...request,
        description: request.description || undefined,
        lifecyclePolicy: request.lifecyclePolicy || undefined,
        repositoryPolicy: request.repositoryPolicy || undefined,
        customRoleArn: request.customRoleArn || undefined
      })
    )
  )
}

export async function updateCreationTemplate(client: ECRClient, template: CreationTemplate): Promise<void> {
  await callAws(`UpdateRepositoryCreationTemplate ${template.prefix}`, () =>
    client.send(new UpdateRepositoryCreationTemplateCommand(templateRequest(template)))
  )
}

export async function deleteCreationTemplate(client: ECRClient, prefix: string): Promise<void> {
  await callAws(`DeleteRepositoryCreationTemplate ${prefix}`, () =>
    client.send(new DeleteRepositoryCreationTemplateCommand({ prefix }))
  )
}

/** Pure: a template as ECR reports it, in the declared form ("none" as undefined) so the two compare. */
export function templateFromEcr(template: RepositoryCreationTemplate): CreationTemplate {
  const exclusions = (template.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '')
  const tags = (template.resourceTags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? ''] as const)
  return {
    prefix: template.prefix ?? '',
    appliedFor: (template.appliedFor ?? []) as AppliedFor[],
    description: template.description || undefined,
    tagMutability: (template.imageTagMutability as TagMutability | undefined) || undefined,
    tagMutabilityExclusions: exclusions.length > 0 ? exclusions : undefined,
    encryptionType:
      (template.encryptionConfiguration?.encryptionType as EncryptionType | undefined) || undefined,
    kmsKey: template.encryptionConfiguration?.kmsKey || undefined,
    lifecyclePolicy: template.lifecyclePolicy || undefined,
    repositoryPolicy: template.repositoryPolicy || undefined,
    tags: tags.length > 0 ? Object.fromEntries(tags) : undefined,
    roleArn: template.customRoleArn || undefined
  }
}

/**
 * Pure: the template ECR applies to a new repository of this name for a scenario: the longest prefix that
 * covers it (`<prefix>/…`), else ROOT, else none.
 */
export function coveringTemplate(
  templates: RepositoryCreationTemplate[],
  repository: string,
  scenario: AppliedFor
): RepositoryCreationTemplate | undefined {
  const covering = templates.filter(
    t =>
      (t.appliedFor ?? []).includes(scenario) &&
      (t.prefix === 'ROOT' || repository.startsWith(`${t.prefix ?? '\0'}/`))
  )
  const rank = (t: RepositoryCreationTemplate) => (t.prefix === 'ROOT' ? 0 : (t.prefix?.length ?? 0))
  return covering.sort((a, b) => rank(b) - rank(a))[0]
}
