import { beforeEach, describe, expect, test } from '@jest/globals'
import {
  ECRClient,
  GetLifecyclePolicyPreviewCommand,
  LifecyclePolicyPreviewInProgressException,
  StartLifecyclePolicyPreviewCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { previewLifecyclePolicy } from '../../src/ecr/lifecycle-preview.js'

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const ref = { name: 'team/app' }
beforeEach(() => {
  ecrMock.reset()
})

describe('previewLifecyclePolicy', () => {
  test('waits out a running preview, polls until COMPLETE, reads every page; nothing is put', async () => {
    ecrMock
      .on(StartLifecyclePolicyPreviewCommand)
      .rejectsOnce(new LifecyclePolicyPreviewInProgressException({ message: 'running', $metadata: {} }))
      .resolves({})
    ecrMock
      .on(GetLifecyclePolicyPreviewCommand)
      .resolvesOnce({ status: 'IN_PROGRESS' })
      .resolvesOnce({ status: 'COMPLETE', previewResults: [{ imageDigest: 'sha256:a' }], nextToken: 'p2' })
      .resolvesOnce({ status: 'COMPLETE', previewResults: [{ imageDigest: 'sha256:b' }] })
    const waits: number[] = []
    const outcome = await previewLifecyclePolicy(client, ref, '{"rules":[]}', {
      deadline: Infinity,
      sleep: async ms => void waits.push(ms)
    })
    expect(outcome).toEqual({
      status: 'COMPLETE',
      results: [{ imageDigest: 'sha256:a' }, { imageDigest: 'sha256:b' }]
    })
    expect(waits).toEqual([2000, 2000])
    expect(ecrMock.commandCalls(StartLifecyclePolicyPreviewCommand)[1]?.args[0].input).toEqual({
      repositoryName: 'team/app',
      registryId: undefined,
      lifecyclePolicyText: '{"rules":[]}'
    })
    expect(ecrMock.calls().map(c => c.args[0].constructor.name)).not.toContain('PutLifecyclePolicyCommand')
  })

  test.each(['FAILED', 'EXPIRED'])('%s is an error', async status => {
    ecrMock.on(StartLifecyclePolicyPreviewCommand).resolves({})
    ecrMock.on(GetLifecyclePolicyPreviewCommand).resolves({ status: status as 'FAILED' })
    await expect(previewLifecyclePolicy(client, ref, '{}', { deadline: Infinity })).rejects.toThrow(
      `The lifecycle policy preview ${status}`
    )
  })

  test('bounded: a preview that never finishes fails at the deadline', async () => {
    ecrMock.on(StartLifecyclePolicyPreviewCommand).resolves({})
    ecrMock.on(GetLifecyclePolicyPreviewCommand).resolves({ status: 'IN_PROGRESS' })
    let clock = 0
    await expect(
      previewLifecyclePolicy(client, ref, '{}', {
        deadline: 10_000,
        sleep: async ms => void (clock += ms),
        now: () => clock
      })
    ).rejects.toThrow('The lifecycle policy preview did not finish in time')
  })
})
