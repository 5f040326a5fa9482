import type { LimitFunction } from 'p-limit'
import { ActionError } from '../common/errors.js'
import type { BlobSource } from './blobs.js'
import type { RegistryClient } from './client.js'
import type { StoredManifest } from './manifests.js'
import { isIndex } from './media-types.js'
import type { PushResult } from './push.js'
import { sendAll } from './send-all.js'
import { platformOf } from './sources/types.js'
import { planTagWrites, putTags, readTags, tagOutcomes, verifyTags, type HeldTag } from './tags.js'

/** One side of a copy: a registry and a repository in it. */
export interface RepositoryIn {
  registry: RegistryClient
  repository: string
}

export interface CopyOptions {
  /** The blob uploads at once, shared with the other copies of the same step. */
  limit: LimitFunction
  isImmutable: (tag: string) => boolean
  /** How the refusal of an immutable move names the destination repository. */
  repositoryUri?: string
  /** A repository of the destination registry to mount blobs from. */
  mountFrom?: string
  /** What the destination's tags hold, when the caller read them already. */
  held?: HeldTag[]
}

/** An image as a registry holds it: its manifests (children before parents) and every blob, once each. */
interface ImageGraph {
  top: StoredManifest
  children: StoredManifest[]
  blobs: { digest: string; size: number }[]
  platforms: { platform: string; digest: string }[]
}

/**
 * Copies an image from one registry into another, registry to registry, as `crane copy` does: each tag
 * read first (an immutable one elsewhere fails before anything is sent; when all hold the image, nothing
 * else is sent), then each blob the destination lacks streamed from a GET of the source into its upload
 * (hashed on the way: bytes that do not match their digest are never committed), then children by
 * digest, the exact manifest bytes under each tag, and every tag read back. The same bytes give the same
 * digest: a registry that answers a manifest PUT with another one fails (Manifests.put).
 */
export async function copyImage(
  from: RepositoryIn,
  to: RepositoryIn,
  digest: string,
  tags: string[],
  options: CopyOptions
): Promise<PushResult> {
  const held = options.held ?? (await readTags(to.registry, to.repository, tags, 'digest'))
  const writes = planTagWrites(
    held,
    { digest, isOurs: () => false, describe: digest },
    options.isImmutable,
    options.repositoryUri ?? to.repository
  )
  const { toWrite } = writes
  const graph = await readGraph(from, digest)
  const result = {
    digest,
    mediaType: graph.top.mediaType,
    tags: tagOutcomes(tags, writes),
    platforms: graph.platforms
  }
  if (toWrite.length === 0) return { ...result, blobs: [] }

  const blobs = await sendAll(
    graph.blobs,
    (blob, signal) =>
      to.registry.pushBlob(to.repository, sourceOf(from, blob), { mountFrom: options.mountFrom, signal }),
    options.limit
  )
  for (const child of graph.children) {
    await to.registry.putManifest(to.repository, child.digest, child.bytes, child.mediaType)
  }
  await putTags(to.registry, to.repository, toWrite, graph.top)
  await verifyTags(to.registry, to.repository, tags, digest)
  return { ...result, blobs }
}

function sourceOf(from: RepositoryIn, blob: { digest: string; size: number }): BlobSource {
  return from.registry.remoteBlob(from.repository, blob)
}

/** Reads the image's manifests from the source, depth first, children before the index that lists them. */
async function readGraph(from: RepositoryIn, digest: string): Promise<ImageGraph> {
  const top = await from.registry.requireManifest(from.repository, digest)
  const children: StoredManifest[] = []
  const blobs = new Map<string, { digest: string; size: number }>()
  const platforms: ImageGraph['platforms'] = []
  const walk = async (stored: StoredManifest, depth: number): Promise<void> => {
    const { manifest } = stored
    if (!isIndex(manifest)) {
      for (const blob of [manifest.config, ...manifest.layers])
        blobs.set(blob.digest, { digest: blob.digest, size: blob.size })
      return
    }
    // Indexes nest rarely and never deeply; a loop or a deep chain is not an image.
    if (depth > 4) throw new ActionError(`${from.repository}@${digest}: indexes nest deeper than 4 levels`)
    for (const descriptor of manifest.manifests) {
      const child = await from.registry.requireManifest(from.repository, descriptor.digest)
      await walk(child, depth + 1)
      if (!children.some(known => known.digest === child.digest)) children.push(child)
      const platform = platformOf(descriptor.platform)
      if (depth === 0 && platform) platforms.push({ platform, digest: child.digest })
    }
  }
  await walk(top, 0)
  return { top, children, blobs: [...blobs.values()], platforms }
}
