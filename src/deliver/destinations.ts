import { InputError, quote } from '../common/errors.js'
import { parseLines } from '../common/inputs.js'
import { parseRegistryHost } from '../ecr/hosts.js'
import { ACCOUNT_ID, REGION } from '../ecr/names.js'

/**
 * A further registry to deliver the same image to. `accountId` undefined: the main registry's account
 * (registry-id, else the caller's). `host`: the registry host given in full (FIPS or dual-stack names
 * kept as given); otherwise the host GetAuthorizationToken names.
 */
export interface Destination {
  /** As written in the input, for messages and the summary. */
  label: string
  region: string
  accountId?: string
  host?: string
  fips: boolean
  dualStack: boolean
}

/** More registries than this in one step is a replication job, not a delivery. */
export const MAX_DESTINATIONS = 20

/**
 * Parses `destinations`: one per line (commas too), each a region (`eu-west-1`, the main account),
 * `account/region` (`210987654321/eu-west-1`), or a private registry host. Duplicates are refused here;
 * the main registry itself by refuseMainRegistry, once the region is resolved (still before any call).
 */
export function parseDestinations(input: string, raw: string, mainAccountId?: string): Destination[] {
  const destinations = parseLines(raw.replaceAll(',', '\n')).map(line => parseDestination(input, line))
  if (destinations.length > MAX_DESTINATIONS)
    throw new InputError(input, `at most ${MAX_DESTINATIONS} destinations in one step`)
  const claims = new RegistryClaims(input)
  for (const d of destinations) claims.claim(d.label, registryKey(d.accountId ?? mainAccountId, d.region))
  return destinations
}

/** A registry's identity: its account (the main one's when not known yet) and its region. */
export function registryKey(accountId: string | undefined, region: string): string {
  return `${accountId ?? '(main account)'}/${region}`
}

/**
 * The registries named so far, by account and region: the one check that no registry is named twice and
 * that no destination is the main registry. Made at parse time (duplicates), with the region resolved
 * (before any call), and again once the login names every account.
 */
export class RegistryClaims {
  private readonly claims = new Map<string, string | undefined>()
  constructor(
    private readonly input: string,
    main?: { accountId?: string; region: string }
  ) {
    if (main) this.claims.set(registryKey(main.accountId, main.region), undefined)
  }

  claim(label: string, key: string): void {
    if (this.claims.has(key)) {
      const earlier = this.claims.get(key)
      throw new InputError(
        this.input,
        earlier === undefined
          ? `${quote(label)} is the main registry (${key.replace('(main account)/', '')}): list only further registries`
          : `${quote(label)} names the same registry as ${quote(earlier)}: list each registry once`
      )
    }
    this.claims.set(key, label)
  }
}

/**
 * Refuses a destination that is the main registry, as far as the account IDs known tell: called with the
 * region resolved, before any call (the login checks again once it knows every account).
 */
export function refuseMainRegistry(
  input: string,
  destinations: Destination[],
  main: { region: string; accountId?: string }
): void {
  const claims = new RegistryClaims(input, main)
  for (const d of destinations) claims.claim(d.label, registryKey(d.accountId ?? main.accountId, d.region))
}

function parseDestination(input: string, line: string): Destination {
  const slash = /^(\d+)\/(.+)$/.exec(line)
  if (slash) {
    const [, accountId, region] = slash as unknown as [string, string, string]
    if (!ACCOUNT_ID.test(accountId))
      throw new InputError(input, `${quote(line)}: ${quote(accountId)} is not a 12-digit account ID`)
    if (!REGION.test(region))
      throw new InputError(input, `${quote(line)}: ${quote(region)} is not a region name`)
    return { label: line, region, accountId, fips: false, dualStack: false }
  }
  if (REGION.test(line)) return { label: line, region: line, fips: false, dualStack: false }
  if (line.includes('.')) {
    const host = parseRegistryHost(line)
    if (host?.kind === 'private' && host.host === line.toLowerCase()) {
      return {
        label: line,
        region: host.region,
        accountId: host.accountId,
        host: host.host,
        fips: host.fips,
        dualStack: host.dualStack
      }
    }
    if (host?.kind === 'public')
      throw new InputError(
        input,
        `${quote(line)}: ECR Public is not a destination (registry-type public pushes there)`
      )
  }
  throw new InputError(
    input,
    `${quote(line)} is not a destination: give a region (eu-west-1), account/region ` +
      '(210987654321/eu-west-1) or a private registry host (210987654321.dkr.ecr.eu-west-1.amazonaws.com)'
  )
}
