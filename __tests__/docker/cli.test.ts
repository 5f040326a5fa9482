import { describe, expect, test } from '@jest/globals'
import { parseInspect, parsePushDigest } from '../../src/docker/cli.js'

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('parsePushDigest', () => {
  test.each([
    [
      `The push refers to repository [reg/team/app]\n5f70bf18a086: Pushed\nv1: digest: ${DIGEST} size: 528\n`,
      { digest: DIGEST }
    ],
    [`latest: digest: sha256:${'f'.repeat(64)} size: 1\nv1: digest: ${DIGEST} size: 9\n`, { digest: DIGEST }],
    ['v1: digest: sha256:short size: 1', undefined],
    ['', undefined]
  ])('%#', (output, expected) => expect(parsePushDigest(output)).toEqual(expected))
})

describe('parseInspect', () => {
  test('reads ID, repo tags and repo digests', () => {
    const output = JSON.stringify({
      Id: DIGEST,
      RepoDigests: null,
      Size: 42,
      Os: 'linux',
      Architecture: 'arm64',
      Variant: 'v8'
    })
    expect(parseInspect('app:ci', output)).toEqual({
      reference: 'app:ci',
      id: DIGEST,
      repoTags: [],
      repoDigests: []
    })
  })
  test('no ID is an error', () => expect(() => parseInspect('app:ci', '{}')).toThrow(/no image ID/))
})
