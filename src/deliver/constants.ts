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
  dockerUsername: 'docker-username',
  dockerPassword: 'docker-password'
} as const
