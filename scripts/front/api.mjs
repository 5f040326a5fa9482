// The ECR API side of the front: every call goes to moto, but for what moto lacks (scripts/front/
// image-state.mjs), faults the tests inject per operation, and BatchDeleteImage reaching the registry.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { hold, takeFault } from './faults.mjs'
import { ecrApi, motoUrl } from './moto.mjs'
import { upstreamRequest } from './registry.mjs'
import { pullThroughCacheRules } from './cache-rules.mjs'
import { creationTemplates } from './templates.mjs'
import { registrySettings } from './registry-settings.mjs'
import { recordCall } from './api-log.mjs'
import { checkPutImage } from './put-image.mjs'
import { forgetManifest, overlayReferrers } from './referrers.mjs'
import { describeImageSigningStatus, forgetSigning } from './signing.mjs'
import { publicApi } from './public.mjs'
import { publicRegistryChanges } from './public-registry.mjs'
import {
  checkFilter,
  forgetImages,
  overlayAnswer,
  pullTimeExclusions,
  updateImageStorageClass
} from './image-state.mjs'

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function repositoryStorage(site, repository) {
  return site.storage ? join(site.storage, 'docker', 'registry', 'v2', 'repositories', repository) : undefined
}

/** The region of a SigV4-signed request (its credential scope), or undefined. */
function regionOf(req) {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))
  return match?.[1]
}

/** Makes the registry agree with moto after a BatchDeleteImage: gone images deleted, removed tags removed. */
async function mirrorDeletion(site, request, response) {
  const repository = request.repositoryName
  const storage = repositoryStorage(site, repository)
  if (!storage || !existsSync(join(storage, '_manifests'))) return // an image only moto has
  const removed = new Map() // digest -> tags removed
  for (const id of response.imageIds ?? []) {
    if (!id.imageDigest) continue
    const tags = removed.get(id.imageDigest) ?? new Set()
    if (id.imageTag) tags.add(id.imageTag)
    removed.set(id.imageDigest, tags)
  }
  for (const [digest, tags] of removed) {
    const still = await ecrApi(site.region, 'DescribeImages', {
      repositoryName: repository,
      imageIds: [{ imageDigest: digest }]
    })
    if (still.status !== 200) {
      forgetImages(site.region, repository, [digest])
      forgetManifest(site.region, repository, digest)
      forgetSigning(site.region, repository, digest)
      const gone = await upstreamRequest(site, 'DELETE', `/v2/${repository}/manifests/${digest}`)
      if (gone.status !== 202 && gone.status !== 404)
        site.log(`registry DELETE ${repository}@${digest} (${site.region}): ${gone.status}`)
      else site.log(`deleted ${repository}@${digest} from the ${site.region} registry (BatchDeleteImage)`)
      continue
    }
    for (const tag of tags) {
      rmSync(join(storage, '_manifests', 'tags', tag), { recursive: true, force: true })
      site.log(`removed tag ${repository}:${tag} from the ${site.region} registry (BatchDeleteImage)`)
    }
  }
}

function reply(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

/** Operations answered here, in full, because moto has none of them. */
const OWN = {
  DescribePullThroughCacheRules: (region, request) =>
    pullThroughCacheRules('DescribePullThroughCacheRules', region, request),
  CreatePullThroughCacheRule: (region, request) =>
    pullThroughCacheRules('CreatePullThroughCacheRule', region, request),
  UpdatePullThroughCacheRule: (region, request) =>
    pullThroughCacheRules('UpdatePullThroughCacheRule', region, request),
  DeletePullThroughCacheRule: (region, request) =>
    pullThroughCacheRules('DeletePullThroughCacheRule', region, request),
  ValidatePullThroughCacheRule: (region, request) =>
    pullThroughCacheRules('ValidatePullThroughCacheRule', region, request),
  DescribeRepositoryCreationTemplates: (region, request) =>
    creationTemplates('DescribeRepositoryCreationTemplates', region, request),
  CreateRepositoryCreationTemplate: (region, request) =>
    creationTemplates('CreateRepositoryCreationTemplate', region, request),
  UpdateRepositoryCreationTemplate: (region, request) =>
    creationTemplates('UpdateRepositoryCreationTemplate', region, request),
  DeleteRepositoryCreationTemplate: (region, request) =>
    creationTemplates('DeleteRepositoryCreationTemplate', region, request),
  UpdateImageStorageClass: (region, request) => updateImageStorageClass(region, request),
  DescribeImageSigningStatus: (region, request) => describeImageSigningStatus(region, request),
  RegisterPullTimeUpdateExclusion: (_region, request) =>
    pullTimeExclusions('RegisterPullTimeUpdateExclusion', request),
  DeregisterPullTimeUpdateExclusion: (_region, request) =>
    pullTimeExclusions('DeregisterPullTimeUpdateExclusion', request),
  ListPullTimeUpdateExclusions: (_region, request) =>
    pullTimeExclusions('ListPullTimeUpdateExclusions', request),
  ...Object.fromEntries(
    ['GetAccountSetting', 'PutAccountSetting', 'GetSigningConfiguration', 'PutSigningConfiguration'].map(
      operation => [operation, (region, request) => registrySettings(operation, region, request)]
    )
  )
}
/** moto's answers with ECR's image state laid over them. */
const OVERLAID = new Set(['DescribeImages', 'ListImages'])

/** Forwards a call to moto; its status, headers (as sent on) and body bytes. */
async function toMoto(req, body) {
  const headers = { ...req.headers }
  delete headers.host
  delete headers.connection
  const forwarded = await fetch(`${motoUrl()}${req.url}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body
  })
  const out = {}
  forwarded.headers.forEach((value, name) => {
    if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
      out[name] = value
  })
  return { status: forwarded.status, headers: out, body: Buffer.from(await forwarded.arrayBuffer()) }
}

function parseJson(body) {
  try {
    return JSON.parse(body.toString() || '{}')
  } catch {
    return {}
  }
}

export async function handleApi(context, req, res) {
  const body = await readBody(req)
  const target = String(req.headers['x-amz-target'] ?? '')
  const operation = target.split('.').pop()
  const isEcr = target.startsWith('AmazonEC2ContainerRegistry_V20150921.')
  const request = parseJson(body)
  // Unsigned calls (none in practice) count as the main region's.
  const region = regionOf(req) ?? context.mainSite.region
  if (operation)
    recordCall({
      region,
      operation,
      repository: request.repositoryName,
      prefix: request.ecrRepositoryPrefix ?? request.prefix
    })
  // Calls of other services name no repository: a fault for them is registered for repository '*'.
  const fault = operation
    ? takeFault(region, request.repositoryName ?? '*', undefined, `api:${operation}`)
    : undefined
  if (fault?.action.type === 'delay')
    await new Promise(resolve => setTimeout(resolve, fault.action.ms ?? 1000))
  if (fault?.action.type === 'hold')
    await hold(fault, region, request.repositoryName ?? '*', `api:${operation}`)
  if (fault?.action.type === 'status') {
    return reply(res, fault.action.status, {
      __type: fault.action.code ?? 'ThrottlingException',
      message: fault.action.message ?? 'Rate exceeded'
    })
  }
  if (target.startsWith('SpencerFrontendService.')) {
    // ECR Public's API answers in us-east-1 only, as ECR Public's does.
    if (region !== 'us-east-1')
      return reply(res, 400, {
        __type: 'UnrecognizedClientException',
        message: `ECR Public has no endpoint in ${region}`
      })
    const publicSite = context.sites.find(site => site.kind === 'public')
    const answer = (await publicApi(operation, request, publicRegistryChanges(publicSite))) ?? {
      status: 400,
      body: { __type: 'UnknownOperationException', message: operation }
    }
    return reply(res, answer.status, answer.body)
  }
  if (isEcr && OWN[operation]) {
    const answer = await OWN[operation](region, request)
    return reply(res, answer.status, answer.body)
  }
  if (isEcr && operation === 'PutImage') {
    const refused = await checkPutImage(context.siteByRegion.get(region), region, request)
    if (refused) return reply(res, refused.status, refused.body)
  }
  if (isEcr && OVERLAID.has(operation)) {
    const refused = checkFilter(request)
    if (refused) return reply(res, refused.status, refused.body)
  }
  const answer = await toMoto(req, body)
  let answerBody = answer.body
  if (isEcr && OVERLAID.has(operation) && answer.status === 200) {
    const overlaid = overlayReferrers(
      operation,
      region,
      request.repositoryName,
      overlayAnswer(operation, region, request, JSON.parse(answerBody.toString() || '{}'))
    )
    answerBody = Buffer.from(JSON.stringify(overlaid))
  }
  // A region without a registry of its own holds its images in moto only.
  const site = context.siteByRegion.get(region)
  if (site && isEcr && operation === 'BatchDeleteImage' && answer.status === 200) {
    try {
      await mirrorDeletion(site, request, JSON.parse(answerBody.toString() || '{}'))
    } catch (error) {
      site.log(`mirroring a BatchDeleteImage into the registry failed: ${error.message}`)
    }
  }
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': answerBody.length })
  res.end(answerBody)
}
