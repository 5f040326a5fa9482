import type { ImageDetail } from '@aws-sdk/client-ecr'
import { IMAGE_CONFIG_TYPES, INDEX_MEDIA_TYPES, isIndex, type Manifest } from '../registry/media-types.js'
import { ARTIFACT_TAG } from '../registry/reference.js'
import type { ImageGraph, ImageRecord, ImageStatus } from './planner.js'

export function toImageRecord(detail: ImageDetail): ImageRecord {
  return {
    digest: detail.imageDigest ?? '',
    tags: detail.imageTags ?? [],
    pushedAt: detail.imagePushedAt ?? new Date(0),
    size: detail.imageSizeInBytes ?? 0,
    isIndex: INDEX_MEDIA_TYPES.has(detail.imageManifestMediaType ?? ''),
    lastPulledAt: detail.lastRecordedPullTime,
    // ECR Public and older registries report no status: their images are all ACTIVE.
    status: (detail.imageStatus as ImageStatus | undefined) ?? 'ACTIVE',
    archivedAt: detail.lastArchivedAt
  }
}

/** The manifests to read: indexes (for their children) and artifacts (signatures, SBOMs: for their subject). */
export function manifestsToRead(details: ImageDetail[]): string[] {
  return details
    .filter(
      d =>
        INDEX_MEDIA_TYPES.has(d.imageManifestMediaType ?? '') ||
        (d.artifactMediaType !== undefined && !IMAGE_CONFIG_TYPES.has(d.artifactMediaType))
    )
    .map(d => d.imageDigest ?? '')
    .filter(Boolean)
}

/**
 * Edges of the image graph: index → child (from the index manifests), subject → referrer (from ECR's
 * subjectManifestDigest or the manifest's `subject`), and cosign's tag convention `sha256-<hex>.sig`.
 */
export function buildImageGraph(details: ImageDetail[], manifests: Map<string, Manifest>): ImageGraph {
  const edges = new Map<string, Set<string>>()
  const link = (parent: string, child: string) => {
    if (parent === child) return
    if (!edges.has(parent)) edges.set(parent, new Set())
    edges.get(parent)?.add(child)
  }
  for (const detail of details) {
    const digest = detail.imageDigest
    if (!digest) continue
    const manifest = manifests.get(digest)
    if (manifest && isIndex(manifest)) manifest.manifests.forEach(child => link(digest, child.digest))
    const subject = detail.subjectManifestDigest ?? manifest?.subject?.digest
    if (subject) link(subject, digest)
    for (const tag of detail.imageTags ?? []) {
      if (ARTIFACT_TAG.test(tag)) link(`sha256:${tag.slice('sha256-'.length, 'sha256-'.length + 64)}`, digest)
    }
  }
  return { edges }
}
