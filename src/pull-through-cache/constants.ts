/** The action's output names, as action.yml declares them. */
export const Output = {
  rules: 'rules',
  images: 'images',
  imageDigests: 'image-digests',
  templates: 'templates',
  buildContexts: 'build-contexts',
  dockerfile: 'dockerfile'
} as const

/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
export const Input = {
  rules: 'rules',
  prune: 'prune',
  warm: 'warm',
  warmFrom: 'warm-from',
  warmTimeout: 'warm-timeout',
  stallTimeout: 'stall-timeout',
  registryId: 'registry-id',
  templates: 'templates',
  applyToExisting: 'apply-to-existing',
  endpoint: 'endpoint'
} as const
