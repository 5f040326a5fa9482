import { beforeEach, describe, expect, test } from '@jest/globals'
import {
  CreateRepositoryCreationTemplateCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  UpdateRepositoryCreationTemplateCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import {
  createCreationTemplate,
  listCreationTemplates,
  templateFromEcr,
  updateCreationTemplate,
  type CreationTemplate
} from '../../src/ecr/creation-templates.js'

const ecr = mockClient(ECRClient)
const client = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
beforeEach(() => {
  ecr.reset()
})

const template: CreationTemplate = {
  prefix: 'hub',
  appliedFor: ['PULL_THROUGH_CACHE'],
  tagMutability: 'IMMUTABLE'
}

describe('creation templates API', () => {
  test('every page is read, with the registry it belongs to', async () => {
    ecr
      .on(DescribeRepositoryCreationTemplatesCommand, { nextToken: undefined })
      .resolves({
        registryId: '123456789012',
        repositoryCreationTemplates: [{ prefix: 'a' }],
        nextToken: 't'
      })
      .on(DescribeRepositoryCreationTemplatesCommand, { nextToken: 't' })
      .resolves({ registryId: '123456789012', repositoryCreationTemplates: [{ prefix: 'b' }] })
    const listed = await listCreationTemplates(client)
    expect(listed).toEqual({ registryId: '123456789012', templates: [{ prefix: 'a' }, { prefix: 'b' }] })
    expect(ecr.commandCalls(DescribeRepositoryCreationTemplatesCommand)).toHaveLength(2)
  })

  test('a denial says what to do', async () => {
    ecr
      .on(DescribeRepositoryCreationTemplatesCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }))
    await expect(listCreationTemplates(client)).rejects.toThrow(
      /^Access denied for DescribeRepositoryCreationTemplates: not allowed \(see the README/
    )
  })

  test('create leaves out what is not declared; update sends every field, "none" as empty, to clear it', async () => {
    ecr.on(CreateRepositoryCreationTemplateCommand).resolves({})
    ecr.on(UpdateRepositoryCreationTemplateCommand).resolves({})
    await createCreationTemplate(client, template)
    await updateCreationTemplate(client, template)
    const fields = {
      prefix: 'hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      imageTagMutability: 'IMMUTABLE',
      imageTagMutabilityExclusionFilters: [],
      encryptionConfiguration: { encryptionType: 'AES256', kmsKey: undefined },
      resourceTags: []
    }
    expect(ecr.commandCalls(CreateRepositoryCreationTemplateCommand)[0]?.args[0].input).toEqual({
      ...fields,
      description: undefined,
      lifecyclePolicy: undefined,
      repositoryPolicy: undefined,
      customRoleArn: undefined
    })
    expect(ecr.commandCalls(UpdateRepositoryCreationTemplateCommand)[0]?.args[0].input).toEqual({
      ...fields,
      description: '',
      lifecyclePolicy: '',
      repositoryPolicy: '',
      customRoleArn: ''
    })
  })

  test('templateFromEcr: empty values are "none"', () => {
    expect(
      templateFromEcr({
        prefix: 'hub',
        appliedFor: ['PULL_THROUGH_CACHE'],
        description: '',
        imageTagMutability: 'MUTABLE',
        imageTagMutabilityExclusionFilters: [],
        encryptionConfiguration: { encryptionType: 'AES256' },
        lifecyclePolicy: '',
        resourceTags: [{ Key: 'team', Value: 'core' }],
        customRoleArn: ''
      })
    ).toEqual({
      prefix: 'hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: undefined,
      tagMutability: 'MUTABLE',
      tagMutabilityExclusions: undefined,
      encryptionType: 'AES256',
      kmsKey: undefined,
      lifecyclePolicy: undefined,
      repositoryPolicy: undefined,
      tags: { team: 'core' },
      roleArn: undefined
    })
  })
})
