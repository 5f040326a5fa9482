/**
 * The registry as an independent client sees it: skopeo for manifests and tags, curl for blob HEADs.
 */
import { createHash } from 'node:crypto'
import { PASSWORD, execFileAsync, run, skopeoCreds, testEnv } from './env.js'

/**
 * The manifest digest of a reference as skopeo reads it, or undefined when the registry says it does not
 * exist (manifest unknown, name unknown); any other failure is thrown.
 */
export async function skopeoDigest(reference: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('skopeo', [
      'inspect',
      '--format',
      '{{.Digest}}',
      ...skopeoCreds(reference),
      `docker://${reference}`
    ])
    return stdout.trim()
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? error)
    if (/manifest unknown|name unknown/i.test(message)) return undefined
    throw error
  }
}

/** The config digest a reference points at: the image ID docker gave the image it pushed. */
export async function skopeoConfigDigest(reference: string): Promise<string> {
  const { stdout } = await execFileAsync(
    'skopeo',
    ['inspect', '--config', '--raw', '--creds', `AWS:${PASSWORD}`, `docker://${reference}`],
    { env: { ...process.env, ...testEnv }, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
  )
  return `sha256:${createHash('sha256').update(stdout).digest('hex')}`
}

/** The tags a repository has, as skopeo lists them. */
export async function skopeoTags(repositoryUri: string): Promise<string[]> {
  const { stdout } = await run('skopeo', [
    'list-tags',
    '--creds',
    `AWS:${PASSWORD}`,
    `docker://${repositoryUri}`
  ])
  return ((JSON.parse(stdout) as { Tags?: string[] }).Tags ?? []).sort()
}

/** A manifest's exact bytes, as skopeo reads them. */
export async function skopeoRaw(reference: string): Promise<Buffer> {
  const { stdout } = await run('skopeo', [
    'inspect',
    '--raw',
    '--creds',
    `AWS:${PASSWORD}`,
    `docker://${reference}`
  ])
  return Buffer.from(stdout)
}

async function rawManifest(reference: string): Promise<{
  config?: { digest: string }
  layers?: { digest: string }[]
  manifests?: { digest: string }[]
}> {
  return JSON.parse((await skopeoRaw(reference)).toString())
}

async function blobStatus(repositoryUri: string, digest: string): Promise<string> {
  const [host, ...path] = repositoryUri.split('/')
  const { stdout } = await run('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '-I',
    '--noproxy',
    '*',
    '--cacert',
    `${testEnv.ECR_TEST_DIR}/certs/ca.crt`,
    '-u',
    `AWS:${PASSWORD}`,
    `https://${host}/v2/${path.join('/')}/blobs/${digest}`
  ])
  return stdout.trim()
}

/**
 * Proves, with independent clients, that a repository is whole: every tag's manifest resolves (skopeo)
 * and every blob it references, children of an index included, answers a HEAD. Returns the tags'
 * digests.
 */
export async function expectWholeRepository(
  repositoryUri: string,
  tags: string[]
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {}
  const missing: string[] = []
  const checkManifest = async (reference: string): Promise<void> => {
    const manifest = await rawManifest(reference)
    for (const child of manifest.manifests ?? []) await checkManifest(`${repositoryUri}@${child.digest}`)
    for (const blob of [manifest.config, ...(manifest.layers ?? [])].filter(Boolean) as {
      digest: string
    }[]) {
      const status = await blobStatus(repositoryUri, blob.digest)
      if (status !== '200') missing.push(`${reference}: blob ${blob.digest} answered ${status}`)
    }
  }
  for (const tag of tags) {
    const digest = await skopeoDigest(`${repositoryUri}:${tag}`)
    if (!digest) {
      missing.push(`tag ${tag} is missing`)
      continue
    }
    digests[tag] = digest
    await checkManifest(`${repositoryUri}:${tag}`)
  }
  if (missing.length > 0) throw new Error(`${repositoryUri} is not whole:\n${missing.join('\n')}`)
  return digests
}
