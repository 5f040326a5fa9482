import picomatch from 'picomatch'
import { formatAge } from '../common/duration.js'

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
}

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
}

/** Where each image in use is used (digest → descriptions), from the in-use scan. */
export type InUseDigests = ReadonlyMap<string, readonly { source: string; where: string }[]>

/** cosign's `sha256-<hex>.sig` / `.att` / `.sbom` tags name the image they belong to. */
export const ARTIFACT_TAG = /^sha256-[a-f0-9]{64}(\.[a-z]+)?$/

export type Verdict = 'keep' | 'delete'

export interface ImageDecision {
  digest: string
  tags: string[]
  pushedAt: Date
  ageMs: number
  size: number
  verdict: Verdict
  /** The rule that decided, in words. */
  rule: string
  /** Where the image is in use, when the scan found it (`ecs: cluster prod, service web, …`). */
  usedBy?: string[]
}

export interface Plan {
  decisions: ImageDecision[]
  /**
   * Digests to delete, parents before children, grouped in waves (a child is in a later wave than every
   * parent that goes). The deleter sends them in this order, 100 a call, so a batch may hold the end of
   * one wave and the start of the next: ECR deletes a batch's index before it checks the children.
   */
  waves: string[][]
}

/**
 * Pure: decides for every image of one repository whether it is kept or deleted, and why.
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
  const parents = parentsOf(graph, byDigest)
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

  const decisions = images.map((image): ImageDecision => {
    const base = {
      digest: image.digest,
      tags: image.tags,
      pushedAt: image.pushedAt,
      ageMs: now.getTime() - image.pushedAt.getTime(),
      size: image.isIndex ? 0 : image.size,
      ...(inUse.has(image.digest)
        ? { usedBy: inUse.get(image.digest)?.map(u => `${u.source}: ${u.where}`) }
        : {})
    }
    const kept = keptBy.get(image.digest)
    if (kept !== undefined) return { ...base, verdict: 'keep', rule: kept }
    const decision = own.get(image.digest)
    const rule = decision?.verdict === 'follow' ? 'goes with its parent' : (decision?.rule ?? '')
    return { ...base, verdict: 'delete', rule }
  })
  const doomed = new Set(decisions.filter(d => d.verdict === 'delete').map(d => d.digest))
  return { decisions, waves: deletionWaves(doomed, parents) }
}

type OwnVerdict = { verdict: Verdict | 'follow'; rule: string }

/**
 * Pure: each image's own verdict, first match wins: keep-digests, in use, pulled lately, a child or
 * referrer follows what points at it, then the tag rules (keep-tags, keep-last, tag-patterns, older-than)
 * or the untagged ones. What a kept image reaches is kept afterwards, whatever its own verdict.
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
  const newestTagged = new Set(
    images
      .filter(image => image.tags.length > 0 && !follows(image))
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
    if (image.tags.length > 0) {
      const kept = image.tags.find(tag => keepTag(tag))
      if (kept !== undefined) return { verdict: 'keep', rule: `keep-tags (${kept})` }
      if (newestTagged.has(image.digest)) return { verdict: 'keep', rule: `keep-last ${rules.keepLast}` }
      if (!image.tags.some(tag => candidateTag(tag)))
        return { verdict: 'keep', rule: 'no tag matches tag-patterns' }
      if (age < rules.olderThanMs)
        return { verdict: 'keep', rule: `younger than older-than (${formatAge(age)})` }
      return { verdict: 'delete', rule: `older-than (${formatAge(age)} old)` }
    }
    if (rules.untagged === 'keep') return { verdict: 'keep', rule: 'untagged: keep' }
    if (age < rules.untaggedOlderThanMs) {
      return { verdict: 'keep', rule: `untagged, younger than untagged-older-than (${formatAge(age)})` }
    }
    return { verdict: 'delete', rule: `untagged (${formatAge(age)} old)` }
  }
}

function parentsOf(graph: ImageGraph, known: Map<string, ImageRecord>): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>()
  for (const [parent, children] of graph.edges) {
    if (!known.has(parent)) continue
    for (const child of children) {
      if (!parents.has(child)) parents.set(child, new Set())
      parents.get(child)?.add(parent)
    }
  }
  return parents
}

/**
 * Orders deletions so that an image goes only after every parent of it that also goes: ECR refuses to
 * delete a child an index still references (ImageReferencedByManifestList).
 */
function deletionWaves(doomed: Set<string>, parents: Map<string, Set<string>>): string[][] {
  const waves: string[][] = []
  const done = new Set<string>()
  let remaining = [...doomed].sort()
  while (remaining.length > 0) {
    const wave = remaining.filter(digest =>
      [...(parents.get(digest) ?? [])].every(p => !doomed.has(p) || done.has(p))
    )
    // A cycle cannot happen with content-addressed manifests; guard anyway rather than loop forever.
    const next = wave.length > 0 ? wave : remaining
    waves.push(next)
    next.forEach(digest => done.add(digest))
    remaining = remaining.filter(digest => !done.has(digest))
  }
  return waves
}
