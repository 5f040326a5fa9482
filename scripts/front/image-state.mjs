// What ECR's images carry that moto's lack, kept here and laid over moto's answers:
//   - the archive storage class: UpdateImageStorageClass, imageStatus (ACTIVE | ARCHIVED | ACTIVATING),
//     lastArchivedAt, lastActivatedAt; DescribeImages and ListImages show only ACTIVE images unless
//     filter.imageStatus says otherwise; an archived image's manifest answers 404 through the registry
//     front, and a push of it restores it at once (ECR restores on push). A restore through the API is
//     ACTIVATING for `restoreMs` (POST /_front/config), then ACTIVE (ECR: up to 20 minutes).
//   - lastRecordedPullTime: set by each manifest GET through the registry front (ECR refreshes it at least
//     once a day, so a real registry may lag by a day where this one does not)
//   - pull-time update exclusions: Register, Deregister and ListPullTimeUpdateExclusions (100 at most)
import { awsError, ecrApi } from './moto.mjs'

/** region/repository -> digest -> {status, lastArchivedAt?, lastActivatedAt?, lastPulledAt?} (epoch seconds) */
const images = new Map()
const exclusions = new Map() // principal ARN -> createdAt (epoch seconds)
const MAX_EXCLUSIONS = 100
export const settings = { restoreMs: 30_000 }

const now = () => Date.now() / 1000
const key = (region, repository) => `${region}/${repository}`

function stateOf(region, repository, digest) {
  return images.get(key(region, repository))?.get(digest) ?? { status: 'ACTIVE' }
}

function update(region, repository, digest, change) {
  const k = key(region, repository)
  if (!images.has(k)) images.set(k, new Map())
  const repo = images.get(k)
  repo.set(digest, { ...stateOf(region, repository, digest), ...change })
}

/** For tests: sets what the stand-in records of an image (times in epoch seconds). */
export function setImageState(region, repository, digest, { lastArchivedAt, lastPulledAt }) {
  const change = {}
  if (lastArchivedAt !== undefined) change.lastArchivedAt = lastArchivedAt
  if (lastPulledAt !== undefined) change.lastPulledAt = lastPulledAt
  update(region, repository, digest, change)
}

/** Whether a manifest can be pulled (ACTIVE); archived and restoring images answer 404. */
export function isPullable(region, repository, digest) {
  return stateOf(region, repository, digest).status === 'ACTIVE'
}

export function recordPull(region, repository, digest) {
  if (isPullable(region, repository, digest)) update(region, repository, digest, { lastPulledAt: now() })
}

/** A push of an archived image restores it, as ECR does. */
export function restoreOnPush(region, repository, digest) {
  if (stateOf(region, repository, digest).status !== 'ACTIVE')
    update(region, repository, digest, { status: 'ACTIVE', lastActivatedAt: now() })
}

export function forgetImages(region, repository, digests) {
  for (const digest of digests) images.get(key(region, repository))?.delete(digest)
}

/** Adds ECR's fields to an image detail and says whether the status filter lets it through. */
function overlay(region, repository, detail, wanted) {
  const state = stateOf(region, repository, detail.imageDigest)
  if (wanted !== 'ANY' && wanted !== state.status) return undefined
  const extra = { imageStatus: state.status }
  if (state.lastArchivedAt) extra.lastArchivedAt = state.lastArchivedAt
  if (state.lastActivatedAt) extra.lastActivatedAt = state.lastActivatedAt
  if (state.lastPulledAt) extra.lastRecordedPullTime = state.lastPulledAt
  return { ...detail, ...extra }
}

/**
 * Lays the image state over moto's DescribeImages or ListImages answer. Pages are filtered after moto
 * paged them, so a page may hold fewer than maxResults (the token stays valid).
 */
export function overlayAnswer(operation, region, request, answer) {
  const wanted = request.filter?.imageStatus ?? 'ACTIVE'
  const repository = request.repositoryName
  if (operation === 'DescribeImages') {
    const details = (answer.imageDetails ?? [])
      .map(d => overlay(region, repository, d, wanted))
      .filter(Boolean)
    return { ...answer, imageDetails: details }
  }
  const ids = (answer.imageIds ?? []).filter(id => overlay(region, repository, id, wanted))
  return { ...answer, imageIds: ids }
}

const STATUS_FILTERS = ['ACTIVE', 'ARCHIVED', 'ACTIVATING', 'ANY']

/** Refuses what ECR refuses in the filter before moto sees it (moto ignores imageStatus). */
export function checkFilter(request) {
  const wanted = request.filter?.imageStatus
  if (wanted !== undefined && !STATUS_FILTERS.includes(wanted))
    return awsError(
      400,
      'InvalidParameterException',
      `Invalid parameter at 'filter.imageStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [${STATUS_FILTERS.join(', ')}]'`
    )
  return undefined
}

export async function updateImageStorageClass(region, request) {
  const target = request.targetStorageClass
  if (target !== 'ARCHIVE' && target !== 'STANDARD')
    return awsError(
      400,
      'ValidationException',
      "1 validation error detected: Value at 'targetStorageClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, ARCHIVE]"
    )
  const found = await ecrApi(region, 'DescribeImages', {
    repositoryName: request.repositoryName,
    registryId: request.registryId,
    imageIds: [request.imageId ?? {}]
  })
  if (found.status !== 200) return found
  const detail = found.body.imageDetails?.[0] ?? {}
  const digest = detail.imageDigest
  const { status } = stateOf(region, request.repositoryName, digest)
  const refuse = why =>
    awsError(400, 'ImageStorageClassUpdateNotSupportedException', `The image ${digest} ${why}.`)
  if (target === 'ARCHIVE') {
    if (status !== 'ACTIVE') return refuse(`is ${status} and cannot be archived`)
    update(region, request.repositoryName, digest, { status: 'ARCHIVED', lastArchivedAt: now() })
  } else {
    if (status !== 'ARCHIVED') return refuse(`is ${status} and cannot be restored`)
    update(region, request.repositoryName, digest, { status: 'ACTIVATING' })
    setTimeout(
      () => update(region, request.repositoryName, digest, { status: 'ACTIVE', lastActivatedAt: now() }),
      settings.restoreMs
    ).unref()
  }
  return {
    status: 200,
    body: {
      registryId: detail.registryId,
      repositoryName: request.repositoryName,
      imageId: { imageDigest: digest },
      imageStatus: stateOf(region, request.repositoryName, digest).status
    }
  }
}

const PRINCIPAL = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/

export function pullTimeExclusions(operation, request) {
  const principal = request.principalArn
  if (operation !== 'ListPullTimeUpdateExclusions' && !PRINCIPAL.test(String(principal)))
    return awsError(400, 'InvalidParameterException', 'principalArn must be the ARN of an IAM role or user')
  switch (operation) {
    case 'RegisterPullTimeUpdateExclusion':
      if (exclusions.has(principal))
        return awsError(400, 'ExclusionAlreadyExistsException', `${principal} is already excluded`)
      if (exclusions.size >= MAX_EXCLUSIONS)
        return awsError(400, 'LimitExceededException', 'at most 100 pull time update exclusions')
      exclusions.set(principal, now())
      return { status: 200, body: { principalArn: principal, createdAt: exclusions.get(principal) } }
    case 'DeregisterPullTimeUpdateExclusion':
      if (!exclusions.delete(principal))
        return awsError(400, 'ExclusionNotFoundException', `${principal} is not excluded`)
      return { status: 200, body: { principalArn: principal } }
    default:
      return { status: 200, body: { pullTimeUpdateExclusions: [...exclusions.keys()] } }
  }
}

/** Whether any image of the repository is not ACTIVE (only then do manifest reads need a look). */
export function hasInactive(region, repository) {
  for (const state of images.get(key(region, repository))?.values() ?? [])
    if (state.status !== 'ACTIVE') return true
  return false
}
