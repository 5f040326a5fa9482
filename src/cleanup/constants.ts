/** The action's output names, as action.yml declares them. */
export const Output = {
  deletedCount: 'deleted-count',
  deletedBytes: 'deleted-bytes',
  keptCount: 'kept-count',
  alreadyGoneCount: 'already-gone-count',
  failedCount: 'failed-count',
  inUseCount: 'in-use-count',
  archivedCount: 'archived-count',
  archivedBytes: 'archived-bytes',
  sparedCount: 'spared-count',
  deletedRepositories: 'deleted-repositories',
  planFile: 'plan-file'
} as const

/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
export const Input = {
  repositories: 'repositories',
  registryId: 'registry-id',
  registryType: 'registry-type',
  keepLast: 'keep-last',
  olderThan: 'older-than',
  tagPatterns: 'tag-patterns',
  keepTags: 'keep-tags',
  untagged: 'untagged',
  untaggedOlderThan: 'untagged-older-than',
  keepDigests: 'keep-digests',
  keepInUse: 'keep-in-use',
  keepRevisions: 'keep-revisions',
  inUseRegions: 'in-use-regions',
  inUseImages: 'in-use-images',
  keepPulledWithin: 'keep-pulled-within',
  deleteEmptyRepositories: 'delete-empty-repositories',
  action: 'action',
  archivedOlderThan: 'archived-older-than',
  dryRun: 'dry-run',
  maxDeletions: 'max-deletions',
  endpoint: 'endpoint'
} as const
