import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RepositoryReport } from './summary.js'

/**
 * The plan file: every image of every repository, kept or deleted, with the rule that decided and, for an
 * image in use, where it is used. Written in dry runs too; its path is the `plan-file` output.
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
        deleted: r.deleted.has(d.digest),
        alreadyGone: r.alreadyGone.has(d.digest) || undefined,
        failure: r.failed.find(f => f.digest === d.digest)
      }))
    }))
  }
  await writeFile(file, JSON.stringify(document, null, 2))
  return file
}
