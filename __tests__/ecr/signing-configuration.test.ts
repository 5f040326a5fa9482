import { beforeEach, describe, expect, test } from '@jest/globals'
import {
  DescribeImageSigningStatusCommand,
  ECRClient,
  GetSigningConfigurationCommand,
  PutSigningConfigurationCommand,
  SigningConfigurationNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../src/common/errors.js'
import { ensureSigningRule, signingStatusOf } from '../../src/ecr/signing-configuration.js'

const ecrMock = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
beforeEach(() => {
  ecrMock.reset()
})

const PROFILE = 'arn:aws:signer:eu-west-1:123456789012:/signing-profiles/release'
const OTHER_RULE = {
  signingProfileArn: 'arn:aws:signer:eu-west-1:123456789012:/signing-profiles/other',
  repositoryFilters: [{ filter: 'legacy/*', filterType: 'WILDCARD_MATCH' as const }]
}
const repository = { name: 'team/app', registryId: '123456789012' }

describe('ensureSigningRule', () => {
  test('no configuration yet: one rule put, for this repository', async () => {
    ecrMock
      .on(GetSigningConfigurationCommand)
      .rejects(new SigningConfigurationNotFoundException({ message: 'none', $metadata: {} }))
    ecrMock.on(PutSigningConfigurationCommand).resolves({})
    const result = await ensureSigningRule(client, PROFILE, repository)
    expect(result.plan.kind).toBe('add')
    expect(ecrMock.commandCalls(PutSigningConfigurationCommand)[0]?.args[0].input).toEqual({
      signingConfiguration: {
        rules: [
          {
            signingProfileArn: PROFILE,
            repositoryFilters: [{ filter: 'team/app', filterType: 'WILDCARD_MATCH' }]
          }
        ]
      }
    })
  })

  test('other rules are put back exactly as read, the new one last', async () => {
    ecrMock
      .on(GetSigningConfigurationCommand)
      .resolves({ registryId: '123456789012', signingConfiguration: { rules: [OTHER_RULE] } })
    ecrMock.on(PutSigningConfigurationCommand).resolves({})
    const result = await ensureSigningRule(client, PROFILE, repository)
    expect(result.ruleCount).toBe(2)
    const put = ecrMock.commandCalls(PutSigningConfigurationCommand)[0]?.args[0].input
    expect(put?.signingConfiguration?.rules?.[0]).toEqual(OTHER_RULE)
  })

  test('covered: nothing is put', async () => {
    ecrMock.on(GetSigningConfigurationCommand).resolves({
      registryId: '123456789012',
      signingConfiguration: {
        rules: [
          {
            signingProfileArn: PROFILE,
            repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD_MATCH' }]
          }
        ]
      }
    })
    const result = await ensureSigningRule(client, PROFILE, repository)
    expect(result.plan).toEqual({ kind: 'covered', rule: 0, filter: 'team/*' })
    expect(ecrMock.commandCalls(PutSigningConfigurationCommand)).toHaveLength(0)
  })

  test("another account's registry (registry-id): refused before any change", async () => {
    ecrMock
      .on(GetSigningConfigurationCommand)
      .resolves({ registryId: '999999999999', signingConfiguration: { rules: [] } })
    await expect(ensureSigningRule(client, PROFILE, repository)).rejects.toThrow(
      /registry "999999999999"'s, the repository "team\/app" is in registry "123456789012"/
    )
    expect(ecrMock.commandCalls(PutSigningConfigurationCommand)).toHaveLength(0)
  })

  test('over the limits: an ActionError naming them, nothing put', async () => {
    ecrMock.on(GetSigningConfigurationCommand).resolves({
      signingConfiguration: { rules: Array.from({ length: 10 }, () => OTHER_RULE) }
    })
    const error = await ensureSigningRule(client, PROFILE, repository).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(/^Managed signing for "team\/app": .*ECR's limit is 10/)
    expect(ecrMock.commandCalls(PutSigningConfigurationCommand)).toHaveLength(0)
  })

  test('PutSigningConfiguration denied: explained with the action', async () => {
    ecrMock.on(GetSigningConfigurationCommand).resolves({ signingConfiguration: { rules: [] } })
    ecrMock.on(PutSigningConfigurationCommand).rejects(
      Object.assign(new Error('not authorized to perform: ecr:PutSigningConfiguration'), {
        name: 'AccessDeniedException'
      })
    )
    await expect(ensureSigningRule(client, PROFILE, repository)).rejects.toThrow(
      /^Access denied for PutSigningConfiguration: not authorized/
    )
  })
})

describe('signingStatusOf', () => {
  test("this profile's status among several; by digest and registry", async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({
      signingStatuses: [
        { signingProfileArn: OTHER_RULE.signingProfileArn, status: 'FAILED' },
        { signingProfileArn: PROFILE, status: 'COMPLETE' }
      ]
    })
    const image = { repositoryName: 'team/app', registryId: '123456789012', digest: 'sha256:aa' }
    expect(await signingStatusOf(client, image, PROFILE)).toEqual({
      signingProfileArn: PROFILE,
      status: 'COMPLETE'
    })
    expect(ecrMock.commandCalls(DescribeImageSigningStatusCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/app',
      registryId: '123456789012',
      imageId: { imageDigest: 'sha256:aa' }
    })
  })

  test('none reported for the profile: undefined', async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [] })
    expect(
      await signingStatusOf(client, { repositoryName: 'a', digest: 'sha256:aa' }, PROFILE)
    ).toBeUndefined()
  })
})
