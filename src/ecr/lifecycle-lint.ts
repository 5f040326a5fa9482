import { quote } from '../common/errors.js'
/** ECR lifecycle policy rules, checked locally so a bad policy fails before any call, naming the rule. */

export const MAX_LIFECYCLE_POLICY_CHARS = 30_720
const TAG_STATUSES = ['tagged', 'untagged', 'any']
const COUNT_TYPES = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']
const STORAGE_CLASSES = ['standard', 'archive']

export interface LintResult {
  errors: string[]
  warnings: string[]
}

interface Rule {
  rulePriority?: unknown
  description?: unknown
  selection?: {
    tagStatus?: unknown
    tagPrefixList?: unknown
    tagPatternList?: unknown
    storageClass?: unknown
    countType?: unknown
    countUnit?: unknown
    countNumber?: unknown
  }
  action?: { type?: unknown; targetStorageClass?: unknown }
}

/**
 * Pure: every problem of a parsed lifecycle policy (`text` for its length). One function on purpose: the
 * checks read top to bottom in the order ECR's documentation gives the rules.
 */
export function lintLifecyclePolicy(policy: unknown, text: string): LintResult {
  const errors: string[] = []
  const warnings: string[] = []
  if (text.length > MAX_LIFECYCLE_POLICY_CHARS) {
    errors.push(`the policy is ${text.length} characters; ECR takes at most ${MAX_LIFECYCLE_POLICY_CHARS}`)
  }
  const rules = (policy as { rules?: unknown } | null)?.rules
  if (!Array.isArray(rules) || rules.length === 0) {
    errors.push('the policy needs a non-empty "rules" list')
    return { errors, warnings }
  }
  const priorities = new Map<number, number>()
  let untaggedRules = 0
  rules.forEach((raw: Rule, index) => {
    const name = `rule ${index + 1}${Number.isInteger(raw?.rulePriority) ? ` (priority ${raw.rulePriority})` : ''}`
    const fail = (why: string) => errors.push(`${name}: ${why}`)
    if (!Number.isInteger(raw?.rulePriority) || (raw.rulePriority as number) < 1) {
      fail('rulePriority must be a whole number of 1 or more')
    } else {
      const priority = raw.rulePriority as number
      if (priorities.has(priority))
        fail(`rulePriority ${priority} is also used by rule ${priorities.get(priority)}`)
      priorities.set(priority, index + 1)
    }
    const selection = raw?.selection ?? {}
    const { tagStatus, tagPrefixList, tagPatternList, countType, countUnit, countNumber, storageClass } =
      selection
    const lists = [tagPrefixList, tagPatternList].filter(list => list !== undefined)
    if (!TAG_STATUSES.includes(tagStatus as string))
      fail(`selection.tagStatus must be one of ${TAG_STATUSES.join(', ')}`)
    if (tagStatus === 'tagged' && lists.length === 0) {
      fail('tagStatus tagged needs tagPrefixList or tagPatternList (which tags does it select?)')
    }
    if (tagStatus !== 'tagged' && lists.length > 0) {
      fail(
        `tagStatus ${String(tagStatus)} cannot have tagPrefixList or tagPatternList (only tagged rules select by tag)`
      )
    }
    if (tagStatus === 'untagged') untaggedRules++
    for (const [key, list] of [
      ['tagPrefixList', tagPrefixList],
      ['tagPatternList', tagPatternList]
    ] as const) {
      if (list === undefined) continue
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every(item => typeof item === 'string' && item)
      ) {
        fail(`${key} must be a non-empty list of strings`)
        continue
      }
      if (key === 'tagPatternList') {
        for (const pattern of list as string[]) {
          if ((pattern.match(/\*/g) ?? []).length > 4)
            fail(`tag pattern ${quote(pattern)} has more than four *`)
        }
      }
      if (list.length > 1) {
        warnings.push(
          `${name}: the ${list.length} entries of ${key} are ANDed: an image must carry a tag for each (${(list as string[]).join(', ')})`
        )
      }
    }
    if (storageClass !== undefined && !STORAGE_CLASSES.includes(storageClass as string)) {
      fail(`selection.storageClass must be standard or archive`)
    }
    if (!COUNT_TYPES.includes(countType as string))
      fail(`selection.countType must be one of ${COUNT_TYPES.join(', ')}`)
    else if (countType === 'imageCountMoreThan' && countUnit !== undefined) {
      fail('countType imageCountMoreThan takes no countUnit')
    } else if (countType !== 'imageCountMoreThan' && countUnit !== 'days') {
      fail(`countType ${String(countType)} needs countUnit "days"`)
    }
    if (!Number.isInteger(countNumber) || (countNumber as number) < 1)
      fail('selection.countNumber must be a whole number of 1 or more')
    const action = raw?.action ?? {}
    if (action.type !== 'expire' && action.type !== 'transition')
      fail('action.type must be expire or transition')
    if (action.type === 'transition' && action.targetStorageClass !== 'archive') {
      fail('action.type transition needs targetStorageClass "archive"')
    }
  })
  if (untaggedRules > 1) errors.push(`${untaggedRules} rules select untagged images; ECR allows one`)
  const anyRules = rules
    .map((rule: Rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule?.selection?.tagStatus === 'any')
  const highest = Math.max(...[...priorities.keys()])
  for (const { rule, index } of anyRules) {
    if (rule.rulePriority !== highest) {
      errors.push(
        `rule ${index + 1} (priority ${String(rule.rulePriority)}): a tagStatus any rule must have the highest rulePriority (${highest} is higher)`
      )
    }
  }
  return { errors, warnings }
}
