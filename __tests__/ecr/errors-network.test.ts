import { describe, expect, test } from '@jest/globals'
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { callAws } from '../../src/ecr/errors.js'

describe('an AWS API that cannot be reached', () => {
  test('the failure names the call, the endpoint and the attempts the SDK made', async () => {
    // A closed port on loopback: nothing listens on port 1.
    const client = new ECRClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 2
    })
    await expect(
      callAws('DescribeRepositories', () => client.send(new DescribeRepositoriesCommand({})))
    ).rejects.toThrow(
      /^DescribeRepositories: could not reach the AWS endpoint 127\.0\.0\.1:1 \(ECONNREFUSED, after 2 attempts\): check the network, the proxy variables and any AWS_ENDPOINT_URL_\* setting$/
    )
  })

  test('an answer from AWS is not a network failure', async () => {
    const error = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400, attempts: 5 }
    })
    await expect(callAws('DescribeImages', () => Promise.reject(error))).rejects.toBe(error)
  })
})
