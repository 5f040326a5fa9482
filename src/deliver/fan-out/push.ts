import * as core from '@actions/core'
import type { LimitFunction } from 'p-limit'
import { ActionError } from '../../common/errors.js'
import { formatBytes } from '../../common/format.js'
import * as log from '../../common/log.js'
import type { RegistryClient } from '../../registry/client.js'
import { copyImage, type CopyOptions } from '../../registry/copy.js'
import { pushImage, type PushResult } from '../../registry/push.js'
import type { LayoutImageSource } from '../../registry/sources/types.js'
import { resultOf, type Delivery } from '../delivery.js'
import type { DeliverInputs, ReferrerChoice } from '../inputs.js'
import { runScanGate } from '../scan-gate.js'
import { eachGoing, failed, isFailed, type Delivered, type Opened, type Stage } from './state.js'

/** What a push into a destination gave, as the outputs and the summary show it. */
function deliveryOf(stage: Opened, result: PushResult, size: number): Delivery {
  const uri = stage.target.repositoryUri
  return {
    digest: result.digest,
    size,
    tags: result.tags.map(({ tag, outcome }) => ({ tag, reference: `${uri}:${tag}`, result: outcome })),
    platforms: result.platforms,
    referrers: result.referrers,
    blobs: result.blobs
  }
}

function delivered(stage: Opened, result: PushResult, size: number): Delivered {
  const delivery = deliveryOf(stage, result, size)
  log.info(`${stage.target.repositoryUri}: ${describe(delivery)}`)
  return { ...stage, delivery }
}

type DestinationOptions = { limit: LimitFunction; mountFrom?: string; referrers: ReferrerChoice }

/** What a push or a copy into a destination takes: the step's shared options and the destination's tag facts. */
function writeOptions(stage: Opened, options: DestinationOptions): CopyOptions {
  const { target } = stage
  return {
    limit: options.limit,
    mountFrom: options.mountFrom,
    isImmutable: target.isImmutable,
    repositoryUri: target.repositoryUri,
    held: stage.held,
    referrers: options.referrers
  }
}

/**
 * Pushes a layout straight from its files into every destination still going, at once (alongside the
 * main push, which the caller runs): blobs through the one shared limit, each destination read from the
 * page cache, each registry's HEAD first, its tags as read before.
 */
export async function pushLayoutToDestinations(
  stages: Stage<Opened>[],
  image: LayoutImageSource,
  tags: string[],
  options: DestinationOptions
): Promise<Stage<Delivered>[]> {
  const size = image.blobs.reduce((sum, blob) => sum + blob.size, 0)
  return eachGoing(stages, 'push', async stage => {
    const result = await pushImage(stage.registry, stage.target.repository, image, tags, {
      concurrency: 1,
      ...writeOptions(stage, options)
    })
    return delivered(stage, result, size)
  })
}

/**
 * Copies what the main registry now holds into every destination still going, at once, registry to
 * registry (the docker engine pushed only to the main one; an archive was compressed once, for it).
 */
export async function copyToDestinations(
  stages: Stage<Opened>[],
  main: { registry: RegistryClient; repository: string },
  delivery: Delivery,
  options: DestinationOptions
): Promise<Stage<Delivered>[]> {
  const tags = delivery.tags.map(t => t.tag)
  return eachGoing(stages, 'copy', async stage => {
    const result = await copyImage(
      main,
      { registry: stage.registry, repository: stage.target.repository },
      delivery.digest,
      tags,
      writeOptions(stage, options)
    )
    return delivered(stage, result, delivery.size)
  })
}

/** The same manifest bytes give the same digest everywhere: a destination that says otherwise failed. */
export function checkSameDigest(stages: Stage<Delivered>[], digest: string): Stage<Delivered>[] {
  return stages.map(stage =>
    isFailed(stage) || stage.delivery.digest === digest
      ? stage
      : {
          ...failed(
            stage,
            'digest',
            new ActionError(`the registry holds ${stage.delivery.digest}, the main registry ${digest}`)
          ),
          delivery: undefined
        }
  )
}

/** With scan-destinations: the scan gate in each destination the image reached. */
export async function scanDestinations(
  stages: Stage<Delivered>[],
  inputs: DeliverInputs
): Promise<Stage<Delivered>[]> {
  return eachGoing(
    stages,
    'scan gate',
    stage =>
      core.group(`Scan gate in ${stage.destination.label}`, async () => {
        const scan = await runScanGate(stage.ecr, stage.report.repository, stage.delivery, inputs.scan)
        if (scan.failure) throw new ActionError(scan.failure)
        return { ...stage, scan }
      }),
    { oneByOne: true }
  )
}

function describe(delivery: Delivery): string {
  const sent = (delivery.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0)
  return resultOf(delivery) === 'unchanged'
    ? `every tag already points at ${delivery.digest}`
    : `${delivery.digest} under ${delivery.tags.length} tag${delivery.tags.length > 1 ? 's' : ''}, ${formatBytes(sent)} sent`
}
