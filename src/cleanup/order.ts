import type { ImageGraph } from './planner.js'

/** Each image's parents (the indexes that list it, the subjects it refers to), among the known images. */
export function parentsOf(graph: ImageGraph, known: ReadonlySet<string>): Map<string, Set<string>> {
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
 * Orders what goes so that an image goes only after every parent of it that also goes: ECR refuses to
 * delete a child an index still references (ImageReferencedByManifestList), and an archived index is
 * archived before its children for the same reason.
 */
export function parentsFirst(going: ReadonlySet<string>, parents: Map<string, Set<string>>): string[][] {
  const waves: string[][] = []
  const done = new Set<string>()
  let remaining = [...going].sort()
  while (remaining.length > 0) {
    const wave = remaining.filter(digest =>
      [...(parents.get(digest) ?? [])].every(p => !going.has(p) || done.has(p))
    )
    // A cycle cannot happen with content-addressed manifests; guard anyway rather than loop forever.
    const next = wave.length > 0 ? wave : remaining
    waves.push(next)
    next.forEach(digest => done.add(digest))
    remaining = remaining.filter(digest => !done.has(digest))
  }
  return waves
}
