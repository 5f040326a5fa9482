/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
export const Input = {
  repositories: 'repositories',
  registryId: 'registry-id',
  regions: 'regions',
  require: 'require',
  failOn: 'fail-on',
  findings: 'findings',
  inUse: 'in-use',
  pricePerGbMonth: 'price-per-gb-month',
  archivePricePerGbMonth: 'archive-price-per-gb-month',
  merge: 'merge',
  endpoint: 'endpoint'
} as const

/** The action's output names, as action.yml declares them. */
export const Output = {
  reportFile: 'report-file',
  csvFile: 'csv-file',
  repositoryCount: 'repository-count',
  imageCount: 'image-count',
  totalBytes: 'total-bytes',
  nonCompliant: 'non-compliant'
} as const
