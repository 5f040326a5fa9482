import * as core from '@actions/core'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { ActionError, quote } from '../common/errors.js'
import { awsClientConfig } from '../common/aws.js'
import type { EndpointVariant } from '../common/endpoints.js'
import { awsErrorName, callAws } from './errors.js'

/** An upstream registry's credential as a pull-through-cache rule declares it: the values, and where to keep them. */
export interface UpstreamCredential {
  /** `ecr-pullthroughcache/<name>`: ECR reads only secrets under that prefix. */
  secretName: string
  username: string
  accessToken: string
}

export type SecretChange = 'created' | 'updated' | 'unchanged'

/** Secrets Manager, loaded only by a run that declares credential values. */
export async function createSecretsClient(
  region: string,
  endpoint: EndpointVariant
): Promise<SecretsManagerClient> {
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager')
  return new SecretsManagerClient(awsClientConfig('Secrets Manager', region, endpoint))
}

/** Registers both values as secrets: nothing after this can print them. */
export function maskCredential(credential: UpstreamCredential): void {
  for (const mask of credentialMasks(credential)) core.setSecret(mask)
}

/**
 * Pure: what to mask: each value, each line of a multi-line one, and the JSON that carries both. The
 * runner masks within one log line at a time, and @actions/core sends a value as one mask; runners split
 * it into lines themselves only since actions/runner#1521 (older ones, and other runners, do not). Blank
 * lines are left out: the runner refuses a blank mask.
 */
export function credentialMasks(credential: UpstreamCredential): string[] {
  const masks = [credential.username, credential.accessToken, secretString(credential)]
  for (const value of [credential.username, credential.accessToken]) {
    const lines = value.split(/\r\n|\r|\n/)
    if (lines.length > 1) masks.push(...lines.filter(line => line.trim() !== ''))
  }
  return [...new Set(masks)]
}

/** The secret's value, as ECR wants it: `{"username":…,"accessToken":…}`. */
export function secretString(credential: UpstreamCredential): string {
  return JSON.stringify({ username: credential.username, accessToken: credential.accessToken })
}

/** Pure: whether a stored secret value holds these values already (other fields and order do not matter). */
export function holdsCredential(stored: string | undefined, credential: UpstreamCredential): boolean {
  if (stored === undefined) return false
  try {
    const value = JSON.parse(stored) as { username?: unknown; accessToken?: unknown }
    return value.username === credential.username && value.accessToken === credential.accessToken
  } catch {
    return false
  }
}

/**
 * Makes the secret hold the credential: created when missing, a new version put only when the value
 * differs (a version on every run would be noise), left alone otherwise. Returns its ARN (with the
 * suffix Secrets Manager adds) for the rule. No value is ever part of a message.
 */
export async function ensureCredentialSecret(
  client: SecretsManagerClient,
  credential: UpstreamCredential
): Promise<{ arn: string; change: SecretChange }> {
  const sm = await import('@aws-sdk/client-secrets-manager')
  const name = credential.secretName
  let arn: string | undefined
  try {
    const described = await callAws('DescribeSecret', () =>
      client.send(new sm.DescribeSecretCommand({ SecretId: name }))
    )
    arn = described.ARN
  } catch (error) {
    if (awsErrorName(error) !== 'ResourceNotFoundException') throw error
  }
  if (!arn) {
    const created = await callAws('CreateSecret', () =>
      client.send(
        new sm.CreateSecretCommand({
          Name: name,
          SecretString: secretString(credential),
          Description: 'Upstream registry credential of an ECR pull-through-cache rule (ecr-deliver)'
        })
      )
    )
    if (!created.ARN) throw new ActionError(`CreateSecret returned no ARN for ${quote(name)}`)
    return { arn: created.ARN, change: 'created' }
  }
  const current = await callAws('GetSecretValue', () =>
    client.send(new sm.GetSecretValueCommand({ SecretId: arn }))
  )
  if (holdsCredential(current.SecretString, credential)) return { arn, change: 'unchanged' }
  await callAws('PutSecretValue', () =>
    client.send(new sm.PutSecretValueCommand({ SecretId: arn, SecretString: secretString(credential) }))
  )
  return { arn, change: 'updated' }
}
