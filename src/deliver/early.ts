import type { RegistryLogin } from '../ecr/auth.js'
import type { RegistryClient } from '../registry/client.js'
import type { ArchiveStart } from '../registry/push-archive.js'
import type { HeldTag } from '../registry/tags.js'
import type { DeliverInputs } from './inputs.js'
import { load, openRegistry } from './lazy.js'
import { tagReadOf, type Payload } from './payload.js'

/**
 * What a push starts as soon as the main registry's credentials are there, while its repository is
 * ensured: nothing written, so a broken payload or a refused repository still stops the step before
 * anything changes. The registry opened, what each tag holds read once (the push reads nothing more
 * before writing), and for an archive the layers the registry lacks begun compressing.
 */
export interface EarlyPush {
  registry: Promise<RegistryClient>
  held: Promise<HeldTag[]>
  /** An archive's push begun (push-archive.ts: startArchivePush); undefined for other payloads. */
  archive: Promise<ArchiveStart | undefined>
  /** Ends what was begun and not taken (before the payload's files close). */
  dispose(): Promise<void>
}

/**
 * Pure: whether the push can start before the repository is ensured. A private repository's path is its
 * name in the login's registry; ECR Public's holds the registry alias, known only once it is ensured.
 */
export function startsEarly(payload: Payload, isPublic: boolean, name: string | undefined): boolean {
  return payload.kind !== 'none' && !isPublic && name !== undefined
}

/** Starts the push's reads, and an archive's first layers. Every promise is observed (none rejects unseen). */
export function startEarlyPush(
  login: RegistryLogin,
  payload: Payload,
  name: string,
  inputs: DeliverInputs
): EarlyPush {
  const registry = openRegistry(login, inputs.stallTimeoutMs)
  const read = tagReadOf(payload)
  const tags = payload.kind === 'none' ? [] : payload.work.tags
  const held = Promise.all([registry, load.tags()]).then(([client, { readTags }]) =>
    readTags(client, name, tags, read)
  )
  const archive =
    payload.kind === 'archive'
      ? Promise.all([registry, held, load.pushArchive()]).then(([client, tagsHeld, { startArchivePush }]) =>
          startArchivePush(client, name, payload.image, tagsHeld, {
            concurrency: payload.work.maxConcurrency
          })
        )
      : Promise.resolve(undefined)
  // Each is awaited by the push, or never when an earlier phase fails: observed here either way.
  for (const started of [registry, held, archive]) started.catch(() => undefined)
  // The push's own code, loaded meanwhile.
  load.push().catch(() => undefined)
  return {
    registry,
    held,
    archive,
    dispose: async () => {
      const started = await archive.catch(() => undefined)
      await started?.cancel()
    }
  }
}
