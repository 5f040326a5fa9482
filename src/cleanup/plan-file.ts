import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RepositoryReport } from './summary.js'

/**
 * The plan file: every image of every repository, kept, deleted or archived, with the rule that decided,
 * where an image in use is used, and why a planned one was spared. Written in dry runs too; its path is the
 * `plan-file` output.
 */
export async function writePlanFile(
  reports: RepositoryReport[],
  planOnly: boolean,
  now: Date,
  dir: string
): Promise<string> {
  const file = join(dir, `ecr-cleanup-plan-${now.getTime()}.json`)
  const document = {
    generatedAt: now.toISOString(),
    planOnly,
    repositories: reports.map(r => ({
      name: r.name,
      repositoryDeletion: r.repositoryDeletion,
      images: r.decisions.map(d => ({
        digest: d.digest,
        tags: d.tags,
        pushedAt: d.pushedAt.toISOString(),
        size: d.size,
        verdict: d.verdict,
        rule: d.rule,
        usedBy: d.usedBy,
        status: d.status,
        deleted: r.deleted.has(d.digest),
        archived: r.archived.has(d.digest) || undefined,
        alreadyGone: r.alreadyGone.has(d.digest) || undefined,
        spared: r.spared.get(d.digest),
        failure: r.failed.find(f => f.digest === d.digest)
      }))
    }))
  }
  await writeFile(file, JSON.stringify(document, null, 2))
  return file
}
