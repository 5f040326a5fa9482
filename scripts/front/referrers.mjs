// The OCI 1.1 referrers API, which ECR answers and docker-registry 2.8 does not: a manifest PUT with a
// `subject` is recorded and answered with an `OCI-Subject` header, and GET /v2/<name>/referrers/<digest>
// lists the referrers (an OCI index, `?artifactType=` filtering, `OCI-Filters-Applied` said). Per site: a
// region can be set to answer as an older registry does (no header, 404 on the API), so the client's tag
// schema path is exercised (POST /_front/config {referrersApi: {<region>: false}}).

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
/** region/repository -> subject digest -> referrer digest -> descriptor */
const referrers = new Map()
/** Regions whose registry answers as one without the referrers API. */
const without = new Set()

export function setReferrersApi(region, enabled) {
  if (enabled) without.delete(region)
  else without.add(region)
}

export function referrersApi(region) {
  return !without.has(region)
}

function parsed(bytes) {
  try {
    return JSON.parse(bytes.toString())
  } catch {
    return {}
  }
}

/** A manifest the registry stored: recorded when it has a subject; the subject's digest, if any. */
export function recordManifest(region, repository, digest, mediaType, bytes) {
  const manifest = parsed(bytes)
  const subject = manifest.subject?.digest
  if (!subject) return undefined
  const key = `${region}/${repository}`
  if (!referrers.has(key)) referrers.set(key, new Map())
  const bySubject = referrers.get(key)
  if (!bySubject.has(subject)) bySubject.set(subject, new Map())
  bySubject.get(subject).set(digest, {
    mediaType,
    digest,
    size: bytes.length,
    artifactType: manifest.artifactType ?? manifest.config?.mediaType,
    ...(manifest.annotations ? { annotations: manifest.annotations } : {})
  })
  return subject
}

/**
 * DescribeImages as ECR answers it for a referrer: `subjectManifestDigest` and `artifactMediaType` (its
 * artifactType, else its config's media type), which moto does not give.
 */
export function overlayReferrers(operation, region, repository, answer) {
  if (operation !== 'DescribeImages') return answer
  const bySubject = referrers.get(`${region}/${repository}`)
  if (!bySubject) return answer
  const imageDetails = (answer.imageDetails ?? []).map(detail => {
    for (const [subject, listed] of bySubject) {
      const descriptor = listed.get(detail.imageDigest)
      if (descriptor)
        return {
          ...detail,
          subjectManifestDigest: subject,
          ...(descriptor.artifactType ? { artifactMediaType: descriptor.artifactType } : {})
        }
    }
    return detail
  })
  return { ...answer, imageDetails }
}

/** A manifest deleted: no longer anyone's referrer. */
export function forgetManifest(region, repository, digest) {
  for (const bySubject of referrers.get(`${region}/${repository}`)?.values() ?? []) bySubject.delete(digest)
}

/** The referrers API's answer for a subject: an index of its referrers' descriptors. */
export function answerReferrers(region, repository, subject, artifactType, res) {
  const all = [...(referrers.get(`${region}/${repository}`)?.get(subject)?.values() ?? [])]
  const manifests = artifactType ? all.filter(d => d.artifactType === artifactType) : all
  const body = JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests })
  res.writeHead(200, {
    'Content-Type': OCI_INDEX,
    'Content-Length': Buffer.byteLength(body),
    ...(artifactType ? { 'OCI-Filters-Applied': 'artifactType' } : {})
  })
  res.end(body)
  return 200
}
