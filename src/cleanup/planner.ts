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
  const own = new Map<string, { verdict: Verdict | 'follow'; rule: string }>()

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

  for (const image of images) {
    const age = now.getTime() - image.pushedAt.getTime()
    const decide = (verdict: Verdict | 'follow', rule: string) => own.set(image.digest, { verdict, rule })
    const used = inUse.get(image.digest)
    const pulledAgo = image.lastPulledAt ? now.getTime() - image.lastPulledAt.getTime() : undefined
    if (rules.keepDigests.has(image.digest)) decide('keep', 'keep-digests')
    else if (used && used.length > 0) decide('keep', 'in-use')
    else if (
      rules.keepPulledWithinMs !== undefined &&
      pulledAgo !== undefined &&
      pulledAgo < rules.keepPulledWithinMs
    )
      decide('keep', `pulled ${image.lastPulledAt?.toISOString().slice(0, 10)} (keep-pulled-within)`)
    else if (follows(image)) decide('follow', '')
    else if (image.tags.length > 0) {
      const kept = image.tags.find(tag => keepTag(tag))
      if (kept !== undefined) decide('keep', `keep-tags (${kept})`)
      else if (newestTagged.has(image.digest)) decide('keep', `keep-last ${rules.keepLast}`)
      else if (!image.tags.some(tag => candidateTag(tag))) decide('keep', 'no tag matches tag-patterns')
      else if (age < rules.olderThanMs) decide('keep', `younger than older-than (${formatAge(age)})`)
      else decide('delete', `older-than (${formatAge(age)} old)`)
    } else if (rules.untagged === 'keep') decide('keep', 'untagged: keep')
    else if (age < rules.untaggedOlderThanMs)
      decide('keep', `untagged, younger than untagged-older-than (${formatAge(age)})`)
    else decide('delete', `untagged (${formatAge(age)} old)`)
  }

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
