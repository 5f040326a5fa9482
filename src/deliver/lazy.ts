import type { RegistryLogin } from '../ecr/auth.js'
import type { RegistryClient } from '../registry/client.js'

/**
 * What only some runs need, loaded by those runs only: the one place the deliver action imports lazily
 * (start-up is part of the step's time; ncc bundles each as a chunk).
 */
export const load = {
  /** OCI layouts and docker-save archives (`source`). */
  sources: () => import('../registry/sources/index.js'),
  /** One platform of an index (`platform`). */
  platform: () => import('../registry/sources/platform.js'),
  /** Several registries (`destinations`). */
  fanOut: () => import('./fan-out/index.js'),
  /** The push itself: tags, blobs, manifests (a run with something to push). */
  push: () => import('./push.js'),
  /** Signing with a KMS key (`signing-key`). */
  signing: () => import('./signing.js'),
  /** The tag reads a push begins with (early.ts: while the repository is ensured). */
  tags: () => import('../registry/tags.js'),
  /** An archive's push begun: known layers found, the first others compressing (early.ts). */
  pushArchive: () => import('../registry/push-archive.js'),
  /** The scan gate (`scan`). */
  scanGate: () => import('./scan-gate.js'),
  /** Lifecycle and repository policies (`lifecycle-policy`, `repository-policy`). */
  policies: () => import('../ecr/policies.js'),
  /** ECR managed signing (`signing-profile`): the registry's rule, the wait for the signature. */
  managedSigning: () => import('./managed-signing.js'),
  /** ECR's lifecycle policy preview (`lifecycle-policy-preview`). */
  lifecyclePreview: () => import('../ecr/lifecycle-preview.js')
}

/** A registry client for a login, with the log hooks. */
export async function openRegistry(login: RegistryLogin, stallTimeoutMs: number): Promise<RegistryClient> {
  const [{ RegistryClient }, { registryHooks }] = await Promise.all([
    import('../registry/client.js'),
    import('../common/registry-hooks.js')
  ])
  return new RegistryClient({
    endpoint: `https://${login.host}`,
    basicToken: login.token,
    stallTimeoutMs,
    ...registryHooks
  })
}
