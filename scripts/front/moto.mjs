// Calls to moto's ECR API from the front itself (JSON 1.1 protocol; moto checks no signature).

/** @type {{moto: string}} */
const config = { moto: 'http://127.0.0.1:5055' }

export function configureMoto(url) {
  config.moto = url
}

export function motoUrl() {
  return config.moto
}

/** Calls one ECR operation in a region; the answer's status and parsed body. */
export async function ecrApi(region, operation, body) {
  const response = await fetch(config.moto, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/ecr/aws4_request, SignedHeaders=host, Signature=0`
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

const wildcard = pattern =>
  new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`
  )

/** Whether moto says the tag is immutable in the repository (mutability with its exclusions). */
export async function tagIsImmutable(region, repository, tag) {
  const { status, body } = await ecrApi(region, 'DescribeRepositories', { repositoryNames: [repository] })
  if (status !== 200) return false
  const repo = body.repositories?.[0] ?? {}
  const excluded = (repo.imageTagMutabilityExclusionFilters ?? []).some(f => wildcard(f.filter).test(tag))
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded
    default:
      return false
  }
}

/** An AWS JSON error answer, as ECR writes them. */
export function awsError(status, type, message) {
  return { status, body: { __type: type, message } }
}
