import picomatch from 'picomatch'
import { formatAge } from '../common/duration.js'
import { ARTIFACT_TAG } from '../registry/reference.js'
import { parentsFirst, parentsOf } from './order.js'

/** One image in a repository, as listed (an index, a platform image, a signature...). */
export interface ImageRecord {
  digest: string
  tags: string[]
  pushedAt: Date
  /** Bytes as ECR reports them; an index's own size is not counted (its children are). */
  size: number
  isIndex: boolean
  /** ECR's lastRecordedPullTime (refreshed at least once a day; not by Inspector's own pulls). */
  lastPulledAt?: Date
  /** ECR's imageStatus; ACTIVE when absent (registries without the archive storage class). */
  status?: ImageStatus
  /** ECR's lastArchivedAt, for an archived image. */
  archivedAt?: Date
}

/** ACTIVE images serve; ARCHIVED ones cannot be pulled until restored; ACTIVATING ones are being restored. */
export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING'

/** What the cleanup does with an image the rules let go: delete it, or move it to the archive storage class. */
export type CleanupAction = 'delete' | 'archive'

/** Edges of the image graph: an index to its children, a subject to its referrers (signatures, SBOMs...). */
export interface ImageGraph {
  /** parent digest → digests it keeps alive. */
  edges: Map<string, Set<string>>
}

export interface CleanupRules {
  keepLast: number
  /** Only images pushed longer ago than this may go (ms). */
  olderThanMs: number
  /** Tagged images are candidates only with a tag matching one of these globs. */
  tagPatterns: string[]
  /** An image with a tag matching one of these is never deleted. */
  keepTags: string[]
  untagged: 'delete' | 'keep'
  untaggedOlderThanMs: number
  /** Digests that must survive, whatever else applies. */
  keepDigests: Set<string>
  /** An image pulled more recently than this (ms ago) is kept; undefined: pulls do not count. */
  keepPulledWithinMs?: number
  /** What happens to an ACTIVE image that goes: deleted (the default) or archived. */
  action?: CleanupAction
  /** Archived images archived longer ago than this (ms) are deleted; undefined: never. */
  archivedOlderThanMs?: number
}

/** Where each image in use is used (digest → descriptions), from the in-use scan. */
export type InUseDigests = ReadonlyMap<string, readonly { source: string; where: string }[]>

export type Verdict = 'keep' | CleanupAction

export interface ImageDecision {
  digest: string
  tags: string[]
  pushedAt: Date
  ageMs: number
  size: number
  status: ImageStatus
  verdict: Verdict
  /** The rule that decided, in words. */
  rule: string
  /** Where the image is in use, when the scan found it (`ecs: cluster prod, service web, …`). */
  usedBy?: string[]
}

export interface Plan {
  decisions: ImageDecision[]
  /**
   * Digests to delete or archive (each decision's verdict says which), parents before children, grouped in
   * waves (a child is in a later wave than every parent that goes). The executor sends them in this order,
   * 100 a batch, so a batch may hold the end of one wave and the start of the next: ECR deletes a batch's
   * index before it checks the children.
   */
  waves: string[][]
}

/**
 * Pure: decides for every image of one repository whether it is kept, deleted or archived, and why.
 * An image is kept when any rule keeps it; whatever a kept image reaches (children of a kept index,
 * referrers of a kept subject) is kept with it; an image reached only from images that go, goes too.
 */
export function planCleanup(
  images: ImageRecord[],
  graph: ImageGraph,
  rules: CleanupRules,
  now: Date,
  inUse: InUseDigests = new Map()
): Plan {
  const byDigest = new Map(images.map(image => [image.digest, image]))
  const parents = parentsOf(graph, new Set(byDigest.keys()))
  const verdictOf = ownVerdicts(images, parents, rules, now, inUse)
  const own = new Map(images.map(image => [image.digest, verdictOf(image)]))

  // Everything a kept image reaches stays, whatever its own verdict.
  const keptBy = new Map<string, string>()
  const queue = images.filter(image => own.get(image.digest)?.verdict === 'keep').map(image => image.digest)
  for (const digest of queue) keptBy.set(digest, own.get(digest)?.rule ?? '')
  while (queue.length > 0) {
    const digest = queue.shift() as string
    for (const child of graph.edges.get(digest) ?? []) {
      if (!byDigest.has(child) || keptBy.has(child)) continue
      keptBy.set(child, `reached from kept ${digest.slice(0, 19)}…`)
      queue.push(child)
    }
  }
  const going = new Set(images.map(image => image.digest).filter(digest => !keptBy.has(digest)))
  const actions = actionsOf(parentsFirst(going, parents), byDigest, own, parents, rules.action ?? 'delete')

  const decisions = images.map((image): ImageDecision => {
    const base = {
      digest: image.digest,
      tags: image.tags,
      pushedAt: image.pushedAt,
      ageMs: now.getTime() - image.pushedAt.getTime(),
      size: image.isIndex ? 0 : image.size,
      status: image.status ?? 'ACTIVE',
      ...(inUse.has(image.digest)
        ? { usedBy: inUse.get(image.digest)?.map(u => `${u.source}: ${u.where}`) }
        : {})
    }
    const kept = keptBy.get(image.digest)
    if (kept !== undefined) return { ...base, verdict: 'keep', rule: kept }
    const decision = own.get(image.digest)
    const action = actions.get(image.digest) ?? { verdict: 'keep', rule: 'archived already' }
    const rule = decision?.verdict === 'follow' ? action.rule : (decision?.rule ?? '')
    return { ...base, verdict: action.verdict, rule }
  })
  const doomed = new Set(decisions.filter(d => d.verdict !== 'keep').map(d => d.digest))
  return { decisions, waves: parentsFirst(doomed, parents) }
}

/**
 * What happens to each image that goes, parents first: an ACTIVE image gets the cleanup's action; an
 * archived one is only ever deleted, by its own archived-older-than or with a parent that is deleted (a
 * child archived with an index that is archived now stays as it is: it is not archived twice).
 */
function actionsOf(
  waves: string[][],
  byDigest: Map<string, ImageRecord>,
  own: Map<string, OwnVerdict>,
  parents: Map<string, Set<string>>,
  action: CleanupAction
): Map<string, { verdict: Verdict; rule: string }> {
  const actions = new Map<string, { verdict: Verdict; rule: string }>()
  for (const digest of waves.flat()) {
    const status = byDigest.get(digest)?.status ?? 'ACTIVE'
    const follows = own.get(digest)?.verdict === 'follow'
    const parentDeleted = [...(parents.get(digest) ?? [])].some(p => actions.get(p)?.verdict === 'delete')
    if (status === 'ACTIVE') actions.set(digest, { verdict: action, rule: 'goes with its parent' })
    else if (!follows || parentDeleted)
      actions.set(digest, { verdict: 'delete', rule: 'goes with its parent' })
    else actions.set(digest, { verdict: 'keep', rule: 'archived already (its parent is archived now)' })
  }
  return actions
}

type OwnVerdict = { verdict: 'keep' | 'go' | 'follow'; rule: string }

/**
 * Pure: each image's own verdict, first match wins: keep-digests, being restored, in use, pulled lately,
 * a child or referrer follows what points at it, an archived image by archived-older-than, then the tag
 * rules (keep-tags, keep-last, tag-patterns, older-than) or the untagged ones. What a kept image reaches
 * is kept afterwards, whatever its own verdict.
 */
function ownVerdicts(
  images: ImageRecord[],
  parents: Map<string, Set<string>>,
  rules: CleanupRules,
  now: Date,
  inUse: InUseDigests
): (image: ImageRecord) => OwnVerdict {
  // Children and referrers (untagged, or tagged only the cosign way) follow what points at them.
  const follows = (image: ImageRecord) =>
    parents.has(image.digest) && image.tags.every(tag => ARTIFACT_TAG.test(tag))
  const keepTag = picomatch(rules.keepTags.length > 0 ? rules.keepTags : ['\0none'], { dot: true })
  const candidateTag = picomatch(rules.tagPatterns, { dot: true })
  // Archived images cannot serve: keep-last counts the images that can.
  const newestTagged = new Set(
    images
      .filter(image => image.tags.length > 0 && !follows(image) && image.status !== 'ARCHIVED')
      // Newest first; equal push times are ordered by digest, so the cut is the same on every run.
      .sort((a, b) => b.pushedAt.getTime() - a.pushedAt.getTime() || a.digest.localeCompare(b.digest))
      .slice(0, Math.max(0, rules.keepLast))
      .map(image => image.digest)
  )
  return image => {
    // Never below 0: a registry clock ahead of ours must not make `0d` ("any age") keep an image.
    const age = Math.max(0, now.getTime() - image.pushedAt.getTime())
    const pulledAgo = image.lastPulledAt ? now.getTime() - image.lastPulledAt.getTime() : undefined
    if (rules.keepDigests.has(image.digest)) return { verdict: 'keep', rule: 'keep-digests' }
    if (image.status === 'ACTIVATING') return { verdict: 'keep', rule: 'being restored (ACTIVATING)' }
    if ((inUse.get(image.digest) ?? []).length > 0) return { verdict: 'keep', rule: 'in-use' }
    if (
      rules.keepPulledWithinMs !== undefined &&
      pulledAgo !== undefined &&
      pulledAgo < rules.keepPulledWithinMs
    ) {
      return {
        verdict: 'keep',
        rule: `pulled ${image.lastPulledAt?.toISOString().slice(0, 10)} (keep-pulled-within)`
      }
    }
    if (follows(image)) return { verdict: 'follow', rule: '' }
    if (image.status === 'ARCHIVED') return archivedVerdict(image, rules, now)
    if (image.tags.length > 0) {
      const kept = image.tags.find(tag => keepTag(tag))
      if (kept !== undefined) return { verdict: 'keep', rule: `keep-tags (${kept})` }
      if (newestTagged.has(image.digest)) return { verdict: 'keep', rule: `keep-last ${rules.keepLast}` }
      if (!image.tags.some(tag => candidateTag(tag)))
        return { verdict: 'keep', rule: 'no tag matches tag-patterns' }
      if (age < rules.olderThanMs)
        return { verdict: 'keep', rule: `younger than older-than (${formatAge(age)})` }
      return { verdict: 'go', rule: `older-than (${formatAge(age)} old)` }
    }
    if (rules.untagged === 'keep') return { verdict: 'keep', rule: 'untagged: keep' }
    if (age < rules.untaggedOlderThanMs) {
      return { verdict: 'keep', rule: `untagged, younger than untagged-older-than (${formatAge(age)})` }
    }
    return { verdict: 'go', rule: `untagged (${formatAge(age)} old)` }
  }
}

/** An archived image goes only by archived-older-than (the second stage of archive, then delete). */
function archivedVerdict(image: ImageRecord, rules: CleanupRules, now: Date): OwnVerdict {
  if (rules.archivedOlderThanMs === undefined) return { verdict: 'keep', rule: 'archived' }
  const archivedAgo = Math.max(0, now.getTime() - (image.archivedAt ?? image.pushedAt).getTime())
  return archivedAgo < rules.archivedOlderThanMs
    ? { verdict: 'keep', rule: `archived ${formatAge(archivedAgo)} ago, within archived-older-than` }
    : { verdict: 'go', rule: `archived-older-than (archived ${formatAge(archivedAgo)} ago)` }
}
