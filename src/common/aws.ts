import { connections } from './connections.js'
import { USER_AGENT } from './version.js'

/**
 * What every AWS SDK client of the suite shares: the region (given, or AWS_REGION / AWS_DEFAULT_REGION,
 * else the profile's), the SDK's adaptive retry mode with 5 attempts (throttling arrives as a bare 429
 * "Rate exceeded"), and the user agent. Credentials and endpoints come from the SDK's standard chain:
 * AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as for any AWS tool. With a proxy variable set,
 * requests (and the STS calls of role credentials, which inherit the handler) go through connections.ts.
 */
export function awsClientConfig(region?: string) {
  const requestHandler = connections().sdkRequestHandler()
  return {
    ...(requestHandler ? { requestHandler } : {}),
    region: region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
    customUserAgent: USER_AGENT,
    retryMode: 'adaptive',
    maxAttempts: 5
  }
}
