import * as core from '@actions/core'
import { removeImageTag } from '../../ecr/images.js'
import type { RegistryLogin } from '../../ecr/auth.js'
import type { RegistryClient } from '../../registry/client.js'
import { readTags } from '../../registry/tags.js'
import { governRepository } from '../governance.js'
import type { DeliverInputs } from '../inputs.js'
import { deliveryTarget } from '../target.js'
import { eachGoing, type Ensured, type LoggedIn, type Opened, type Stage } from './state.js'

/** Opens a registry client for a login (the push path's modules are loaded only by a run that pushes). */
export type OpenRegistry = (login: RegistryLogin) => Promise<RegistryClient>

/** Ensures and governs the repository in each destination that logged in, with the main one's settings. */
export async function ensureDestinationRepositories(
  stages: Stage<LoggedIn>[],
  inputs: DeliverInputs,
  name: string
): Promise<Stage<Ensured>[]> {
  return eachGoing(
    stages,
    'repository',
    stage =>
      core.group(`Ensure repository ${name} in ${stage.destination.label}`, async () => {
        const report = await governRepository(stage.ecr, { ...inputs, registryId: stage.accountId }, name)
        // The host as logged in to (a FIPS or dual-stack name stays as given).
        const target = deliveryTarget(report, `${stage.login.host}/${name}`, tag =>
          removeImageTag(stage.ecr, name, tag, stage.accountId)
        )
        return { ...stage, report, target }
      }),
    { oneByOne: true }
  )
}

/**
 * Opens each destination's registry and reads what its tags hold: once, before anything is written
 * anywhere (the pushes use these reads). A destination that cannot be read fails on its own.
 */
export async function readDestinationTags(
  stages: Stage<Ensured>[],
  tags: string[],
  read: 'digest' | 'manifest',
  openRegistry: OpenRegistry
): Promise<Stage<Opened>[]> {
  return eachGoing(stages, 'reading its tags', async stage => {
    const registry = await openRegistry(stage.login)
    return { ...stage, registry, held: await readTags(registry, stage.target.repository, tags, read) }
  })
}
