import * as core from '@actions/core'
import { messageOf } from '../common/errors.js'
import { DockerCli } from '../docker/cli.js'
import { State } from './constants.js'
import * as log from '../common/log.js'

/** The post step: log out of every registry the main step logged in to, unless skip-logout. */
export async function runPost(): Promise<void> {
  if (core.getState(State.skipLogout) === 'true') {
    log.info('skip-logout is true: leaving docker logged in')
    return
  }
  const hosts = JSON.parse(core.getState(State.registries) || '[]') as string[]
  const docker = new DockerCli()
  for (const host of hosts) {
    try {
      await docker.logout(host)
    } catch (error) {
      // A failed logout must not turn a green job red: say so and go on with the others.
      core.warning(`Could not log out of ${host}: ${messageOf(error)}`)
    }
  }
}
