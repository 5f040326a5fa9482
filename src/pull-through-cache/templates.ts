import { isMap, isSeq, parseDocument } from 'yaml'
import { InputError, quote } from '../common/errors.js'
import { parseBoolean, parseEnum, parseList } from '../common/inputs.js'
import { APPLIED_FOR, type AppliedFor, type CreationTemplate } from '../ecr/creation-templates.js'
import { REPOSITORY_NAME } from '../ecr/names.js'
import { ENCRYPTION_TYPES } from '../ecr/settings-diff.js'
import { TAG_MUTABILITIES } from '../ecr/mutability.js'
import {
  checkEncryption,
  checkRepositoryPolicyLength,
  checkResourceTags,
  checkTagMutability,
  readLifecyclePolicy,
  readRepositoryPolicy
} from '../ecr/repository-settings.js'
import { ROLE_ARN } from './rules.js'
import { parseYamlList } from './yaml-list.js'
import { Input } from './constants.js'

/** The repository creation templates a step declares, checked, and what to warn about them. */
export interface TemplateInputs {
  /** The rules' `template:` entries first (applied for PULL_THROUGH_CACHE), then the `templates` input's. */
  templates: CreationTemplate[]
  /** Bring existing repositories under a template's prefix in line with it. */
  applyToExisting: boolean
  /** Lifecycle linter notes and known pitfalls, each naming where it was declared: printed before any call. */
  warnings: string[]
}

const SETTINGS = [
  'mutability',
  'mutability-exclusions',
  'encryption',
  'kms-key',
  'lifecycle-policy',
  'repository-policy',
  'tags',
  'description',
  'role'
]
const TEMPLATE_FIELDS = ['prefix', 'applied-for', ...SETTINGS]
const MAX_DESCRIPTION = 256
const MAX_PREFIX = 256

/**
 * Reads the `template:` of each rule (the `rules` input, already checked by parseCacheRules) and the
 * `templates` input, and checks every field before any call. Errors name the input, the rule or item,
 * and the field: `Input "rules": rule 2 (hub) template: kms-key is required with encryption KMS`.
 */
export function parseTemplateInputs(get: (name: string) => string, rulesText: string): TemplateInputs {
  const warnings: string[] = []
  const fromRules = ruleTemplates(rulesText, warnings)
  const listed = listedTemplates(get(Input.templates), warnings)
  // Rules have unique prefixes already: a second template for a prefix is always a `templates` item.
  listed.forEach((template, index) => {
    const rule = fromRules.findIndex(t => t.prefix === template.prefix)
    const item = listed.findIndex(t => t.prefix === template.prefix)
    if (rule >= 0 || item !== index) {
      throw new InputError(
        Input.templates,
        `template ${index + 1} (${template.prefix}): the prefix already has a template ` +
          (rule >= 0 ? "in rules (a rule's template:)" : `(template ${item + 1})`)
      )
    }
  })
  const templates = [...fromRules, ...listed]
  return {
    templates,
    applyToExisting: parseBoolean(Input.applyToExisting, get(Input.applyToExisting), false),
    warnings
  }
}

function ruleTemplates(rulesText: string, warnings: string[]): CreationTemplate[] {
  if (rulesText.trim() === '') return []
  const document = parseDocument(rulesText)
  if (!isSeq(document.contents)) return []
  const templates: CreationTemplate[] = []
  document.contents.items.forEach((item, index) => {
    if (!isMap(item)) return
    const fields = item.toJSON() as Record<string, unknown>
    if (fields.template === undefined || fields.template === null) return
    const prefix = String(fields.prefix)
    const where = `rule ${index + 1} (${prefix}) template`
    const settings = mapping(Input.rules, where, fields.template, SETTINGS)
    templates.push(
      parseTemplate(Input.rules, where, { prefix, appliedFor: ['PULL_THROUGH_CACHE'] }, settings, warnings)
    )
  })
  return templates
}

function listedTemplates(raw: string, warnings: string[]): CreationTemplate[] {
  return parseYamlList(Input.templates, raw, 'templates').map((item, index) => {
    const fields = mapping(Input.templates, `template ${index + 1}`, isMap(item) ? item.toJSON() : item, [
      ...TEMPLATE_FIELDS
    ])
    const prefix = scalar(fields.prefix)
    const where = `template ${index + 1}${prefix ? ` (${prefix})` : ''}`
    if (!prefix)
      throw new InputError(Input.templates, `${where}: prefix is required (a repository prefix, or ROOT)`)
    if (prefix !== 'ROOT' && (prefix.length > MAX_PREFIX || !REPOSITORY_NAME.test(prefix))) {
      throw new InputError(
        Input.templates,
        `${where}: prefix ${quote(prefix)} must be ROOT or up to ${MAX_PREFIX} characters of lowercase letters and digits separated by . _ - or /`
      )
    }
    const appliedFor = within(Input.templates, where, () => parseAppliedFor(fields['applied-for']))
    return parseTemplate(Input.templates, where, { prefix, appliedFor }, fields, warnings)
  })
}

/** A YAML mapping with only the known fields. */
function mapping(input: string, where: string, value: unknown, known: string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError(input, `${where} must be a mapping (fields: ${known.join(', ')})`)
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw new InputError(input, `${where}: unknown field ${quote(key)} (fields: ${known.join(', ')})`)
  }
  return value as Record<string, unknown>
}

/** A scalar field as text; undefined when empty. A list or mapping where a value belongs is refused by the caller. */
function scalar(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') throw new InputError('', 'must be a single value, not a list or mapping')
  const text = String(value).trim()
  return text === '' ? undefined : text
}

/** A field that may be a YAML list or one comma-separated line. */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return parseList(value.map(item => scalar(item) ?? '').join('\n'))
  return parseList(scalar(value) ?? '')
}

/**
 * JSON inline (a YAML block of JSON text, or JSON written straight into the YAML, which YAML reads as a
 * mapping) or a path in the workspace: the text the shared readers take.
 */
function jsonText(value: unknown): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return scalar(value) ?? ''
}

/** Runs a shared check, whose InputError names the field, and names the input and the template instead. */
function within<T>(input: string, where: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(input, `${where}: ${error.input ? `${error.input} ` : ''}${error.rule}`)
    throw error
  }
}

function parseAppliedFor(value: unknown): AppliedFor[] {
  const scenarios = list(value).map(item => parseEnum('applied-for', item, APPLIED_FOR) as AppliedFor)
  if (scenarios.length === 0)
    throw new InputError('applied-for', `is required: one or more of ${APPLIED_FOR.join(', ')}`)
  return scenarios
}

function parseTemplate(
  input: string,
  where: string,
  target: { prefix: string; appliedFor: AppliedFor[] },
  fields: Record<string, unknown>,
  warnings: string[]
): CreationTemplate {
  return within(input, where, () => {
    const field = (name: string) => within('', name, () => scalar(fields[name]))
    const tagMutability = parseEnum('mutability', field('mutability') ?? '', TAG_MUTABILITIES)
    const tagMutabilityExclusions = checkTagMutability(
      { mutability: 'mutability', exclusions: 'mutability-exclusions' },
      tagMutability,
      within('', 'mutability-exclusions', () => list(fields['mutability-exclusions']))
    )
    const encryptionType = parseEnum('encryption', field('encryption') ?? '', ENCRYPTION_TYPES)
    const kmsKey = field('kms-key')
    checkEncryption({ encryption: 'encryption', kmsKey: 'kms-key' }, encryptionType, kmsKey)

    const lifecycle = readLifecyclePolicy('lifecycle-policy', jsonText(fields['lifecycle-policy']))
    for (const warning of lifecycle?.warnings ?? []) warnings.push(`${where}: lifecycle-policy: ${warning}`)
    const policy = readRepositoryPolicy('repository-policy', jsonText(fields['repository-policy']))
    if (policy) checkRepositoryPolicyLength('repository-policy', policy)

    const tags = parseTags(fields.tags)
    const description = field('description')
    if (description && description.length > MAX_DESCRIPTION)
      throw new InputError('description', `is longer than ECR's ${MAX_DESCRIPTION} characters`)
    const roleArn = field('role')
    if (roleArn && !ROLE_ARN.test(roleArn))
      throw new InputError('role', `${quote(roleArn)} is not an IAM role ARN`)

    if (tags && target.appliedFor.includes('PULL_THROUGH_CACHE')) {
      warnings.push(
        `${where}: resource tags in a PULL_THROUGH_CACHE template are known to make the first pull of a new ` +
          'image through the cache fail (aws/containers-roadmap#2398): warm the images, or leave tags out'
      )
    }
    if ((tags || kmsKey) && !roleArn) {
      warnings.push(
        `${where}: ECR needs a custom role (role:) to apply resource tags or a KMS key from a template`
      )
    }
    return {
      prefix: target.prefix,
      appliedFor: [...target.appliedFor],
      description,
      tagMutability,
      tagMutabilityExclusions,
      encryptionType,
      kmsKey,
      lifecyclePolicy: lifecycle?.text,
      repositoryPolicy: policy ? JSON.stringify(policy) : undefined,
      tags,
      roleArn
    }
  })
}

/** `tags:` is a mapping of key: value. */
function parseTags(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError('tags', 'must be a mapping of key: value')
  const tags = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, within('', `tags.${key}`, () => scalar(item) ?? '')])
  )
  checkResourceTags('tags', tags)
  return Object.keys(tags).length > 0 ? tags : undefined
}
