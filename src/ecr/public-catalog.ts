import { InputError } from '../common/errors.js'

/** The gallery's catalog data for a public repository, as declared (undefined: not declared, left as it is). */
export interface PublicCatalog {
  description?: string
  aboutText?: string
  usageText?: string
  architectures?: string[]
  operatingSystems?: string[]
}

/** ECR Public's limits (API reference, RepositoryCatalogDataInput). */
const TEXT_LIMITS = { description: 1024, aboutText: 25_600, usageText: 25_600 } as const
const MAX_ITEMS = 50
const MAX_ITEM_CHARS = 50
/** The names the gallery shows a badge for (and filters by); any other string is accepted and not shown. */
const BADGES = {
  architectures: ['ARM', 'ARM 64', 'x86', 'x86-64'],
  operatingSystems: ['Linux', 'Windows']
} as const

/**
 * Pure: the catalog inputs checked against ECR Public's limits (an InputError naming the input), and a
 * warning for each name the gallery shows no badge for (the API accepts any string).
 */
export function checkPublicCatalog(
  catalog: PublicCatalog,
  inputNames: Record<keyof PublicCatalog, string>
): { catalog: PublicCatalog; warnings: string[] } {
  for (const field of ['description', 'aboutText', 'usageText'] as const) {
    const text = catalog[field]
    if (text !== undefined && text.length > TEXT_LIMITS[field])
      throw new InputError(
        inputNames[field],
        `at most ${TEXT_LIMITS[field]} characters (ECR Public's limit), got ${text.length}`
      )
  }
  const warnings: string[] = []
  for (const field of ['architectures', 'operatingSystems'] as const) {
    const list = catalog[field] ?? []
    if (list.length > MAX_ITEMS)
      throw new InputError(inputNames[field], `at most ${MAX_ITEMS} names, got ${list.length}`)
    const long = list.find(name => name.length > MAX_ITEM_CHARS)
    if (long !== undefined)
      throw new InputError(inputNames[field], `each name at most ${MAX_ITEM_CHARS} characters`)
    const badges: readonly string[] = BADGES[field]
    const unknown = list.filter(name => !badges.includes(name))
    if (unknown.length > 0)
      warnings.push(
        `${inputNames[field]}: the gallery shows a badge only for ${badges.join(', ')}; ${unknown.map(n => JSON.stringify(n)).join(', ')} is kept but not shown`
      )
  }
  return { catalog, warnings }
}

/**
 * Pure: the declared fields that differ from what ECR Public holds (a field not declared is left as it
 * is), and the catalog to put: what is held with the declared fields over it.
 */
export function catalogChanges(
  declared: PublicCatalog,
  held: PublicCatalog
): { changed: (keyof PublicCatalog)[]; catalog: PublicCatalog } {
  const changed: (keyof PublicCatalog)[] = []
  const catalog: PublicCatalog = {
    description: held.description,
    aboutText: held.aboutText,
    usageText: held.usageText,
    architectures: held.architectures,
    operatingSystems: held.operatingSystems
  }
  for (const field of ['description', 'aboutText', 'usageText'] as const) {
    const value = declared[field]
    if (value !== undefined && value !== (held[field] ?? '')) {
      changed.push(field)
      catalog[field] = value
    }
  }
  for (const field of ['architectures', 'operatingSystems'] as const) {
    const value = declared[field]
    if (value !== undefined && value.length > 0 && value.join('\n') !== (held[field] ?? []).join('\n')) {
      changed.push(field)
      catalog[field] = value
    }
  }
  return { changed, catalog }
}
