// PutImage as ECR checks it (moto does not): an image manifest's config and layers must be in the
// repository (LayersNotFoundException), an index's manifests must be images of the repository
// (ReferencedImagesNotFoundException). Blobs are looked up in the region's registry; a region without a
// registry of its own cannot hold blobs, so its PutImage is refused as ECR would refuse it.
import { awsError, ecrApi } from './moto.mjs'
import { upstreamRequest } from './registry.mjs'

export async function checkPutImage(site, region, request) {
  let manifest
  try {
    manifest = JSON.parse(request.imageManifest ?? '')
  } catch {
    return undefined // moto answers the malformed manifest itself
  }
  const repository = request.repositoryName
  if (Array.isArray(manifest.manifests)) {
    for (const child of manifest.manifests) {
      const found = await ecrApi(region, 'DescribeImages', {
        repositoryName: repository,
        imageIds: [{ imageDigest: child.digest }]
      })
      if (found.status !== 200)
        return awsError(
          400,
          'ReferencedImagesNotFoundException',
          `The manifest list is referencing an image that does not exist: ${child.digest}`
        )
    }
    return undefined
  }
  const blobs = [manifest.config, ...(manifest.layers ?? [])].filter(b => b?.digest)
  for (const blob of blobs) {
    const head = site
      ? await upstreamRequest(site, 'HEAD', `/v2/${repository}/blobs/${blob.digest}`)
      : { status: 404 }
    if (head.status !== 200)
      return awsError(
        400,
        'LayersNotFoundException',
        `The layer '${blob.digest}' does not exist in the repository '${repository}'.`
      )
  }
  return undefined
}
