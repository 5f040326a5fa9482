// The peers' repositories, made before they run.
import { callEcrJsonApi } from '../test/fixtures/ecr-json-api.js'
import type { Context } from './runners.js'
import { BenchError } from './util.js'

/**
 * Creates a peer's repository through the ECR API, untimed: the front refuses a push to a repository the
 * API does not have, as ECR does (ours creates its own, and that is part of its time).
 */
export async function createPeerRepository(ctx: Context, repository: string): Promise<void> {
  const region = /\.dkr\.ecr\.([a-z0-9-]+)\./.exec(ctx.registry)?.[1]
  const endpoint = ctx.env.AWS_ENDPOINT_URL_ECR
  if (!region || !endpoint) throw new BenchError(`no ECR API for ${ctx.registry}`)
  try {
    await callEcrJsonApi(endpoint, region, 'CreateRepository', { repositoryName: repository })
  } catch (error) {
    if ((error as Error).name !== 'RepositoryAlreadyExistsException') throw error
  }
}
