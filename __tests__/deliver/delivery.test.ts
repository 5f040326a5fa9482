import { describe, expect, test } from '@jest/globals'
import { markRestored, recordOf, resultOf, type Delivery } from '../../src/deliver/delivery.js'

const DIGEST = `sha256:${'a'.repeat(64)}`
const delivery = (...results: Delivery['tags'][number]['result'][]): Delivery => ({
  digest: DIGEST,
  size: 10,
  tags: results.map((result, i) => ({ tag: `t${i}`, reference: `r/app:t${i}`, result })),
  referrers: [],
  platforms: []
})

describe('a delivery of an archived image restores it', () => {
  test.each([
    [
      'archived: the tags written say restored',
      ['pushed', 'unchanged'],
      true,
      ['restored', 'unchanged'],
      'restored'
    ],
    [
      'archived, every tag held it already: nothing restored',
      ['unchanged'],
      true,
      ['unchanged'],
      'unchanged'
    ],
    ['not archived: as pushed', ['pushed', 'tagged'], false, ['pushed', 'tagged'], 'delivered']
  ] as const)('%s', (_case, results, archived, expected, result) => {
    const marked = markRestored(delivery(...results), new Set(archived ? [DIGEST] : []))
    expect(marked.tags.map(t => t.result)).toEqual(expected)
    expect(resultOf(marked)).toBe(result)
    expect(recordOf('host', 'us-east-1', 'host/app', marked).result).toBe(result)
  })
})
