import { messageOf } from '../common/errors.js'
import { parseJson } from '../common/json.js'
import { printLine, printWarning, stateOf } from '../common/workflow.js'
import { DockerCli } from '../docker/cli.js'
import { State } from './constants.js'

/**
 * The post step: log out of every registry the main step logged in to, unless skip-logout. Nothing here
 * may fail the job: every failure, expected or not, is a warning.
 */
export async function runPost(): Promise<void> {
  try {
    await logOut()
  } catch (error) {
    printWarning(`The post step could not log out: ${messageOf(error)}`)
  }
}

async function logOut(): Promise<void> {
  if (stateOf(State.skipLogout) === 'true') {
    printLine('skip-logout is true: leaving docker logged in')
    return
  }
  const hosts = registriesOf(stateOf(State.registries))
  const docker = new DockerCli({ print: printLine })
  for (const host of hosts) {
    try {
      await docker.logout(host)
    } catch (error) {
      // A failed logout must not turn a green job red: say so and go on with the others.
      printWarning(`Could not log out of ${host}: ${messageOf(error)}`)
    }
  }
}

/** The hosts the main step recorded: a JSON list of strings; anything else is no host to log out of. */
function registriesOf(state: string): string[] {
  try {
    const value = parseJson(state || '[]')
    return Array.isArray(value) ? value.filter((host): host is string => typeof host === 'string') : []
  } catch (error) {
    printWarning(`The recorded registries could not be read (${messageOf(error)}): nothing to log out of`)
    return []
  }
}
