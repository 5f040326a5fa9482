// Calls to moto's other services (Secrets Manager...) from the front itself, in the JSON 1.1 protocol.
import { motoUrl } from './moto.mjs'

export async function callService(region, service, target, body) {
  const response = await fetch(motoUrl(), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': target,
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}
