import { describe, expect, test } from '@jest/globals'
import {
  ProxyConfigError,
  bypassesProxy,
  parseNoProxy,
  parseProxyUrl,
  proxyFor,
  readProxySettings
} from '../../src/common/proxy.js'

describe('NO_PROXY matcher', () => {
  // [NO_PROXY, host, port, goes direct]
  const table: [string, string, number, boolean][] = [
    ['', 'api.ecr.aws', 443, false],
    ['*', 'anything.example', 443, true],
    ['*', '10.1.2.3', 5000, true],
    // A host matches itself and its subdomains, at a dot boundary.
    ['amazonaws.com', 'amazonaws.com', 443, true],
    ['amazonaws.com', 'api.ecr.us-east-1.amazonaws.com', 443, true],
    ['amazonaws.com', 'notamazonaws.com', 443, false],
    ['amazonaws.com', 'amazonaws.com.evil.example', 443, false],
    // `.suffix` and `*.suffix`: the leading dot or star is dropped, as curl does.
    ['.amazonaws.com', 'dkr.ecr.us-east-1.amazonaws.com', 443, true],
    ['.amazonaws.com', 'amazonaws.com', 443, true],
    ['*.amazonaws.com', 'dkr.ecr.us-east-1.amazonaws.com', 443, true],
    ['*.amazonaws.com', 'amazonaws.co', 443, false],
    // Case and a trailing dot do not matter.
    ['Example.COM', 'www.example.com', 443, true],
    ['example.com.', 'example.com.', 443, true],
    // With a port: only that port.
    ['registry.local:5000', 'registry.local', 5000, true],
    ['registry.local:5000', 'registry.local', 443, false],
    ['example.com:443', 'www.example.com', 443, true],
    // IP addresses match IP literals only (host names are not resolved).
    ['127.0.0.1', '127.0.0.1', 5057, true],
    ['127.0.0.1', 'localhost', 5057, false],
    ['127.0.0.1:5057', '127.0.0.1', 5057, true],
    ['127.0.0.1:5057', '127.0.0.1', 443, false],
    ['10.0.0.0/8', '10.20.30.40', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['169.254.169.254', '169.254.169.254', 80, true],
    ['::1', '[::1]', 443, true],
    ['[::1]:8443', '[::1]', 8443, true],
    ['[::1]:8443', '[::1]', 443, false],
    ['fd00::/8', '[fd12:3456::1]', 443, true],
    ['fd00::/8', '[fe80::1]', 443, false],
    // Several entries, separated by commas and/or spaces; empty ones are skipped.
    ['localhost, .internal ,,10.0.0.0/8', 'build.internal', 443, true],
    ['localhost .internal', 'localhost', 80, true],
    ['localhost,.internal', 'api.ecr.aws', 443, false],
    // An entry that is neither a host nor an address, or has a port out of range, matches nothing.
    ['10.0.0.0/99', '10.0.0.1', 443, false],
    ['example.com:0', 'example.com', 443, false],
    ['example.com:99999', 'example.com', 443, false],
    ['example.com:99999,other.example', 'other.example', 443, true]
  ]
  test.each(table)('NO_PROXY=%j, %s:%d → direct %s', (noProxy, host, port, direct) => {
    expect(bypassesProxy(parseNoProxy(noProxy), host, port)).toBe(direct)
  })
})

describe('readProxySettings', () => {
  test('the lowercase variable wins when both are set, as in curl', () => {
    const settings = readProxySettings({
      https_proxy: 'http://lower:3128',
      HTTPS_PROXY: 'http://upper:3128',
      HTTP_PROXY: 'http://only-upper:8080',
      NO_PROXY: 'upper.example',
      no_proxy: 'lower.example'
    })
    expect(settings.proxies['https:']).toMatchObject({ variable: 'https_proxy', display: 'lower:3128' })
    expect(settings.proxies['http:']).toMatchObject({ variable: 'HTTP_PROXY', display: 'only-upper:8080' })
    expect(bypassesProxy(settings.noProxy, 'lower.example', 443)).toBe(true)
    expect(bypassesProxy(settings.noProxy, 'upper.example', 443)).toBe(false)
  })

  test('an empty lowercase variable does not hide the uppercase one', () => {
    const settings = readProxySettings({ https_proxy: ' ', HTTPS_PROXY: 'proxy:3128' })
    expect(settings.proxies['https:']?.variable).toBe('HTTPS_PROXY')
  })

  test('no variables: no proxy for any URL', () => {
    const settings = readProxySettings({})
    expect(proxyFor(settings, new URL('https://api.ecr.us-east-1.amazonaws.com/'))).toBeUndefined()
  })

  test('https URLs take HTTPS_PROXY, http URLs HTTP_PROXY, NO_PROXY sends a host direct', () => {
    const settings = readProxySettings({
      HTTPS_PROXY: 'http://tls-proxy:3128',
      HTTP_PROXY: 'http://plain-proxy:3128',
      NO_PROXY: 'dkr.ecr.us-east-1.amazonaws.com'
    })
    expect(proxyFor(settings, new URL('https://api.ecr.us-east-1.amazonaws.com/'))?.display).toBe(
      'tls-proxy:3128'
    )
    expect(proxyFor(settings, new URL('http://127.0.0.1:5057/'))?.display).toBe('plain-proxy:3128')
    expect(proxyFor(settings, new URL('https://123.dkr.ecr.us-east-1.amazonaws.com/v2/'))).toBeUndefined()
  })
})

describe('parseProxyUrl', () => {
  test('credentials: a Basic header and every form of the password to mask, none of it in the URL', () => {
    const proxy = parseProxyUrl('HTTPS_PROXY', 'http://build%40corp:p%3Ass%20w@proxy.corp:3128')
    const token = Buffer.from('build@corp:p:ss w').toString('base64')
    expect(proxy.authorization).toBe(`Basic ${token}`)
    expect(proxy.secrets.sort()).toEqual(['p%3Ass%20w', 'p:ss w', token].sort())
    expect(proxy.url.href).toBe('http://proxy.corp:3128/')
    expect(proxy.display).toBe('proxy.corp:3128')
  })

  test.each([
    ['proxy.corp:3128', 'http://proxy.corp:3128/', 'proxy.corp:3128'],
    ['http://proxy.corp', 'http://proxy.corp/', 'proxy.corp:80'],
    ['https://proxy.corp', 'https://proxy.corp/', 'proxy.corp:443'],
    ['HTTP://Proxy.Corp:8080/', 'http://proxy.corp:8080/', 'proxy.corp:8080'],
    ['http://[fd00::1]:3128', 'http://[fd00::1]:3128/', '[fd00::1]:3128']
  ])('%s → %s', (value, href, display) => {
    const proxy = parseProxyUrl('https_proxy', value)
    expect(proxy.url.href).toBe(href)
    expect(proxy.display).toBe(display)
    expect(proxy.authorization).toBeUndefined()
    expect(proxy.secrets).toEqual([])
  })

  test.each([
    ['socks5://proxy:1080', /HTTPS_PROXY: the scheme socks5:\/\/ is not supported/],
    ['http://user:secret@[bad', /HTTPS_PROXY: is not a URL/],
    [
      'http://user:%E0%A4%A@proxy:3128',
      /HTTPS_PROXY: the credentials in the URL are not valid percent-encoding/
    ]
  ])('%s is refused, naming the variable and never the value', (value, message) => {
    const failure = (() => {
      try {
        readProxySettings({ HTTPS_PROXY: value })
      } catch (error) {
        return error
      }
    })()
    expect(failure).toBeInstanceOf(ProxyConfigError)
    expect((failure as Error).message).toMatch(message)
    expect((failure as Error).message).not.toContain('secret')
    expect((failure as Error).message).not.toContain('%E0')
  })
})
