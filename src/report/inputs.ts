import { parseEndpointChoice, variantOf, type EndpointVariant } from '../common/endpoints.js'
import { InputError, quote } from '../common/errors.js'
import { parseBoolean, parseEnum, parseLines, parseList } from '../common/inputs.js'
import { parseScanKinds, type ScanKind } from '../ecr/in-use/references.js'
import { parseAccountId, parseRegion } from '../ecr/names.js'
import { Input } from './constants.js'
import type { ReportDocument } from './document.js'
import { parseRequirements, type Requirements } from './requirements.js'

export interface ReportInputs {
  /** Repository names or globs (`team/*`, `**`). */
  repositories: string[]
  registryId?: string
  /** The regions to read; empty: the current region. */
  regions: string[]
  requirements: Requirements
  failOn: 'none' | 'non-compliant'
  findings: boolean
  /** Deployment kinds scanned for images in use (none: empty). */
  inUse: ScanKind[]
  prices: ReportDocument['prices']
  /** Report files (paths or globs) to merge instead of reading a registry. */
  merge: string[]
  /** The endpoint variant of every AWS call. */
  endpoint: EndpointVariant
}

/** ECR's standard storage list price, USD per GB-month (the archive class costs the same below 150 TB). */
const LIST_PRICE = 0.1
const MAX_PRICE = 1000
/** Regions read by one step: every commercial region fits. */
const MAX_REGIONS = 40

/** Reads and checks every report input, before any AWS call. */
export function parseReportInputs(
  get: (name: string) => string,
  env: Record<string, string | undefined> = process.env
): ReportInputs {
  const repositories = parseList(get(Input.repositories))
  const findings = parseBoolean(Input.findings, get(Input.findings), false)
  const regions = parseList(get(Input.regions)).map(region => parseRegion(Input.regions, region))
  if (regions.length > MAX_REGIONS)
    throw new InputError(Input.regions, `names ${regions.length} regions, more than ${MAX_REGIONS}`)
  const inputs: ReportInputs = {
    repositories: repositories.length > 0 ? repositories : ['**'],
    registryId: parseAccountId(Input.registryId, get(Input.registryId)),
    regions,
    requirements: parseRequirements(get(Input.require), findings),
    failOn: parseEnum(Input.failOn, get(Input.failOn), ['none', 'non-compliant'] as const) ?? 'none',
    findings,
    inUse: parseScanKinds(Input.inUse, get(Input.inUse), []),
    prices: {
      perGbMonth: parsePrice(Input.pricePerGbMonth, get(Input.pricePerGbMonth)),
      archivePerGbMonth: parsePrice(Input.archivePricePerGbMonth, get(Input.archivePricePerGbMonth))
    },
    merge: parseLines(get(Input.merge)),
    endpoint: variantOf(parseEndpointChoice(Input.endpoint, get(Input.endpoint), name => env[name]))
  }
  if (inputs.merge.length > 0) refuseWithMerge(inputs)
  return inputs
}

/**
 * A merge reads report files only: the inputs that read a registry or judge it are refused with it (each
 * report carries its own requirements' results). `repositories` still filters what is merged.
 */
function refuseWithMerge(inputs: ReportInputs): void {
  const refused: [string, boolean][] = [
    [Input.registryId, inputs.registryId !== undefined],
    [Input.regions, inputs.regions.length > 0],
    [Input.require, Object.keys(inputs.requirements).length > 0],
    [Input.findings, inputs.findings],
    [Input.inUse, inputs.inUse.length > 0]
  ]
  const given = refused.find(([, isGiven]) => isGiven)
  if (given) {
    throw new InputError(
      given[0],
      'cannot be given with merge: a merge calls no AWS API and keeps each report’s own results'
    )
  }
}

function parsePrice(input: string, raw: string): number {
  const value = raw.trim()
  if (value === '') return LIST_PRICE
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > MAX_PRICE)
    throw new InputError(
      input,
      `must be a price in USD from 0 to ${MAX_PRICE} (like 0.10), got ${quote(value)}`
    )
  return Number(value)
}
