import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { ECRClient } from '@aws-sdk/client-ecr'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_ENDPOINT } from '../../src/common/endpoints.js'

jest.unstable_mockModule('@actions/core', () => ({ setSecret: jest.fn(), info: jest.fn(), debug: jest.fn() }))
const { getRegistryLogins } = await import('../../src/ecr/auth.js')
const { awsClientConfig } = await import('../../src/common/aws.js')

const token = (password: string) => Buffer.from(`AWS:${password}`).toString('base64')

// A scripted ECR endpoint: each request takes the next answer.
let requests = 0
let server: Server | undefined
const throttled = () => ({ status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } })
const tokenAnswer = () => ({
  status: 200,
  body: {
    authorizationData: [
      {
        authorizationToken: token('pw'),
        proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com'
      }
    ]
  }
})
async function realClient(answers: { status: number; body: object }[]): Promise<ECRClient> {
  requests = 0
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      requests++
      const answer = answers.shift() ?? { status: 500, body: {} }
      res
        .writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>(resolve => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return new ECRClient({
    ...awsClientConfig('ECR', 'eu-west-1', DEFAULT_ENDPOINT),
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
  })
}
afterEach(() => void server?.close())

describe('GetAuthorizationToken throttled', () => {
  // The SDK's adaptive retry mode is the one retry layer of AWS calls: these go through a real client
  // (aws-sdk-client-mock would stand in for the middleware that retries) against a scripted endpoint.
  test('a throttled token call is retried by the SDK, with backoff', async () => {
    const answers = [throttled(), throttled(), tokenAnswer()]
    const logins = await getRegistryLogins(await realClient(answers), [], DEFAULT_ENDPOINT)
    expect(logins).toHaveLength(1)
    expect(requests).toBe(3)
  })

  // The SDK's own backoff for throttling (0.5 s doubling, jittered): a few seconds of real time.
  test('throttling that never ends gives up after the bound (5 attempts)', async () => {
    const answers = Array.from({ length: 10 }, throttled)
    await expect(getRegistryLogins(await realClient(answers), [], DEFAULT_ENDPOINT)).rejects.toThrow(
      'Rate exceeded'
    )
    expect(requests).toBe(5)
  }, 30_000)
})

describe('a quota is not throttling', () => {
  // ECR raises LimitExceededException for quotas; the SDK would count it as throttling and retry it.
  const quota = () => ({
    status: 400,
    body: {
      __type: 'LimitExceededException',
      message: 'The maximum number of images per repository has been reached'
    }
  })
  test('LimitExceededException is final at once, and the error names the call and the quota', async () => {
    const answers = [quota(), tokenAnswer()]
    await expect(getRegistryLogins(await realClient(answers), [], DEFAULT_ENDPOINT)).rejects.toThrow(
      /^GetAuthorizationToken: an ECR quota is reached \(The maximum number of images per repository has been reached\)\. A quota is not throttling, so it is not retried/
    )
    expect(requests).toBe(1)
  })
})
