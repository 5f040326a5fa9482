import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/**
 * Sends a streamed request body with node:http(s) and returns the answer as a fetch Response.
 * Node's fetch reads a streamed body as fast as the source gives it, without backpressure: a 1 GiB layer
 * cost 1.2 GB of memory. node:http pauses the source while the socket is busy, so memory stays flat.
 */
export async function sendStream(
  url: string,
  method: string,
  headers: Headers,
  body: AsyncIterable<Uint8Array>
): Promise<Response> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const request = send(target, { method, headers: Object.fromEntries(headers) })
  let answer: IncomingMessage | undefined
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', response => {
      answer = response
      resolve(response)
    })
    request.once('error', reject)
  })
  answered.catch(() => {}) // observed below; a failure here also fails the pipeline
  try {
    await pipeline(Readable.from(body), request)
  } catch (error) {
    // A registry may answer (413, 401) and close before reading the whole body: its answer says more.
    if (!answer) throw error
  }
  return toResponse(await answered)
}

function toResponse(message: IncomingMessage): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const status = message.statusCode ?? 500
  if (NULL_BODY_STATUSES.has(status)) {
    message.resume()
    return new Response(null, { status, headers })
  }
  return new Response(Readable.toWeb(message) as ReadableStream<Uint8Array>, { status, headers })
}
