import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { ActionError, messageOf } from '../common/errors.js'
import * as log from '../common/log.js'
import type { DockerCli, LocalImage } from '../docker/cli.js'
import type { RegistryClient } from '../registry/client.js'
import type { StoredManifest } from '../registry/manifests.js'
import { imageManifestSize, isIndex } from '../registry/media-types.js'
import { putTags as putManifestTags, verifyTags, type HeldTag } from '../registry/tags.js'
import type { Delivery, DeliveryTarget, TagResult } from './delivery.js'
import { engineImage, isSameImage, planTagWrites, type TagPlan } from './tag-plan.js'

/**
 * Delivers an image from the docker engine under every tag (`held`: what they hold, read before) and
 * proves it: afterwards each tag resolves, in the registry itself, to the one digest reported, and that
 * digest is the local image.
 */
export async function deliverDockerImage(
  docker: DockerCli,
  registry: RegistryClient,
  local: LocalImage,
  target: DeliveryTarget,
  tags: string[],
  held: HeldTag[]
): Promise<Delivery> {
  const plan = planTagWrites(held, engineImage(local), target.isImmutable, target.repositoryUri)
  const digest = await executePlan(docker, registry, local, target, plan)
  await verifyTags(registry, target.repository, tags, digest)
  const results = resultsOf(plan)
  return {
    digest,
    size: await storedSize(registry, target.repository, digest),
    tags: tags.map(tag => ({
      tag,
      reference: `${target.repositoryUri}:${tag}`,
      result: results.get(tag) ?? 'pushed'
    })),
    platforms: [],
    referrers: []
  }
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
      await putTags(registry, target, plan.tags, stored)
      return plan.digest
    }
    case 'push':
      return pushThroughStagingTag(docker, registry, local, target, stored =>
        putTags(registry, target, plan.tags, stored)
      )
  }
}

/**
 * `docker push` works on local names, and a local name is shared by everything that uses the engine: two
 * runs that `docker tag` the same `<repository>:<tag>` push each other's image. So the image is tagged, by
 * its ID, under a name no other run uses, pushed once under it, and proven to be the local image (its
 * config digest, or its manifest digest in the containerd store, is the image ID) before any real tag is
 * written by a manifest PUT (`writeTags`). Only then is the staging name removed, locally and from the
 * repository; it is removed whatever happens, and when the real tags were not written the image goes
 * with it (ECR deletes an image with its last tag), so a failed step leaves nothing half-pushed.
 */
async function pushThroughStagingTag(
  docker: DockerCli,
  registry: RegistryClient,
  local: LocalImage,
  target: DeliveryTarget,
  writeTags: (stored: StoredManifest) => Promise<void>
): Promise<string> {
  const staging = `ecr-deliver-staging-${randomBytes(8).toString('hex')}`
  const reference = `${target.repositoryUri}:${staging}`
  await docker.tag(local.id, reference)
  let pushedDigest: string | undefined
  try {
    pushedDigest = (await docker.push(reference)).digest
    const stored = await registry.requireManifest(target.repository, pushedDigest)
    if (!isSameImage(local, target.repositoryUri, stored)) {
      const config = isIndex(stored.manifest) ? 'an index' : `config ${stored.manifest.config?.digest}`
      throw new ActionError(
        `docker push put ${pushedDigest} (${config}) in ${target.repositoryUri}, which is not the image ` +
          `${local.reference} (${local.id}): nothing was tagged`
      )
    }
    await writeTags(stored)
    return stored.digest
  } finally {
    await removeStagingTag(docker, local, target, reference, staging, pushedDigest)
  }
}

async function removeStagingTag(
  docker: DockerCli,
  local: LocalImage,
  target: DeliveryTarget,
  reference: string,
  staging: string,
  pushedDigest: string | undefined
): Promise<void> {
  // An image known by its ID only would be deleted with its last name: leave the name on it then.
  if (local.repoTags.length > 0) {
    await docker
      .untag(reference)
      .catch(error => core.warning(`Could not remove the local name ${reference}: ${messageOf(error)}`))
  } else {
    log.info(`Left the local name ${reference} on the untagged image ${local.id}, so the engine keeps it`)
  }
  try {
    await target.removeTag(staging)
  } catch (error) {
    core.warning(
      `Could not remove the staging tag ${staging} from ${target.repositoryUri}` +
        `${pushedDigest ? ` (at ${pushedDigest})` : ''}: ${messageOf(error)}. Delete it by hand ` +
        '(ecr:BatchDeleteImage is needed to remove it).'
    )
  }
}

/** Each tag gets the pushed manifest's exact bytes, in the order given. */
async function putTags(
  registry: RegistryClient,
  target: DeliveryTarget,
  tags: string[],
  stored: StoredManifest
): Promise<void> {
  await putManifestTags(registry, target.repository, tags, stored, tag =>
    log.info(`${target.repositoryUri}:${tag} → ${stored.digest}`)
  )
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
