import * as core from '@actions/core'
import { messageOf } from '../common/errors.js'
import { parseJson } from '../common/json.js'
import { DockerCli } from '../docker/cli.js'
import { State } from './constants.js'
import * as log from '../common/log.js'

/** The post step: log out of every registry the main step logged in to, unless skip-logout. */
export async function runPost(): Promise<void> {
  if (core.getState(State.skipLogout) === 'true') {
    log.info('skip-logout is true: leaving docker logged in')
    return
  }
  const hosts = registriesOf(core.getState(State.registries))
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

/** The hosts the main step recorded: a JSON list of strings; anything else is no host to log out of. */
function registriesOf(state: string): string[] {
  try {
    const value = parseJson(state || '[]')
    return Array.isArray(value) ? value.filter((host): host is string => typeof host === 'string') : []
  } catch (error) {
    core.warning(`The recorded registries could not be read (${messageOf(error)}): nothing to log out of`)
    return []
  }
}
