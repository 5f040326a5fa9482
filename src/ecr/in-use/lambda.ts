import {
  GetFunctionCommand,
  LambdaClient,
  paginateListAliases,
  paginateListFunctions,
  paginateListVersionsByFunction
} from '@aws-sdk/client-lambda'
import pLimit from 'p-limit'
import { awsClientConfig } from '../../common/aws.js'
import type { EndpointVariant } from '../../common/endpoints.js'
import type { FoundReference } from './references.js'
import { scanCall, scanPages } from './scan-call.js'

const CONCURRENCY = 4

/**
 * What Lambda runs or may roll back to in one region, for functions packaged as images: `$LATEST`, every
 * version an alias routes to (weighted routing included), and the `keepRevisions` newest published
 * versions. GetFunction gives the digest each runs (ResolvedImageUri) as well as the reference it was
 * created from.
 */
export async function scanLambda(
  region: string,
  keepRevisions: number,
  endpoint: EndpointVariant,
  client = new LambdaClient(awsClientConfig('Lambda', region, endpoint))
): Promise<FoundReference[]> {
  const found: FoundReference[] = []
  const functions = (
    await scanPages(
      'lambda:ListFunctions',
      region,
      paginateListFunctions({ client, pageSize: 50 }, {}),
      page => page.Functions
    )
  ).filter(fn => fn.PackageType === 'Image' && fn.FunctionName)
  const limit = pLimit(CONCURRENCY)
  await Promise.all(
    functions.map(fn =>
      limit(async () => {
        const name = fn.FunctionName as string
        const why = new Map<string, string[]>([['$LATEST', ['$LATEST']]])
        const note = (version: string, reason: string) =>
          why.set(version, [...(why.get(version) ?? []), reason])
        const aliases = await scanPages(
          'lambda:ListAliases',
          region,
          paginateListAliases({ client }, { FunctionName: name }),
          page => page.Aliases
        )
        for (const alias of aliases) {
          if (alias.FunctionVersion) note(alias.FunctionVersion, `alias ${alias.Name}`)
          for (const version of Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}))
            note(version, `alias ${alias.Name}, weighted`)
        }
        if (keepRevisions > 0) {
          const versions = await scanPages(
            'lambda:ListVersionsByFunction',
            region,
            paginateListVersionsByFunction({ client }, { FunctionName: name }),
            page => page.Versions
          )
          versions
            .map(v => v.Version ?? '')
            .filter(v => /^\d+$/.test(v))
            .sort((a, b) => Number(b) - Number(a))
            .slice(0, keepRevisions)
            .forEach(version => note(version, `newest ${keepRevisions} versions`))
        }
        for (const [version, reasons] of why) {
          const { Code } = await scanCall('lambda:GetFunction', region, () =>
            client.send(new GetFunctionCommand({ FunctionName: name, Qualifier: version }))
          )
          const where = `${name}${version === '$LATEST' ? '' : `:${version}`} (${reasons.join('; ')})`
          const resolved = Code?.ResolvedImageUri
          const digest = resolved?.includes('@') ? resolved.slice(resolved.lastIndexOf('@') + 1) : undefined
          const image = Code?.ImageUri ?? resolved
          if (image) found.push({ image, digest, source: 'lambda', where })
        }
      })
    )
  )
  return found
}
