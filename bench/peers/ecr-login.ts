// A stand-in for aws-actions/amazon-ecr-login's login, for the start-up comparison: its bundled action
// is not on npm and this machine has no other way to fetch it. Written from its documented behaviour,
// it loads what that action loads at start (@actions/core and exec, the ECR and ECR Public clients, a
// proxy agent) and does the same work: GetAuthorizationToken, `docker login --password-stdin` for each
// registry, masked password and outputs. bench/startup.ts bundles it with ncc, as that action ships.
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { ECRPUBLICClient, GetAuthorizationTokenCommand as PublicToken } from '@aws-sdk/client-ecr-public'
import { HttpsProxyAgent } from 'https-proxy-agent'

async function main(): Promise<void> {
  const registryType = core.getInput('registry-type') || 'private'
  const registries = core.getInput('registries')
  const proxy = process.env.HTTPS_PROXY
  const agent = proxy ? new HttpsProxyAgent(proxy) : undefined
  const config = agent ? { requestHandler: { httpsAgent: agent } } : {}
  const logins: { registry: string; username: string; password: string }[] = []
  if (registryType === 'public') {
    const client = new ECRPUBLICClient({ ...config, region: 'us-east-1' })
    const { authorizationData } = await client.send(new PublicToken({}))
    const [username, password] = Buffer.from(authorizationData?.authorizationToken ?? '', 'base64')
      .toString()
      .split(':')
    logins.push({ registry: 'public.ecr.aws', username: username ?? '', password: password ?? '' })
  } else {
    const client = new ECRClient(config)
    const ids = registries ? registries.split(',').map(id => id.trim()) : undefined
    const { authorizationData } = await client.send(new GetAuthorizationTokenCommand({ registryIds: ids }))
    for (const data of authorizationData ?? []) {
      const [username, password] = Buffer.from(data.authorizationToken ?? '', 'base64')
        .toString()
        .split(':')
      logins.push({
        registry: new URL(data.proxyEndpoint ?? '').host,
        username: username ?? '',
        password: password ?? ''
      })
    }
  }
  for (const login of logins) {
    core.setSecret(login.password)
    await exec.exec('docker', ['login', '-u', login.username, '--password-stdin', login.registry], {
      input: Buffer.from(login.password)
    })
    core.setOutput(`docker_username_${login.registry.replace(/[^a-zA-Z0-9]/g, '_')}`, login.username)
    core.setOutput(`docker_password_${login.registry.replace(/[^a-zA-Z0-9]/g, '_')}`, login.password)
  }
  core.setOutput('registry', logins[0]?.registry ?? '')
  core.saveState('registries', logins.map(l => l.registry).join(','))
}

main().catch(error => core.setFailed(error instanceof Error ? error.message : String(error)))
