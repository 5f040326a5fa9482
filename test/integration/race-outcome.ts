/**
 * What two runs racing to put different images under the same tags must report, derived from where the
 * tags end up rather than from what each run says of itself.
 *
 * Each run writes every tag, then reads them all back. After a run's last write only the other run
 * writes, so a tag a run reads back as the other's image still holds it at the end; and the run that reads
 * back last reads the final state. Hence, for MUTABLE tags: every tag exists; a run whose image ends
 * under every tag succeeded; tags split between the images mean at least one run failed; a failed run
 * names tags that, at the end, hold the other run's image. Under IMMUTABLE tags the registry refuses the
 * second writer: one image holds every tag, and its run alone succeeds.
 */
import { expect } from '@jest/globals'
import {
  REGISTRY,
  expectWholeRepository,
  skopeoConfigDigest,
  skopeoTags,
  type StepResult
} from './harness.js'

export const TAGS = ['c1', 'c2', 'c3', 'c4', 'c5']

/** Which run (0 or 1) a digest is the image of; 'gone' for a manifest the registry no longer has. */
export type Identify = (digest: string) => Promise<0 | 1 | 'gone'>

const DIGEST = 'sha256:[a-f0-9]{64}'

/** Runs of OCI layouts: their digests are known up front. */
export function layoutIdentity(digests: string[]): Identify {
  return async digest => {
    const run = digests.indexOf(digest)
    if (run !== 0 && run !== 1) throw new Error(`${digest} is neither run's layout`)
    return run
  }
}

/**
 * Runs of docker engine images: a manifest is a run's when its config is that image's ID (a refusal
 * before the push names the image ID itself).
 */
export function dockerIdentity(repository: string, imageIds: string[]): Identify {
  return async digest => {
    let config = digest
    if (!imageIds.includes(digest)) {
      try {
        config = await skopeoConfigDigest(`${REGISTRY}/${repository}@${digest}`)
      } catch (error) {
        if (/manifest unknown/.test(String((error as { stderr?: string }).stderr))) return 'gone'
        throw error
      }
    }
    const run = imageIds.indexOf(config)
    if (run !== 0 && run !== 1) throw new Error(`${digest} (config ${config}) is neither run's image`)
    return run
  }
}

/**
 * What a failed run's one error claims: tags and the digests they hold (another image), and this run's
 * own digest. Each wording the action has for it: the read-back, the immutable refusal of a tag PUT, and
 * the refusal before anything is written (layout: the manifest digest; docker engine: the image ID).
 */
function claimsOf(error: string): { held: [string, string][]; own?: string } {
  const held = [
    ...error.matchAll(
      new RegExp(
        `tag "(c\\d)"(?: in \\S+)? (?:holds|already points at|was written by .*?: it holds) (${DIGEST})`,
        'g'
      )
    )
  ].map(match => [match[1], match[2]] as [string, string])
  // The image may be described before its digest ("it-race:1 (sha256:…)").
  const own = new RegExp(
    `(?:not this image|this image is|the image is|but the image \\S+ is)[^;]*?(${DIGEST})`
  ).exec(error)?.[1]
  return { held, own }
}

export async function expectHonestRace(
  results: StepResult[],
  repository: string,
  mutability: string,
  identify: Identify
): Promise<void> {
  const uri = `${REGISTRY}/${repository}`
  expect((await skopeoTags(uri)).filter(tag => tag.startsWith('ecr-deliver-staging'))).toEqual([])
  // Every tag was written (MUTABLE: by both runs; IMMUTABLE: by the winner) and is whole.
  const final = await expectWholeRepository(uri, TAGS)
  const holders = new Set<0 | 1 | 'gone'>()
  for (const tag of TAGS) holders.add(await identify(final[tag] as string))
  expect(holders.has('gone')).toBe(false)
  const green = results.map(result => result.exitCode === 0)

  for (const [run, result] of results.entries()) {
    const other = run === 0 ? 1 : 0
    if (result.exitCode === 0) {
      expect(result.errors).toEqual([])
      expect(await identify(result.outputs['image-digest'] as string)).toBe(run)
      continue
    }
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const { held, own } = claimsOf(result.errors[0] as string)
    expect([result.errors[0], held.length > 0, own !== undefined]).toEqual([result.errors[0], true, true])
    for (const [tag, digest] of held) {
      expect([tag, final[tag]]).toEqual([tag, digest])
      expect(await identify(digest)).toBe(other)
    }
    expect([run, 'gone']).toContain(await identify(own as string))
  }

  if (holders.size === 1) {
    // One image under every tag: its run read back the final state, so it succeeded.
    const [holder] = [...holders] as [0 | 1]
    expect([`run ${holder} green`, green[holder]]).toEqual([`run ${holder} green`, true])
  } else {
    // Split tags: the run that read back last saw the other's image somewhere.
    expect(green.filter(Boolean).length).toBeLessThan(2)
  }
  if (mutability === 'IMMUTABLE') {
    expect(holders.size).toBe(1)
    expect(green.filter(Boolean)).toHaveLength(1)
  }
}
