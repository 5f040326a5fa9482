/** The console page of a private repository. */
export function repositoryConsoleUrl(region: string, registryId: string, name: string): string {
  return `https://${region}.console.aws.amazon.com/ecr/repositories/private/${registryId}/${name}?region=${region}`
}
