import { beforeEach, describe, expect, test } from '@jest/globals'
import { DescribeImageSigningStatusCommand, ECRClient, type ImageSigningStatus } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { parseDeliverInputs } from '../../src/deliver/inputs.js'
import {
  NOTARY_SIGNATURE,
  waitForManagedSignature,
  withSignatures,
  type SigningWait
} from '../../src/deliver/managed-signing.js'
import type { Delivery } from '../../src/deliver/delivery.js'
import type { RegistryClient } from '../../src/registry/client.js'
import type { Descriptor } from '../../src/registry/media-types.js'
import { inputErrorOf } from '../helpers/input-error.js'

const PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release'
const DIGEST = `sha256:${'a'.repeat(64)}`
const SIGNATURE = `sha256:${'5'.repeat(64)}`

describe('signing-profile and signing-timeout', () => {
  const parse = (given: Record<string, string>) =>
    parseDeliverInputs(name => ({ 'signing-timeout': '5m', ...given })[name] ?? '', { sha: 'abc' })

  test('a profile with a push: the profile and the default 5m', () => {
    expect(
      parse({ repository: 'team/app', image: 'app:ci', 'signing-profile': PROFILE }).managedSigning
    ).toEqual({
      profileArn: PROFILE,
      timeoutMs: 300_000
    })
  })
  test('no profile: none (the timeout alone is ignored)', () => {
    expect(parse({ repository: 'team/app', 'signing-timeout': '30s' }).managedSigning).toBeUndefined()
  })
  test('repository alone: the rule only (nothing to wait for)', () => {
    expect(parse({ repository: 'team/app', 'signing-profile': PROFILE }).managedSigning?.profileArn).toBe(
      PROFILE
    )
  })
  test.each([
    [
      { 'signing-profile': 'arn:aws:signer:us-east-1:123456789012:signing-profiles/release' },
      /is not an AWS Signer signing-profile ARN/
    ],
    [{ 'signing-profile': 'release' }, /"release" is not an AWS Signer signing-profile ARN/],
    [{ 'signing-profile': `${PROFILE}\n::error::x` }, /is not an AWS Signer signing-profile ARN/],
    [{ 'signing-timeout': '2s', 'signing-profile': PROFILE }, /must be from 5s to 1h, got "2s"/],
    [{ 'signing-timeout': '2h', 'signing-profile': PROFILE }, /must be from 5s to 1h/],
    [{ 'signing-timeout': '10', 'signing-profile': PROFILE }, /whole number followed by s, m, h/]
  ])('%j refused', (given, message) => {
    const error = inputErrorOf(() => parse({ repository: 'team/app', image: 'app:ci', ...given }))
    expect(error.message).toMatch(message)
  })
  test('the input named in the error', () => {
    expect(inputErrorOf(() => parse({ repository: 'team/app', 'signing-profile': 'x' })).input).toBe(
      'signing-profile'
    )
    expect(inputErrorOf(() => parse({ 'signing-profile': PROFILE })).message).toBe(
      'Input "signing-profile": needs repository: a signing rule covers one'
    )
  })
  test('refused with registry-type public', () => {
    const error = inputErrorOf(() =>
      parse({ repository: 'team/app', 'signing-profile': PROFILE, 'registry-type': 'public' })
    )
    expect(error.message).toBe(
      'Input "signing-profile": applies only to private registries, not with registry-type public'
    )
  })
})

describe('waitForManagedSignature', () => {
  const ecrMock = mockClient(ECRClient)
  const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
  beforeEach(() => {
    ecrMock.reset()
  })

  /** A registry whose referrers list is `listed()` at each read. */
  const registryListing = (listed: () => Descriptor[]) =>
    ({ referrersOf: async () => listed() }) as unknown as RegistryClient
  const signature: Descriptor = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: SIGNATURE,
    size: 700,
    artifactType: NOTARY_SIGNATURE
  }
  const attestation: Descriptor = {
    ...signature,
    digest: `sha256:${'b'.repeat(64)}`,
    artifactType: 'application/x'
  }
  const wait = (registry: RegistryClient): SigningWait => ({
    ecr,
    registry,
    repository: 'team/app',
    registryId: '123456789012',
    repositoryUri: 'registry.example/team/app',
    label: 'main'
  })
  /** A clock that each sleep moves on. */
  const clock = () => {
    let t = 0
    const sleeps: number[] = []
    return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps }
  }
  const statuses = (...list: (ImageSigningStatus | undefined)[]) => {
    let call = ecrMock.on(DescribeImageSigningStatusCommand)
    for (const s of list) call = call.resolvesOnce({ signingStatuses: s ? [s] : [] })
  }

  test('IN_PROGRESS, then COMPLETE with the signature listed: polled with backoff, only the signature kept', async () => {
    statuses(
      undefined,
      { signingProfileArn: PROFILE, status: 'IN_PROGRESS' },
      { signingProfileArn: PROFILE, status: 'COMPLETE' }
    )
    const c = clock()
    const report = await waitForManagedSignature(
      wait(registryListing(() => [attestation, signature])),
      DIGEST,
      { profileArn: PROFILE, timeoutMs: 60_000 },
      c
    )
    expect(report).toEqual({
      registry: 'main',
      profileArn: PROFILE,
      imageUri: `registry.example/team/app@${DIGEST}`,
      status: 'COMPLETE',
      signatures: [{ digest: SIGNATURE, artifactType: NOTARY_SIGNATURE, subject: DIGEST }]
    })
    expect(c.sleeps).toEqual([1000, 2000])
  })

  test("another profile's COMPLETE does not count", async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({
      signingStatuses: [
        {
          signingProfileArn: 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/other',
          status: 'COMPLETE'
        }
      ]
    })
    const report = await waitForManagedSignature(
      wait(registryListing(() => [signature])),
      DIGEST,
      { profileArn: PROFILE, timeoutMs: 10_000 },
      clock()
    )
    expect(report.status).toBe('TIMED_OUT')
    expect(report.failure).toMatch(/ECR reported no signing status for this profile/)
  })

  test("FAILED: ECR's code and reason, escaped", async () => {
    statuses({
      signingProfileArn: PROFILE,
      status: 'FAILED',
      failureCode: 'AccessDenied',
      failureReason: 'no "signer:SignPayload"\n::error::x'
    })
    const report = await waitForManagedSignature(
      wait(registryListing(() => [])),
      DIGEST,
      { profileArn: PROFILE, timeoutMs: 60_000 },
      clock()
    )
    expect(report.status).toBe('FAILED')
    expect(report.failure).toBe(
      `ECR managed signing of registry.example/team/app@${DIGEST} with ${PROFILE} FAILED: "AccessDenied": "no \\"signer:SignPayload\\"\\n::error::x"`
    )
  })

  test('IN_PROGRESS to the deadline: timed out, naming what it waited for', async () => {
    ecrMock
      .on(DescribeImageSigningStatusCommand)
      .resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'IN_PROGRESS' }] })
    const c = clock()
    const report = await waitForManagedSignature(
      wait(registryListing(() => [])),
      DIGEST,
      { profileArn: PROFILE, timeoutMs: 20_000 },
      c
    )
    expect(report.failure).toBe(
      `Timed out after 20s (signing-timeout) waiting for ECR managed signing to report registry.example/team/app@${DIGEST} ` +
        `COMPLETE with ${PROFILE} and its signature listed as a referrer: last status "IN_PROGRESS"`
    )
    // Backoff, then one last look at the deadline itself: never past it.
    expect(c.sleeps).toEqual([1000, 2000, 4000, 8000, 5000])
    expect(c.now()).toBe(20_000)
  })

  test('COMPLETE but no signature listed: waits for it, then says so', async () => {
    ecrMock
      .on(DescribeImageSigningStatusCommand)
      .resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'COMPLETE' }] })
    const report = await waitForManagedSignature(
      wait(registryListing(() => [attestation])),
      DIGEST,
      { profileArn: PROFILE, timeoutMs: 10_000 },
      clock()
    )
    expect(report.status).toBe('TIMED_OUT')
    expect(report.failure).toMatch(
      /ECR reports COMPLETE, but the registry lists no Notation signature of it$/
    )
  })
})

describe('withSignatures', () => {
  const delivery: Delivery = {
    digest: DIGEST,
    size: 1,
    tags: [],
    platforms: [],
    referrers: [{ digest: SIGNATURE, artifactType: NOTARY_SIGNATURE, subject: DIGEST }]
  }
  const report = (...digests: string[]) => ({
    registry: 'main',
    profileArn: PROFILE,
    imageUri: 'x',
    status: 'COMPLETE' as const,
    signatures: digests.map(digest => ({ digest, artifactType: NOTARY_SIGNATURE, subject: DIGEST }))
  })
  test('a signature already listed is not listed twice (a re-run)', () => {
    expect(withSignatures(delivery, report(SIGNATURE))).toBe(delivery)
  })
  test('a new one joins the referrers', () => {
    const other = `sha256:${'6'.repeat(64)}`
    expect(withSignatures(delivery, report(other)).referrers.map(r => r.digest)).toEqual([SIGNATURE, other])
  })
})
