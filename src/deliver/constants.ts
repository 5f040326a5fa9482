/** Names shared by the main and post steps: state keys and outputs, in one place. */
export const State = {
  registries: 'registries',
  skipLogout: 'skip-logout'
} as const

export const Output = {
  registry: 'registry',
  repositoryUri: 'repository-uri',
  imageDigest: 'image-digest',
  imageUri: 'image-uri',
  imageUris: 'image-uris',
  platformDigests: 'platform-digests',
  referrers: 'referrers',
  signatureDigest: 'signature-digest',
  deliveries: 'deliveries',
  scanStatus: 'scan-status',
  findings: 'findings',
  findingsFile: 'findings-file',
  dockerUsername: 'docker-username',
  dockerPassword: 'docker-password'
} as const

/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
export const Input = {
  repository: 'repository',
  image: 'image',
  source: 'source',
  tags: 'tags',
  maxConcurrency: 'max-concurrency',
  stallTimeout: 'stall-timeout',
  mountFrom: 'mount-from',
  platform: 'platform',
  referrers: 'referrers',
  signingKey: 'signing-key',
  signatureFormat: 'signature-format',
  signPlatforms: 'sign-platforms',
  destinations: 'destinations',
  scanDestinations: 'scan-destinations',
  registryType: 'registry-type',
  publicDescription: 'public-description',
  publicAbout: 'public-about',
  publicUsage: 'public-usage',
  publicArchitectures: 'public-architectures',
  publicOperatingSystems: 'public-operating-systems',
  registryId: 'registry-id',
  registries: 'registries',
  createRepository: 'create-repository',
  imageTagMutability: 'image-tag-mutability',
  imageTagMutabilityExclusions: 'image-tag-mutability-exclusions',
  scanOnPush: 'scan-on-push',
  encryptionType: 'encryption-type',
  kmsKey: 'kms-key',
  repositoryTags: 'repository-tags',
  updateRepository: 'update-repository',
  lifecyclePolicy: 'lifecycle-policy',
  lifecyclePolicyPreview: 'lifecycle-policy-preview',
  repositoryPolicy: 'repository-policy',
  allowPullAccounts: 'allow-pull-accounts',
  scan: 'scan',
  scanTimeout: 'scan-timeout',
  failOnSeverity: 'fail-on-severity',
  signingProfile: 'signing-profile',
  signingTimeout: 'signing-timeout',
  ignoreVulnerabilities: 'ignore-vulnerabilities',
  skipLogout: 'skip-logout',
  maskPassword: 'mask-password',
  endpoint: 'endpoint'
} as const
