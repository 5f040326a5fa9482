import type { RepositoryEntry } from '../../src/report/document.js'

/** A report entry for tests: one repository of three images, every field set, changed by `change`. */
export function entry(change: Partial<RepositoryEntry> = {}): RepositoryEntry {
  return {
    repository: 'web',
    region: 'eu-west-1',
    registryId: '123456789012',
    consoleUrl:
      'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/web?region=eu-west-1',
    images: 3,
    tagged: 2,
    untagged: 1,
    indexes: 0,
    referrers: 0,
    archived: 0,
    bytes: 3000,
    archivedBytes: 0,
    imageBytes: 4000,
    monthlyCost: 0.25,
    newestPush: '2026-06-02T00:00:00.000Z',
    oldestPush: '2026-06-01T00:00:00.000Z',
    lastPull: null,
    inUse: null,
    settings: { mutability: 'MUTABLE', mutabilityExclusions: [], scanOnPush: false, encryption: 'AES256' },
    lifecyclePolicy: { present: false, rules: 0 },
    repositoryPolicy: { present: false, statements: 0, publicAccess: false },
    pushesByWeek: {},
    requirements: {},
    reasons: [],
    ...change
  }
}
