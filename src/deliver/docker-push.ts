import { ActionError } from '../common/errors.js'
import type { DockerCli, LocalImage } from '../docker/cli.js'
import type { RegistryClient } from '../registry/client.js'
import { imageManifestSize, isIndex } from '../registry/media-types.js'
import type { Delivery, DeliveryTarget, TagResult } from './delivery.js'
import { isSameImage, planTagWrites, type RemoteTag, type TagPlan } from './tag-plan.js'
import * as log from '../common/log.js'

/**
 * Delivers an image from the docker engine under every tag and proves it: afterwards each tag resolves, in the
 * registry itself, to the one digest reported.
 */
export async function deliverDockerImage(
  docker: DockerCli,
  registry: RegistryClient,
  local: LocalImage,
  target: DeliveryTarget,
  tags: string[]
): Promise<Delivery> {
  const remote = await readRemoteTags(registry, local, target, tags)
  const plan = planTagWrites(remote, target.isImmutable, {
    image: local.reference,
    imageId: local.id,
    repository: target.repositoryUri
  })
  const digest = await executePlan(docker, registry, local, target, plan)
  await verifyTags(registry, target, tags, digest)
  const results = resultsOf(plan)
  return {
    digest,
    size: await storedSize(registry, target.repository, digest),
    tags: tags.map(tag => ({
      tag,
      reference: `${target.repositoryUri}:${tag}`,
      result: results.get(tag) ?? 'pushed'
    })),
    platforms: []
  }
}

async function readRemoteTags(
  registry: RegistryClient,
  local: LocalImage,
  target: DeliveryTarget,
  tags: string[]
): Promise<RemoteTag[]> {
  return Promise.all(
    tags.map(async tag => {
      const stored = await registry.getManifest(target.repository, tag)
      return stored
        ? { tag, digest: stored.digest, sameImage: isSameImage(local, target.repositoryUri, stored) }
        : { tag, sameImage: false }
    })
  )
}

async function executePlan(
  docker: DockerCli,
  registry: RegistryClient,
  local: LocalImage,
  target: DeliveryTarget,
  plan: TagPlan
): Promise<string> {
  switch (plan.kind) {
    case 'unchanged':
      log.info(`Every tag already points at ${plan.digest}: nothing to push`)
      return plan.digest
    case 'retag': {
      // The image is there already: give the missing tags the very same manifest bytes, so every tag
      // ends on one digest (a fresh docker push could compress differently and give another).
      log.info(
        `The image is in ${target.repositoryUri} already as ${plan.digest}; tagging ${plan.tags.join(', ')}`
      )
      const stored = await registry.getManifest(target.repository, plan.digest)
      if (!stored) throw new ActionError(`${target.repositoryUri}@${plan.digest} vanished while tagging`)
      for (const tag of plan.tags)
        await registry.putManifest(target.repository, tag, stored.bytes, stored.mediaType)
      return plan.digest
    }
    case 'push': {
      const digests = new Set<string>()
      for (const tag of plan.tags) {
        const reference = `${target.repositoryUri}:${tag}`
        await docker.tag(local.reference, reference)
        const pushed = await docker.push(reference)
        digests.add(pushed.digest)
      }
      if (digests.size !== 1) {
        throw new ActionError(
          `docker push reported different digests for one image: ${[...digests].join(', ')}`
        )
      }
      return [...digests][0] as string
    }
  }
}

/** HEAD every tag with all manifest types accepted: the registry, not docker, has the last word. */
async function verifyTags(
  registry: RegistryClient,
  target: DeliveryTarget,
  tags: string[],
  expected: string
): Promise<void> {
  const resolved = await Promise.all(
    tags.map(async tag => ({ tag, digest: await registry.resolveManifestDigest(target.repository, tag) }))
  )
  const wrong = resolved.filter(r => r.digest !== expected)
  if (wrong.length > 0) {
    const detail = wrong.map(r => `${r.tag} → ${r.digest ?? 'missing'}`).join(', ')
    throw new ActionError(
      `The registry disagrees with the push: expected every tag at ${expected}, got ${detail}`
    )
  }
}

function resultsOf(plan: TagPlan): Map<string, TagResult> {
  const results = new Map<string, TagResult>()
  if (plan.kind === 'push') plan.tags.forEach(tag => results.set(tag, 'pushed'))
  if (plan.kind === 'retag') plan.tags.forEach(tag => results.set(tag, 'tagged'))
  if (plan.kind !== 'push') plan.unchanged.forEach(tag => results.set(tag, 'unchanged'))
  return results
}

/** The stored size; for an index the sum of its children, each counted once. */
async function storedSize(registry: RegistryClient, repository: string, digest: string): Promise<number> {
  const stored = await registry.getManifest(repository, digest)
  if (!stored) throw new ActionError(`${repository}@${digest} is missing right after the push`)
  if (!isIndex(stored.manifest)) return imageManifestSize(stored.manifest)
  const children = await Promise.all(
    [...new Set(stored.manifest.manifests.map(child => child.digest))].map(child =>
      storedSize(registry, repository, child)
    )
  )
  return children.reduce((sum, size) => sum + size, 0)
}
