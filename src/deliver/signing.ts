import * as core from '@actions/core'
import type { KMSClient } from '@aws-sdk/client-kms'
import type { EndpointVariant } from '../common/endpoints.js'
import * as log from '../common/log.js'
import { createKmsClient, resolveSigningKey, signDigest, type SigningKey } from '../ecr/kms.js'
import type { RegistryClient } from '../registry/client.js'
import { signWithCosign, type Signer } from '../registry/sign.js'
import { signWithBundle } from '../registry/sigstore-bundle.js'
import { Input, Output } from './constants.js'
import type { Delivery, DeliveryTarget } from './delivery.js'
import { eachGoing, type Delivered, type Stage } from './fan-out/state.js'
import type { SigningInputs } from './signing-inputs.js'

/** The key checked before anything is written, and the client that signs with it (in the key's region). */
export interface ReadySigning {
  inputs: SigningInputs
  key: SigningKey
  signer: Signer
}

/** One signature made (or found) in one registry. */
export interface SignatureRow {
  repositoryUri: string
  subject: string
  format: 'simple' | 'bundle'
  /** The `.sig` manifest, or the bundle referrer. */
  digest: string
  outcome: 'signed' | 'unchanged'
}

/**
 * Resolves and checks the key (DescribeKey: it exists, is enabled, signs; GetPublicKey works) before any
 * repository is touched or tag written: a key that cannot sign is `Input "signing-key"`'s error.
 */
export async function prepareSigning(
  inputs: SigningInputs,
  region: string,
  endpoint: EndpointVariant
): Promise<ReadySigning> {
  const { key, client } = await resolveSigningKey(
    await createKmsClient(region, endpoint),
    inputs.key,
    Input.signingKey,
    endpoint
  )
  log.info(`Signing with ${key.arn} (${key.algorithm}), in KMS`)
  return { inputs, key, signer: kmsSigner(client, key) }
}

function kmsSigner(client: KMSClient, key: SigningKey): Signer {
  return { publicKey: key.publicKey, sign: digest => signDigest(client, key, digest) }
}

/**
 * Signs what one registry now holds: the delivered digest (an index as the index), each platform manifest
 * with sign-platforms, the payload naming this registry's repository; with `bundle` also a sigstore bundle
 * referrer of each. Each signature is read back and verified against the key before the step goes on.
 */
export async function signDelivered(
  signing: ReadySigning,
  registry: RegistryClient,
  target: DeliveryTarget,
  delivery: Delivery
): Promise<SignatureRow[]> {
  const subjects = [
    delivery.digest,
    ...(signing.inputs.platforms ? delivery.platforms.map(p => p.digest) : [])
  ]
  const rows: SignatureRow[] = []
  for (const subject of subjects) {
    const cosign = await signWithCosign(
      registry,
      target.repository,
      subject,
      target.repositoryUri,
      signing.signer,
      {
        isImmutable: target.isImmutable,
        repositoryUri: target.repositoryUri
      }
    )
    rows.push({
      ...base(target, subject),
      format: 'simple',
      digest: cosign.signatureDigest,
      outcome: cosign.outcome
    })
    if (signing.inputs.format === 'bundle') {
      const stored = await registry.requireManifest(target.repository, subject)
      const bundle = await signWithBundle(registry, target.repository, stored, signing.signer)
      rows.push({
        ...base(target, subject),
        format: 'bundle',
        digest: bundle.digest,
        outcome: bundle.outcome
      })
    }
  }
  for (const row of rows)
    log.info(
      `${row.repositoryUri}@${row.subject}: ${row.format === 'simple' ? 'cosign signature' : 'sigstore bundle'} ` +
        `${row.outcome === 'signed' ? 'written and verified' : 'already there, valid'} (${row.digest})`
    )
  return rows
}

const base = (target: DeliveryTarget, subject: string) => ({ repositoryUri: target.repositoryUri, subject })

/** `signature-digest`: the main registry's `.sig` manifest of the delivered digest. */
export function setSignatureOutput(rows: SignatureRow[], delivered: string): void {
  const main = rows.find(row => row.format === 'simple' && row.subject === delivered)
  if (main) core.setOutput(Output.signatureDigest, main.digest)
}

/**
 * Every destination delivered to gets its own signature (its payload names that registry's repository); a
 * destination whose signing fails is failed like one whose push failed, and the others go on.
 */
export async function signDestinations(
  signing: ReadySigning,
  stages: Stage<Delivered>[]
): Promise<{ stages: Stage<Delivered>[]; rows: SignatureRow[] }> {
  const rows: SignatureRow[] = []
  const signed = await eachGoing(stages, 'sign', async stage => {
    rows.push(...(await signDelivered(signing, stage.registry, stage.target, stage.delivery)))
    return stage
  })
  return { stages: signed, rows }
}
