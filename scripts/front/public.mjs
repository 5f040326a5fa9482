// The ECR Public stand-in (moto has no ECR Public): its API (JSON 1.1, target prefix SpencerFrontendService,
// us-east-1 only), answered from memory, and the state behind the public registry site (public.ecr.aws):
// repositories under /<alias>/<name>, pushes recorded when their manifest PUT answers, anonymous pulls,
// pushes only with the token GetAuthorizationToken gave. Not imitated: the gallery itself, anonymous pull
// rate limits, registry catalog data beyond the alias, repository policies, logos.
import { createHash } from 'node:crypto'
import { awsError } from './moto.mjs'

export const PUBLIC_HOST = 'public.ecr.aws'
export const ALIAS = 'ecr-deliver-test'
const REGISTRY_ID = '123456789012'
const PASSWORD = `${REGISTRY_ID}-public-token`
export const PUBLIC_TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/
const TEXT_LIMITS = { description: 1024, aboutText: 25600, usageText: 25600 }

/** name -> {repository, catalogData, images: Map<digest, image>} */
const repositories = new Map()
const now = () => Date.now() / 1000

const repositoryOf = name => ({
  repositoryArn: `arn:aws:ecr-public::${REGISTRY_ID}:repository/${name}`,
  registryId: REGISTRY_ID,
  repositoryName: name,
  repositoryUri: `${PUBLIC_HOST}/${ALIAS}/${name}`,
  createdAt: now()
})
const notFound = name =>
  awsError(
    400,
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${REGISTRY_ID}'`
  )
const invalid = message => awsError(400, 'InvalidParameterException', message)

/** The catalog data as ECR Public checks it; an error answer, or the data to store. */
function checkCatalog(input) {
  if (input === undefined) return { data: {} }
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    if (input[field] !== undefined && String(input[field]).length > max)
      return {
        error: invalid(
          `Invalid parameter at 'catalogData.${field}' failed to satisfy constraint: 'Member must have length less than or equal to ${max}'`
        )
      }
  }
  for (const field of ['architectures', 'operatingSystems']) {
    const list = input[field]
    if (list === undefined) continue
    if (
      !Array.isArray(list) ||
      list.length > 50 ||
      list.some(item => typeof item !== 'string' || item.length < 1 || item.length > 50)
    )
      return {
        error: invalid(`Invalid parameter at 'catalogData.${field}': at most 50 items of 1 to 50 characters`)
      }
  }
  const { logoImageBlob: _logo, ...data } = input
  return { data }
}

function page(items, input, max = 1000) {
  const start = Number(input.nextToken ?? 0)
  const size = Math.min(Number(input.maxResults ?? 100), max)
  const nextToken = start + size < items.length ? String(start + size) : undefined
  return { items: items.slice(start, start + size), nextToken }
}

function detail(name, image) {
  return {
    registryId: REGISTRY_ID,
    repositoryName: name,
    imageDigest: image.digest,
    imageTags: [...image.tags],
    imageSizeInBytes: image.size,
    imagePushedAt: image.pushedAt,
    imageManifestMediaType: image.mediaType,
    ...(image.artifactMediaType ? { artifactMediaType: image.artifactMediaType } : {})
  }
}

/** The API: an answer for each operation, or undefined for one it does not know. */
export async function publicApi(operation, input, registry) {
  const name = input.repositoryName
  const repo = name !== undefined ? repositories.get(name) : undefined
  switch (operation) {
    case 'GetAuthorizationToken':
      return {
        status: 200,
        body: { authorizationData: { authorizationToken: PUBLIC_TOKEN, expiresAt: now() + 12 * 3600 } }
      }
    case 'DescribeRegistries':
      return {
        status: 200,
        body: {
          registries: [
            {
              registryId: REGISTRY_ID,
              registryArn: `arn:aws:ecr-public::${REGISTRY_ID}:registry/${REGISTRY_ID}`,
              registryUri: `${PUBLIC_HOST}/${ALIAS}`,
              verified: false,
              aliases: [
                { name: ALIAS, status: 'ACTIVE', primaryRegistryAlias: true, defaultRegistryAlias: true }
              ]
            }
          ]
        }
      }
    case 'CreateRepository': {
      if (!NAME.test(name ?? '') || name.length < 2 || name.length > 205)
        return invalid(`Invalid parameter at 'repositoryName' failed to satisfy constraint: '${name}'`)
      if (repo)
        return awsError(
          400,
          'RepositoryAlreadyExistsException',
          `The repository with name '${name}' already exists in the registry with id '${REGISTRY_ID}'`
        )
      const { data, error } = checkCatalog(input.catalogData)
      if (error) return error
      const created = { repository: repositoryOf(name), catalogData: data, images: new Map() }
      repositories.set(name, created)
      return { status: 200, body: { repository: created.repository, catalogData: data } }
    }
    case 'DescribeRepositories': {
      const names = input.repositoryNames ?? []
      if (names.length > 100) return invalid('repositoryNames: at most 100')
      const missing = names.find(n => !repositories.has(n))
      if (missing) return notFound(missing)
      const list =
        names.length > 0
          ? names.map(n => repositories.get(n).repository)
          : [...repositories.values()].map(r => r.repository)
      const { items, nextToken } = page(list, input)
      return { status: 200, body: { repositories: items, nextToken } }
    }
    case 'PutRepositoryCatalogData': {
      if (!repo) return notFound(name)
      const { data, error } = checkCatalog(input.catalogData)
      if (error) return error
      repo.catalogData = data
      return { status: 200, body: { catalogData: data } }
    }
    case 'GetRepositoryCatalogData':
      return repo ? { status: 200, body: { catalogData: repo.catalogData } } : notFound(name)
    case 'DescribeImages': {
      if (!repo) return notFound(name)
      const ids = input.imageIds
      if (ids && ids.length > 100) return invalid('imageIds: at most 100')
      const all = [...repo.images.values()]
      if (ids) {
        const found = []
        for (const id of ids) {
          const image = all.find(i =>
            id.imageDigest ? i.digest === id.imageDigest : i.tags.has(id.imageTag)
          )
          if (!image)
            return awsError(
              400,
              'ImageNotFoundException',
              `The image with imageId ${JSON.stringify(id)} does not exist within the repository with name '${name}'`
            )
          found.push(detail(name, image))
        }
        return { status: 200, body: { imageDetails: found } }
      }
      const { items, nextToken } = page(
        all.map(i => detail(name, i)),
        input
      )
      return { status: 200, body: { imageDetails: items, nextToken } }
    }
    case 'DescribeImageTags': {
      if (!repo) return notFound(name)
      const tags = [...repo.images.values()].flatMap(image =>
        [...image.tags].map(tag => ({
          imageTag: tag,
          createdAt: image.pushedAt,
          imageDetail: detail(name, image)
        }))
      )
      const { items, nextToken } = page(tags, input)
      return { status: 200, body: { imageTagDetails: items, nextToken } }
    }
    case 'BatchDeleteImage':
      return repo ? batchDelete(name, repo, input.imageIds ?? [], registry) : notFound(name)
    case 'DeleteRepository': {
      if (!repo) return notFound(name)
      if (repo.images.size > 0 && !input.force)
        return awsError(
          400,
          'RepositoryNotEmptyException',
          `The repository with name '${name}' in registry with id '${REGISTRY_ID}' cannot be deleted because it still contains images`
        )
      for (const digest of repo.images.keys()) await registry.deleteManifest(`${ALIAS}/${name}`, digest)
      repositories.delete(name)
      return { status: 200, body: { repository: repo.repository } }
    }
    default:
      return undefined
  }
}

/** Deletes by digest (the image and all its tags) or by tag (the tag; the image with its last one). */
async function batchDelete(name, repo, ids, registry) {
  if (ids.length < 1 || ids.length > 100) return invalid('imageIds: 1 to 100')
  const deleted = []
  const failures = []
  for (const id of ids) {
    const image = [...repo.images.values()].find(i =>
      id.imageDigest ? i.digest === id.imageDigest : i.tags.has(id.imageTag)
    )
    if (!image) {
      failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' })
      continue
    }
    if (id.imageTag && !id.imageDigest) {
      image.tags.delete(id.imageTag)
      await registry.removeTag(`${ALIAS}/${name}`, id.imageTag)
      deleted.push({ imageDigest: image.digest, imageTag: id.imageTag })
      if (image.tags.size > 0) continue
    }
    repo.images.delete(image.digest)
    await registry.deleteManifest(`${ALIAS}/${name}`, image.digest)
    deleted.push({ imageDigest: image.digest })
  }
  return { status: 200, body: { imageIds: deleted, failures } }
}

/** The repository name behind a registry path (`<alias>/<name>`), when it is one of the stand-in's. */
export function publicRepository(path) {
  if (!path?.startsWith(`${ALIAS}/`)) return undefined
  const name = path.slice(ALIAS.length + 1)
  return repositories.has(name) ? name : undefined
}

/** Whether a request carries the registry's credentials (Basic with the token's user and password). */
export function authorized(header) {
  return header === `Basic ${PUBLIC_TOKEN}`
}

/** A manifest PUT the registry answered: the image (and its tag) recorded as ECR Public records a push. */
export function recordPublicPush(path, digest, tag, mediaType, bytes) {
  const name = publicRepository(path)
  if (!name) return
  const repo = repositories.get(name)
  const manifest = parsed(bytes)
  const size = [manifest.config, ...(manifest.layers ?? [])].reduce((sum, blob) => sum + (blob?.size ?? 0), 0)
  const image = repo.images.get(digest) ?? {
    digest,
    tags: new Set(),
    size,
    mediaType,
    artifactMediaType: manifest.config?.mediaType,
    pushedAt: now()
  }
  if (tag) {
    for (const other of repo.images.values()) other.tags.delete(tag)
    image.tags.add(tag)
  }
  repo.images.set(digest, image)
}

function parsed(bytes) {
  try {
    return JSON.parse(bytes.toString())
  } catch {
    return {}
  }
}

export const sha256 = bytes => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
