/**
 * The outputs the bundled actions write in real runs, against what their action.yml declares. Every run
 * in every integration test already fails on an output its action.yml does not declare (runStep); here
 * each kind of run must write exactly the outputs action.yml says it produces, each with a value where one
 * is promised, and together the runs cover every declared output. (__tests__/actions.test.ts only finds
 * a setOutput call in the source, which dead code would satisfy.)
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOciLayout } from '../fixtures/images.js'
import {
  PASSWORD,
  REGISTRY,
  buildImage,
  declaredOutputs,
  ecrApi,
  newDockerConfig,
  run,
  runStep,
  testEnv,
  uniqueRepository,
  type StepResult
} from './harness.js'
import { pushImage } from './registry-seed.js'

const work = mkdtempSync(join(tmpdir(), 'outputs-it-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const ACTIONS = {
  deliver: { yml: 'action.yml', entry: 'dist/deliver/index.js' },
  cleanup: { yml: 'cleanup/action.yml', entry: 'dist/cleanup/index.js' },
  cache: { yml: 'pull-through-cache/action.yml', entry: 'dist/pull-through-cache/index.js' }
} as const
type ActionName = keyof typeof ACTIONS

interface Case {
  name: string
  action: ActionName
  /** Sets up what the run needs; returns its inputs and environment. */
  prepare: () => Promise<{ inputs: Record<string, string>; env?: Record<string, string> }>
  /** The outputs the run writes, each with a value, but those listed in `empty` (written, empty). */
  outputs: string[]
  empty?: string[]
}

const LOGIN = ['registry', 'docker-username', 'docker-password']
const DELIVERY = [
  ...LOGIN,
  'repository-uri',
  'image-digest',
  'image-uri',
  'image-uris',
  'deliveries',
  'referrers'
]
const SCAN = ['scan-status', 'findings', 'findings-file']
const CLEANUP = declaredOutputs(ACTIONS.cleanup.yml)
const CACHE = ['rules', 'images', 'image-digests', 'templates']

/** A cached image, as a first pull through a rule with this prefix would have left it. */
async function prefill(repository: string, tag: string): Promise<void> {
  await ecrApi('CreateRepository', { repositoryName: repository })
  const dir = join(work, repository.replace(/\//g, '_'))
  await writeOciLayout(dir, {
    platforms: [{ os: 'linux', architecture: 'amd64', layers: [{ size: 1000 }] }],
    seed: repository
  })
  await run('skopeo', [
    'copy',
    '-q',
    '--dest-creds',
    `AWS:${PASSWORD}`,
    `oci:${dir}`,
    `docker://${REGISTRY}/${repository}:${tag}`
  ])
}

const cases: Case[] = [
  { name: 'login only', action: 'deliver', prepare: async () => ({ inputs: {} }), outputs: LOGIN },
  {
    name: 'a repository ensured, nothing pushed',
    action: 'deliver',
    prepare: async () => ({ inputs: { repository: uniqueRepository('out') } }),
    outputs: [...LOGIN, 'repository-uri']
  },
  {
    name: 'a docker engine image with the scan gate',
    action: 'deliver',
    prepare: async () => {
      await buildImage('it-outputs:scan', `outputs ${Date.now()}`)
      return {
        inputs: {
          image: 'it-outputs:scan',
          repository: uniqueRepository('out'),
          scan: 'wait',
          'scan-timeout': '60s'
        }
      }
    },
    outputs: [...DELIVERY, 'platform-digests', ...SCAN],
    empty: ['platform-digests']
  },
  {
    name: 'a multi-platform source to two registries',
    action: 'deliver',
    prepare: async () => {
      const dir = join(work, 'multi')
      await writeOciLayout(dir, {
        platforms: ['amd64', 'arm64'].map(architecture => ({
          os: 'linux',
          architecture,
          layers: [{ size: 1000 }]
        })),
        seed: `outputs-multi-${Date.now()}`
      })
      // Signed with a KMS key made with the AWS CLI (moto's KMS): signature-digest is written too.
      const { stdout } = await run(
        'aws',
        ['kms', 'create-key', '--key-spec', 'ECC_NIST_P256', '--key-usage', 'SIGN_VERIFY'],
        { AWS_DEFAULT_REGION: testEnv.AWS_REGION as string }
      )
      return {
        inputs: {
          source: dir,
          repository: uniqueRepository('out'),
          destinations: testEnv.ECR_TEST_REGION2 as string,
          'signing-key': (JSON.parse(stdout) as { KeyMetadata: { Arn: string } }).KeyMetadata.Arn
        }
      }
    },
    outputs: [...DELIVERY, 'platform-digests', 'signature-digest']
  },
  {
    name: 'a cleanup that deletes an image and an empty repository',
    action: 'cleanup',
    prepare: async () => {
      const [repository, empty] = [uniqueRepository('out-cl'), uniqueRepository('out-cl')]
      for (const name of [repository, empty]) await ecrApi('CreateRepository', { repositoryName: name })
      for (const tag of ['old', 'new']) await pushImage(repository, tag)
      return {
        inputs: {
          repositories: `${repository}\n${empty}`,
          'keep-last': '0',
          'older-than': '0d',
          'keep-tags': 'new',
          'keep-in-use': 'none',
          'delete-empty-repositories': 'true'
        }
      }
    },
    outputs: CLEANUP
  },
  {
    name: 'cache rules and an image warmed',
    action: 'cache',
    prepare: async () => {
      const prefix = `out${Date.now().toString(36)}`
      await prefill(`${prefix}/org/app`, 'v1')
      return { inputs: { rules: `- prefix: ${prefix}\n  upstream: quay`, warm: `${prefix}/org/app:v1` } }
    },
    outputs: CACHE
  },
  {
    name: "cache rules and a Dockerfile's base image warmed",
    action: 'cache',
    prepare: async () => {
      const prefix = `outb${Date.now().toString(36)}`
      await prefill(`${prefix}/org/base`, 'v1')
      const workspace = mkdtempSync(join(work, 'repo-'))
      writeFileSync(join(workspace, 'Dockerfile'), 'FROM quay.io/org/base:v1\n')
      return {
        inputs: { rules: `- prefix: ${prefix}\n  upstream: quay`, 'warm-from': 'Dockerfile' },
        env: { GITHUB_WORKSPACE: workspace }
      }
    },
    outputs: [...CACHE, 'build-contexts', 'dockerfile']
  }
]

describe.each(Object.keys(ACTIONS) as ActionName[])(
  '%s: the runs below cover every output action.yml declares',
  action => {
    test('no declared output is left to no run', () => {
      const covered = new Set(cases.filter(c => c.action === action).flatMap(c => c.outputs))
      expect(declaredOutputs(ACTIONS[action].yml).filter(name => !covered.has(name))).toEqual([])
    })
  }
)

describe('each run writes exactly the outputs it should', () => {
  test.each(cases)('$action: $name', async ({ action, prepare, outputs, empty = [] }) => {
    const { inputs, env } = await prepare()
    const result: StepResult = await runStep(ACTIONS[action].yml, ACTIONS[action].entry, {
      dockerConfig: newDockerConfig(),
      inputs,
      env
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(Object.keys(result.outputs).sort()).toEqual([...outputs].sort())
    for (const name of outputs)
      expect([name, result.outputs[name] === '']).toEqual([name, empty.includes(name)])
  })
})
