import { AdaptiveRetryStrategy } from '@smithy/core/retry'
import type { RetryErrorInfo, RetryToken, StandardRetryToken } from '@smithy/types'
import { connections } from './connections.js'
import { clientEndpoint, type AwsService, type EndpointVariant } from './endpoints.js'
import { USER_AGENT } from './version.js'

/**
 * What every AWS SDK client of the suite shares: the region (given, or AWS_REGION / AWS_DEFAULT_REGION,
 * else the profile's), the SDK's adaptive retry with 5 attempts (throttling arrives as a bare 429 "Rate
 * exceeded"; a quota is final), and the user agent. Credentials and endpoints come from the SDK's standard chain:
 * AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as for any AWS tool. With a proxy variable set,
 * requests (and the STS calls of role credentials, which inherit the handler) go through connections.ts.
 * The endpoint variant (dual-stack, FIPS) is told to every client explicitly, as endpoints.ts decides.
 */
export function awsClientConfig(service: AwsService, region: string | undefined, endpoint: EndpointVariant) {
  const requestHandler = connections().sdkRequestHandler()
  return {
    ...(requestHandler ? { requestHandler } : {}),
    region: region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
    customUserAgent: USER_AGENT,
    retryStrategy: new QuotaAwareRetryStrategy(MAX_ATTEMPTS),
    ...clientEndpoint(service, endpoint, process.env)
  }
}

const MAX_ATTEMPTS = 5

/**
 * The SDK's adaptive retry, the one retry layer of AWS calls, but for quotas: ECR raises
 * LimitExceededException when a quota is reached (images per repository, repositories per registry, tags
 * per image), and the SDK counts it as throttling. Waiting does not lift a quota: it is final at once.
 */
export class QuotaAwareRetryStrategy extends AdaptiveRetryStrategy {
  override async refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo
  ): Promise<RetryToken> {
    if ((errorInfo.error as { name?: string } | undefined)?.name === 'LimitExceededException')
      throw errorInfo.error
    return super.refreshRetryTokenForRetry(token, errorInfo)
  }
}
