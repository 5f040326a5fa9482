import {
  planCleanup,
  type CleanupRules,
  type ImageGraph,
  type ImageRecord,
  type InUseDigests,
  type Verdict
} from './planner.js'

/**
 * The registry as the cleanup last saw it: the listing, brought up to date batch by batch with what each
 * re-read showed. Images that appeared after the listing are not in it: they are never touched. An image
 * deleted since (by this cleanup or not) stays in it as last seen: a child planned to go with its index
 * still does, instead of being judged anew as an orphan (young untagged images would then be kept).
 */
export interface RegistryView {
  records: Map<string, ImageRecord>
  graph: ImageGraph
  rules: CleanupRules
  now: Date
  inUse: InUseDigests
  /** Images spared so far: kept from now on, and what they reach with them. */
  spared: Map<string, string>
}

export interface Recheck {
  /** What still goes, with what happens to it (delete or archive). */
  go: { digest: string; verdict: Exclude<Verdict, 'keep'> }[]
  /** Gone already (deleted meanwhile), or already in the state the plan wanted (archived meanwhile). */
  done: string[]
  /** What is no longer to go, and why. */
  spared: { digest: string; reason: string }[]
}

/**
 * Pure: decides a batch again, right before the calls that would change it, against what the registry
 * holds now (`fresh`: the batch's images as just read; a digest missing there is gone). An image that
 * gained a tag, now holds a kept tag or is now among the newest keep-last, changed status, or is reached
 * from an image spared, does not go; nothing is ever added to the plan. Updates the view.
 */
export function recheckBatch(
  view: RegistryView,
  batch: { digest: string; verdict: Exclude<Verdict, 'keep'> }[],
  fresh: Map<string, ImageRecord>
): Recheck {
  const result: Recheck = { go: [], done: [], spared: [] }
  const direct = new Map<string, string>()
  for (const { digest, verdict } of batch) {
    const before = view.records.get(digest)
    const now = fresh.get(digest)
    if (!now) {
      result.done.push(digest)
      continue
    }
    view.records.set(digest, now)
    const status = now.status ?? 'ACTIVE'
    const gained = now.tags.filter(tag => !(before?.tags ?? []).includes(tag))
    if (verdict === 'archive' && status === 'ARCHIVED') result.done.push(digest)
    else if (gained.length > 0) direct.set(digest, `gained tag ${gained.join(', ')} since the listing`)
    else if (status !== (before?.status ?? 'ACTIVE')) direct.set(digest, `now ${status}`)
  }
  for (const [digest, reason] of direct) view.spared.set(digest, reason)
  const keepDigests = new Set([...view.rules.keepDigests, ...view.spared.keys()])
  const plan = planCleanup(
    [...view.records.values()],
    view.graph,
    { ...view.rules, keepDigests },
    view.now,
    view.inUse
  )
  const decided = new Map(plan.decisions.map(d => [d.digest, d]))
  for (const { digest, verdict } of batch) {
    if (!fresh.has(digest) || result.done.includes(digest)) continue
    const again = decided.get(digest)
    if (again?.verdict === verdict) {
      result.go.push({ digest, verdict })
      continue
    }
    const reason =
      direct.get(digest) ??
      (again?.verdict === 'keep' ? (again.rule ?? 'kept') : `now planned: ${again?.verdict}`)
    view.spared.set(digest, reason)
    result.spared.push({ digest, reason })
  }
  return result
}
