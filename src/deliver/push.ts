import pLimit, { type LimitFunction } from 'p-limit'
import type { DockerCli } from '../docker/cli.js'
import type { RegistryClient } from '../registry/client.js'
import type { StoredManifest } from '../registry/manifests.js'
import type { ArchiveStart } from '../registry/push-archive.js'
import { readTags, refuseImmutableMoves, type HeldTag, type OurImage } from '../registry/tags.js'
import { isIndex } from '../registry/media-types.js'
import type { Delivery, DeliveryTarget } from './delivery.js'
import type { Delivered, Ensured, Opened, Stage } from './fan-out/index.js'
import type { OpenRegistry } from './fan-out/prepare.js'
import { isFailed } from './fan-out/state.js'
import type { DeliverInputs, ReferrerChoice } from './inputs.js'
import { tagReadOf, type PushPayload } from './payload.js'
import { deliverDockerImage } from './docker-push.js'
import { deliverSourceImage } from './source-push.js'
import { engineImage } from './tag-plan.js'

type FanOut = typeof import('./fan-out/index.js')

/** What a push needs: the main registry, and the destinations with their module when there are any. */
export interface PushContext {
  inputs: DeliverInputs
  /** The docker CLI, and when its login to the main registry has ended (docker push needs it). */
  docker?: { cli: DockerCli; loggedIn: Promise<void> }
  main: {
    registry: RegistryClient
    target: DeliveryTarget
    /** What its tags hold, when read already (early.ts); read here otherwise. */
    held?: Promise<HeldTag[]>
    /** An archive's push begun (push-archive.ts: startArchivePush). */
    archiveStart?: ArchiveStart
  }
  fanOut?: { module: FanOut; destinations: Stage<Ensured>[]; openRegistry: OpenRegistry }
}

/** Where the image went: the main registry's delivery (or why it failed) and each destination's. */
export type PushOutcome =
  | { ok: true; delivery: Delivery; destinations: Stage<Delivered>[] }
  | { ok: false; error: unknown; destinations: Stage<Delivered>[] }

/** What every kind of push starts from: the tags read once in each registry, and one upload limit. */
interface Prepared {
  held: HeldTag[]
  opened: Stage<Opened>[]
  limit: LimitFunction
}

/**
 * Pushes to the main registry and every destination. Each registry's tags are read once, and an
 * immutable tag that holds another image anywhere fails the step before anything is written anywhere;
 * then the payload's own push runs.
 */
export async function pushPayload(context: PushContext, payload: PushPayload): Promise<PushOutcome> {
  const { main, fanOut } = context
  const tags = payload.work.tags
  const read = tagReadOf(payload)
  const [mainRead, opened] = await Promise.all([
    (main.held ?? readTags(main.registry, main.target.repository, tags, read)).then(
      held => ({ held }),
      (error: unknown) => ({ error })
    ),
    fanOut ? fanOut.module.readDestinationTags(fanOut.destinations, tags, read, fanOut.openRegistry) : []
  ])
  const going = opened.flatMap(stage =>
    isFailed(stage)
      ? []
      : [
          {
            repositoryUri: stage.target.repositoryUri,
            held: stage.held,
            isImmutable: stage.target.isImmutable
          }
        ]
  )
  const mainHeld =
    'held' in mainRead
      ? [
          {
            repositoryUri: main.target.repositoryUri,
            held: mainRead.held,
            isImmutable: main.target.isImmutable
          }
        ]
      : []
  refuseImmutableMoves([...mainHeld, ...going], ourImage(payload))
  if ('error' in mainRead) {
    // The main registry cannot be read: its push fails. A layout still goes to the others, straight
    // from its files; the rest are copied from the main registry, so nothing can go anywhere.
    if (payload.kind !== 'layout' || !fanOut) throw mainRead.error
    const destinations = await fanOut.module.pushLayoutToDestinations(opened, payload.image, tags, {
      limit: pLimit(payload.work.maxConcurrency),
      mountFrom: payload.work.mountFrom,
      referrers: payload.work.referrers
    })
    return { ok: false, error: mainRead.error, destinations }
  }
  const held = mainRead.held
  const limit = pLimit(payload.kind === 'engine' ? 5 : payload.work.maxConcurrency)
  const prepared = { held, opened, limit }
  switch (payload.kind) {
    case 'engine':
      return pushEngineImage(context, payload, prepared)
    case 'archive':
      return pushArchive(context, payload, prepared)
    case 'layout':
      return pushLayout(context, payload, prepared)
  }
}

/** How an image already in a registry is recognised as this one, before its digest is known. */
function ourImage(payload: PushPayload): OurImage {
  if (payload.kind === 'engine') return engineImage(payload.image)
  if (payload.kind === 'layout') {
    const { digest } = payload.image.top
    return { digest, isOurs: stored => stored.digest === digest, describe: digest }
  }
  const config = payload.image.config.digest
  return {
    isOurs: (stored: StoredManifest) =>
      !isIndex(stored.manifest) && stored.manifest.config?.digest === config,
    describe: `the archive's image (config ${config})`
  }
}

/** The docker engine's image: docker push to the main registry, then copied registry to registry. */
async function pushEngineImage(
  context: PushContext,
  payload: Extract<PushPayload, { kind: 'engine' }>,
  prepared: Prepared
): Promise<PushOutcome> {
  const { main } = context
  const docker = context.docker as NonNullable<PushContext['docker']>
  // docker push reads the credentials docker login writes.
  await docker.loggedIn
  const delivery = await deliverDockerImage(
    docker.cli,
    main.registry,
    payload.image,
    main.target,
    payload.work.tags,
    prepared.held
  )
  return {
    ok: true,
    delivery,
    destinations: await copyToOthers(context, delivery, prepared, payload.work.referrers)
  }
}

/** A docker-save archive: compressed once, for the main registry, then copied registry to registry. */
async function pushArchive(
  context: PushContext,
  payload: Extract<PushPayload, { kind: 'archive' }>,
  prepared: Prepared
): Promise<PushOutcome> {
  const { work } = payload
  const delivery = await deliverSourceImage(
    context.main.registry,
    payload.image,
    context.main.target,
    work.tags,
    {
      concurrency: work.maxConcurrency,
      mountFrom: work.mountFrom,
      limit: prepared.limit,
      held: prepared.held,
      referrers: work.referrers,
      archiveStart: context.main.archiveStart
    }
  )
  return {
    ok: true,
    delivery,
    destinations: await copyToOthers(context, delivery, prepared, work.referrers, work.mountFrom)
  }
}

/**
 * An OCI layout: every registry at once, straight from the files, through the one limit. The main push's
 * failure is the step's, reported once the others end (they may have the image).
 */
async function pushLayout(
  context: PushContext,
  payload: Extract<PushPayload, { kind: 'layout' }>,
  prepared: Prepared
): Promise<PushOutcome> {
  const { work, image } = payload
  const options = { limit: prepared.limit, mountFrom: work.mountFrom, referrers: work.referrers }
  const [main, others] = await Promise.allSettled([
    deliverSourceImage(context.main.registry, image, context.main.target, work.tags, {
      ...options,
      concurrency: work.maxConcurrency,
      held: prepared.held
    }),
    context.fanOut
      ? context.fanOut.module.pushLayoutToDestinations(prepared.opened, image, work.tags, options)
      : Promise.resolve([])
  ])
  // pushLayoutToDestinations keeps each destination's failure as that destination's: it never rejects.
  const destinations = others.status === 'fulfilled' ? others.value : []
  if (main.status === 'rejected') return { ok: false, error: main.reason, destinations }
  const checked = context.fanOut?.module.checkSameDigest(destinations, main.value.digest) ?? []
  return { ok: true, delivery: main.value, destinations: checked }
}

/** What the main registry now holds, copied into every destination still going. */
async function copyToOthers(
  context: PushContext,
  delivery: Delivery,
  prepared: Prepared,
  referrers: ReferrerChoice,
  mountFrom?: string
): Promise<Stage<Delivered>[]> {
  if (!context.fanOut) return []
  const { module } = context.fanOut
  const copied = await module.copyToDestinations(
    prepared.opened,
    { registry: context.main.registry, repository: context.main.target.repository },
    delivery,
    { limit: prepared.limit, mountFrom, referrers }
  )
  return module.checkSameDigest(copied, delivery.digest)
}
