/**
 * Delivery to further registries (`destinations`), in phases, each returning every destination a stage
 * further or failed (state.ts): log in, ensure and govern the repository as the main one is, read the
 * tags once, push a layout straight from its files or copy from the main registry, check the digest, wait for
 * ECR managed signing, scan.
 * One destination failing does not stop the others; an immutable conflict anywhere stops everything
 * before anything is written anywhere. main.ts loads this module only when there are destinations.
 */
export { logInToDestinations } from './login.js'
export { ensureDestinationRepositories, readDestinationTags, type OpenRegistry } from './prepare.js'
export { checkSameDigest, copyToDestinations, pushLayoutToDestinations, scanDestinations } from './push.js'
export { signDestinations } from './signing.js'
export { destinationRecords, destinationRows, destinationsFailure } from './report.js'
export { isFailed, type Delivered, type Ensured, type LoggedIn, type Opened, type Stage } from './state.js'
