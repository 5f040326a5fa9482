// ECR managed signing, which moto lacks: an image manifest pushed (not a referrer) into a repository that a
// rule of the region's signing configuration covers (registry-settings.mjs) is IN_PROGRESS for each rule's
// profile, then, after `signingDelayMs` (POST /_front/config), COMPLETE: "signed" by pushing a Notation-style
// signature referrer (artifactType application/vnd.cncf.notary.signature, the empty config, one
// application/jose+json layer holding a fake JWS envelope, `subject` the image) through the front's own upstream
// path, mirrored into moto and recorded for the referrers API, as a push of it would be. A profile whose name
// contains `fail` ends FAILED (failureCode, failureReason); one whose name contains `stuck` stays IN_PROGRESS.
// DescribeImageSigningStatus answers as ECR's model says (signingStatuses per profile).
import { createHash } from 'node:crypto'
import { awsError, ecrApi } from './moto.mjs'
import { signingRules } from './registry-settings.mjs'
import { recordManifest } from './referrers.mjs'
import { mirror, upstreamRequest } from './registry.mjs'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const NOTARY_SIGNATURE = 'application/vnd.cncf.notary.signature'
const EMPTY = 'application/vnd.oci.empty.v1+json'

export const signingSettings = { signingDelayMs: 1500 }

/** `region/repository@digest` -> profile ARN -> {status, failureCode?, failureReason?} */
const statuses = new Map()

const wildcard = filter =>
  new RegExp(
    `^${filter
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('.*')}$`
  )

function profilesFor(region, repository) {
  const covering = signingRules(region).filter(
    rule =>
      !rule.repositoryFilters?.length ||
      rule.repositoryFilters.some(f => wildcard(String(f.filter)).test(repository))
  )
  return [...new Set(covering.map(rule => rule.signingProfileArn))]
}

const sha256 = bytes => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const b64 = value => Buffer.from(value).toString('base64url')

/**
 * A manifest stored that is not a referrer: signing starts for each profile whose rule covers the
 * repository and has not signed this digest yet. `registry` stores blobs and manifests upstream.
 */
export function startSigning(site, repository, subject, registry = ownWrites(site)) {
  const key = `${site.region}/${repository}@${subject.digest}`
  for (const profile of profilesFor(site.region, repository)) {
    const byProfile = statuses.get(key) ?? new Map()
    statuses.set(key, byProfile)
    if (byProfile.has(profile)) continue
    byProfile.set(profile, { signingProfileArn: profile, status: 'IN_PROGRESS' })
    const name = profile.split('/').pop()
    if (name.includes('stuck')) continue
    setTimeout(async () => {
      if (name.includes('fail')) {
        byProfile.set(profile, {
          signingProfileArn: profile,
          status: 'FAILED',
          failureCode: 'AccessDeniedException',
          failureReason: `The pushing principal is not authorized to perform signer:SignPayload on ${profile}`
        })
        return
      }
      try {
        const digest = await pushSignature(repository, subject, profile, registry)
        byProfile.set(profile, { signingProfileArn: profile, status: 'COMPLETE' })
        site.log(`signed ${repository}@${subject.digest} (${site.region}) with ${profile}: ${digest}`)
      } catch (error) {
        byProfile.set(profile, {
          signingProfileArn: profile,
          status: 'FAILED',
          failureCode: 'StandInError',
          failureReason: error.message
        })
        site.log(`signing ${repository}@${subject.digest} (${site.region}) failed: ${error.message}`)
      }
    }, signingSettings.signingDelayMs)
  }
}

/**
 * The front's own writes into a region's registry (managed signing's signature): blobs and a manifest put
 * upstream, the manifest mirrored into moto as a push through the front would be.
 */
export function ownWrites(site) {
  const check = (answer, what) => {
    if (answer.status >= 300) throw new Error(`${what}: the registry answered ${answer.status}`)
    return answer
  }
  return {
    region: site.region,
    async putBlob(repository, bytes) {
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      const head = await upstreamRequest(site, 'HEAD', `/v2/${repository}/blobs/${digest}`)
      if (head.status === 200) return
      const started = check(await upstreamRequest(site, 'POST', `/v2/${repository}/blobs/uploads/`), 'upload')
      const location = new URL(started.headers.location, 'http://upstream')
      location.searchParams.set('digest', digest)
      const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length }
      check(
        await upstreamRequest(site, 'PUT', `${location.pathname}${location.search}`, headers, bytes),
        'blob'
      )
    },
    async putManifest(repository, digest, bytes, mediaType) {
      const headers = { 'Content-Type': mediaType, 'Content-Length': bytes.length }
      check(
        await upstreamRequest(site, 'PUT', `/v2/${repository}/manifests/${digest}`, headers, bytes),
        'manifest'
      )
      await mirror(site, repository, digest, undefined, mediaType)
    }
  }
}

/** The Notation-style signature of the subject, pushed as a referrer of it; its digest. */
async function pushSignature(repository, subject, profile, registry) {
  const payload = { targetArtifact: subject }
  const envelope = Buffer.from(
    JSON.stringify({
      payload: b64(JSON.stringify(payload)),
      protected: b64(
        JSON.stringify({
          alg: 'PS384',
          crit: ['io.cncf.notary.signingScheme'],
          cty: 'application/vnd.cncf.notary.payload.v1+json',
          'io.cncf.notary.signingScheme': 'notary.x509.signingAuthority',
          'io.cncf.notary.signingTime': new Date().toISOString()
        })
      ),
      header: { x5c: [], 'io.cncf.notary.signingAgent': 'ecr-deliver test front (not a real signature)' },
      signature: b64(createHash('sha256').update(`${profile} ${subject.digest}`).digest())
    })
  )
  const empty = Buffer.from('{}')
  await registry.putBlob(repository, empty)
  await registry.putBlob(repository, envelope)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: NOTARY_SIGNATURE,
      config: { mediaType: EMPTY, digest: sha256(empty), size: empty.length, data: 'e30=' },
      layers: [{ mediaType: 'application/jose+json', digest: sha256(envelope), size: envelope.length }],
      subject,
      annotations: {
        'io.cncf.notary.x509chain.thumbprint#S256': JSON.stringify([
          createHash('sha256').update(profile).digest('hex')
        ]),
        'org.opencontainers.image.created': new Date().toISOString()
      }
    })
  )
  const digest = sha256(manifest)
  await registry.putManifest(repository, digest, manifest, OCI_MANIFEST)
  recordManifest(registry.region, repository, digest, OCI_MANIFEST, manifest)
  return digest
}

/** DescribeImageSigningStatus: the repository and the image as moto knows them, the statuses as kept here. */
export async function describeImageSigningStatus(region, request) {
  const repositoryName = request.repositoryName
  const found = await ecrApi(region, 'DescribeRepositories', { repositoryNames: [repositoryName] })
  if (found.status !== 200) return found
  if (!request.imageId?.imageDigest && !request.imageId?.imageTag)
    return awsError(400, 'InvalidParameterException', 'imageId must name an imageDigest or an imageTag')
  const image = await ecrApi(region, 'DescribeImages', { repositoryName, imageIds: [request.imageId] })
  if (image.status !== 200) return image
  const digest = image.body.imageDetails?.[0]?.imageDigest
  const byProfile = statuses.get(`${region}/${repositoryName}@${digest}`)
  return {
    status: 200,
    body: {
      repositoryName,
      imageId: {
        imageDigest: digest,
        ...(request.imageId.imageTag ? { imageTag: request.imageId.imageTag } : {})
      },
      registryId: found.body.repositories?.[0]?.registryId ?? '123456789012',
      signingStatuses: [...(byProfile?.values() ?? [])].map(s => ({ ...s }))
    }
  }
}

/** An image deleted: its statuses go with it. */
export function forgetSigning(region, repository, digest) {
  statuses.delete(`${region}/${repository}@${digest}`)
}
