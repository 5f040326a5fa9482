/**
 * Upstream tokens as registries issue them and users paste them (issue 19): each must reach Secrets
 * Manager byte for byte, or be refused naming its variable. Each is distinct enough that finding it in
 * a log means it leaked (no token is a word the action prints on its own).
 */
export const KEPT_TOKENS: [string, string][] = [
  ['a hash', 'abc#def'],
  ['a space and a hash (a YAML comment)', 'abc #def'],
  ['double quotes', '"quoted"'],
  ['single quotes', "'quoted'"],
  ['a leading ! (a YAML tag)', '!abc123'],
  ['a leading @ (reserved in YAML)', '@abc'],
  ['a leading & (a YAML anchor)', '&anchor-x1'],
  ['a leading * (a YAML alias)', '*alias-x2'],
  ['colon and space (a YAML mapping)', 'a: b'],
  ['a leading colon', ':abc-x3'],
  ['a number to YAML', '0x1F'],
  ['leading and trailing spaces', '  padded token  '],
  ['a trailing newline', 'token-with-newline\n'],
  ['lines (PEM-like)', '-----BEGIN KEY-----\nline-one-x9\nline-two-y8\n-----END KEY-----'],
  ['CRLF lines', 'crlf-one-x4\r\ncrlf-two-y5'],
  ['unicode', 'pässwörd-🔑-日本'],
  ['percent escapes of workflow commands', 'per%cent%0Aliteral%25'],
  ['JSON and backslashes', '{"a":"b\\\\"}\\n'],
  ['an expression', '${{ secrets.X }}'],
  ['4 KB', Buffer.from(Array.from({ length: 3072 }, (_, i) => (i * 131 + 7) % 256)).toString('base64')]
]

/** Values that are no credential: refused, naming the variable (HUB_TOKEN). */
export const REFUSED_TOKENS: [string, string | undefined, RegExp][] = [
  ['unset', undefined, /environment variable HUB_TOKEN \(access-token-env\) is not set/],
  [
    'empty (a secret that does not exist)',
    '',
    /environment variable HUB_TOKEN \(access-token-env\) is empty/
  ],
  ['only spaces', '   ', /HUB_TOKEN \(access-token-env\) is empty or blank/],
  ['only a newline', '\n', /HUB_TOKEN \(access-token-env\) is empty or blank/]
]

/** The forms of a value a log could show: the value, and each non-blank line of it. */
export function printedForms(value: string): string[] {
  return [value, ...value.split(/\r\n|\r|\n/).filter(line => line.trim() !== '')]
}

/** A rule whose credential names HUB_USER and HUB_TOKEN. */
export const RULE_WITH_CREDENTIAL = `
- prefix: hub
  upstream: docker-hub
  credential:
    secret: ecr-pullthroughcache/hub
    username-env: HUB_USER
    access-token-env: HUB_TOKEN
`
