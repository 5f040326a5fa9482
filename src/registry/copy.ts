import type { LimitFunction } from 'p-limit'
import { ActionError } from '../common/errors.js'
import type { BlobSource } from './blobs.js'
import type { RegistryClient } from './client.js'
import type { StoredManifest } from './manifests.js'
import { isIndex, type Descriptor } from './media-types.js'
import { pushGraph, type ImageGraph, type PushResult } from './push.js'
import { listReferrers } from './referrers.js'
import { platformOf, type ManifestBlob } from './sources/types.js'
import type { HeldTag } from './tags.js'

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
  /** `skip`: the source's referrers are not copied. */
  referrers?: 'push' | 'skip'
}

/** Indexes nest rarely and never deeply; referrers of referrers neither. A loop or a deep chain is not an image. */
const MAX_DEPTH = 4

/**
 * Copies an image from one registry into another, registry to registry, as `crane copy` does, with its
 * referrers as `oras copy -r` does: the graph is read from the source (each manifest, and each one's
 * referrers by the API or the tag schema), then pushed as a layout's is (registry/push.ts: each tag read
 * first, blobs the destination lacks streamed from a GET of the source into its upload, hashed on the way,
 * children and referrers after what they need, the exact manifest bytes under each tag, all read back).
 */
export async function copyImage(
  from: RepositoryIn,
  to: RepositoryIn,
  digest: string,
  tags: string[],
  options: CopyOptions
): Promise<PushResult> {
  const graph = await readGraph(from, digest, options.referrers !== 'skip')
  return pushGraph(to.registry, to.repository, graph, tags, {
    concurrency: 1,
    limit: options.limit,
    isImmutable: options.isImmutable,
    repositoryUri: options.repositoryUri,
    mountFrom: options.mountFrom,
    held: options.held,
    referrers: options.referrers
  })
}

/**
 * Reads the image's manifests from the source, depth first, children before the index that lists them,
 * and (with `withReferrers`) what refers to each, after it.
 */
async function readGraph(from: RepositoryIn, digest: string, withReferrers: boolean): Promise<ImageGraph> {
  const read = async (descriptor: Pick<Descriptor, 'digest' | 'platform'>): Promise<ManifestBlob> =>
    manifestBlob(await from.registry.requireManifest(from.repository, descriptor.digest), descriptor)
  const top = await read({ digest })
  const children: ManifestBlob[] = []
  const blobs = new Map<string, BlobSource>()
  const walk = async (node: ManifestBlob, depth: number, into: Map<string, BlobSource>): Promise<void> => {
    const manifest = JSON.parse(node.bytes.toString('utf8')) as StoredManifest['manifest']
    if (!isIndex(manifest)) {
      for (const blob of [manifest.config, ...manifest.layers])
        if (!blobs.has(blob.digest)) into.set(blob.digest, from.registry.remoteBlob(from.repository, blob))
      return
    }
    if (depth > MAX_DEPTH)
      throw new ActionError(`${from.repository}@${digest}: indexes nest deeper than ${MAX_DEPTH}`)
    for (const descriptor of manifest.manifests) {
      // Only the top's children carry a platform the outputs report.
      const child = await read(depth === 0 ? descriptor : { digest: descriptor.digest })
      await walk(child, depth + 1, into)
      if (!children.some(known => known.digest === child.digest)) children.push(child)
    }
  }
  await walk(top, 0, blobs)
  const referrers: ManifestBlob[] = []
  const referrerBlobs = new Map<string, BlobSource>()
  if (withReferrers) {
    const known = new Set([top.digest, ...children.map(child => child.digest)])
    let subjects = [...known]
    for (let depth = 0; subjects.length > 0 && depth < MAX_DEPTH; depth++) {
      const found: ManifestBlob[] = []
      for (const subject of subjects) {
        for (const listed of await listReferrers(from.registry, from.repository, subject)) {
          if (known.has(listed.digest)) continue
          known.add(listed.digest)
          const referrer = await read({ digest: listed.digest })
          // A referrer is an artifact manifest (signature, attestation, SBOM); an index that says it refers to
          // something is not followed: its children would need pushing before it, outside the image's order.
          if (referrer.subject !== subject || isIndex(JSON.parse(referrer.bytes.toString('utf8')))) continue
          await walk(referrer, MAX_DEPTH, referrerBlobs)
          found.push(referrer)
        }
      }
      referrers.push(...found)
      subjects = found.map(referrer => referrer.digest)
    }
  }
  return { top, children, blobs: [...blobs.values()], referrers, referrerBlobs: [...referrerBlobs.values()] }
}

function manifestBlob(stored: StoredManifest, descriptor: Pick<Descriptor, 'platform'>): ManifestBlob {
  const subject = stored.manifest.subject?.digest
  return {
    digest: stored.digest,
    mediaType: stored.mediaType,
    bytes: stored.bytes,
    platform: platformOf(descriptor.platform),
    ...(subject ? { subject } : {})
  }
}
