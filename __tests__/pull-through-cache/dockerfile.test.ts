import { describe, expect, test } from '@jest/globals'
import {
  buildContextLines,
  cacheReference,
  rewriteDockerfile,
  routeBaseImage,
  type RouteRule
} from '../../src/pull-through-cache/base-images.js'
import { readDockerfile, substitute } from '../../src/pull-through-cache/dockerfile.js'
import type { WarmTarget } from '../../src/pull-through-cache/warm.js'

const images = (text: string) => readDockerfile(text, 'Dockerfile').bases.map(b => b.image)

describe('readDockerfile', () => {
  test.each([
    ['one FROM', 'FROM node:20\nRUN npm ci\n', ['node:20']],
    [
      'multi-stage: stage references skipped',
      'FROM node:20 AS build\nRUN x\nFROM build AS test\nFROM nginx:1.27\nCOPY --from=build /a /b\n',
      ['node:20', 'nginx:1.27']
    ],
    ['scratch skipped, any case', 'FROM golang:1.22 as build\nFROM SCRATCH\n', ['golang:1.22']],
    [
      'lowercase from and --platform',
      'from --platform=$BUILDPLATFORM node:20-alpine AS deps\n',
      ['node:20-alpine']
    ],
    [
      'ARG before FROM substituted',
      'ARG NODE=20\nARG BASE=node:${NODE}-slim\nFROM ${BASE}\nFROM $BASE AS two\n',
      ['node:20-slim', 'node:20-slim']
    ],
    [
      '${VAR:-default} and ${VAR:+alt}',
      'ARG TAG\nARG X=1\nFROM alpine:${TAG:-3.20}\nFROM busybox${X:+:1.36}\n',
      ['alpine:3.20', 'busybox:1.36']
    ],
    [
      'an ARG after the first FROM does not apply to FROM',
      'FROM alpine\nARG LATER=x\nFROM ${LATER}\n',
      ['alpine']
    ],
    [
      'digests and registries with ports',
      'FROM ghcr.io/org/app@sha256:' + 'a'.repeat(64) + '\nFROM localhost:5000/base:1\n',
      ['ghcr.io/org/app@sha256:' + 'a'.repeat(64), 'localhost:5000/base:1']
    ],
    [
      'comments and line continuations',
      '# syntax=docker/dockerfile:1\n# a comment\nFROM \\\n  # inside\n  python:3.12 \\\n  AS app\n',
      ['python:3.12']
    ],
    ['the escape directive', '# escape=`\nFROM `\n  ruby:3.3\n', ['ruby:3.3']],
    ['CRLF line ends', 'FROM node:20\r\nFROM nginx\r\n', ['node:20', 'nginx']],
    [
      'heredoc bodies are content, not instructions',
      'FROM node:20\nRUN <<EOF\nFROM evil/thing:1\nEOF\nCOPY <<-"INNER" <<two /app/\n\tFROM inner:1\n\tINNER\nFROM two:1\ntwo\nFROM nginx\n',
      ['node:20', 'nginx']
    ]
  ])('%s', (_case, text, expected) => expect(images(text)).toEqual(expected))

  test('a FROM whose variable has no default is a warning naming the line, not an image', () => {
    const read = readDockerfile('ARG BASE\nFROM node:20\nFROM ${BASE}\n', 'app/Dockerfile')
    expect(read.bases.map(b => b.image)).toEqual(['node:20'])
    expect(read.warnings).toEqual([
      'app/Dockerfile:3: FROM ${BASE}: a variable has no default, so the image is unknown'
    ])
  })

  test('line, platform, stage and the word as written are kept for rewriting', () => {
    const [base] = readDockerfile(
      'ARG V=20\n\nFROM --platform=linux/amd64 node:${V} AS build\n',
      'Dockerfile'
    ).bases
    expect(base).toMatchObject({
      line: 3,
      image: 'node:20',
      written: 'node:${V}',
      platform: 'linux/amd64',
      stage: 'build'
    })
  })
})

describe('substitute', () => {
  const args = new Map<string, string | undefined>([
    ['A', 'x'],
    ['EMPTY', ''],
    ['UNSET', undefined]
  ])
  test.each([
    ['$A', 'x'],
    ['${A}-y', 'x-y'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${A:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['plain', 'plain']
  ])('%s', (value, expected) => expect(substitute(value, args)).toBe(expected))
  test.each([['$UNSET'], ['${MISSING}']])('%s is unresolved', value =>
    expect(substitute(value, args)).toBeUndefined()
  )
})

const rules: RouteRule[] = [
  { prefix: 'docker-hub', upstreamUrl: 'registry-1.docker.io' },
  { prefix: 'ghcr', upstreamUrl: 'ghcr.io' },
  { prefix: 'mirror', upstreamUrl: 'quay.io', upstreamPrefix: 'team' }
]

describe('routeBaseImage', () => {
  test.each([
    ['node:20', { repository: 'docker-hub/library/node', reference: '20', rewritten: true }],
    ['nginx', { repository: 'docker-hub/library/nginx', reference: 'latest', rewritten: true }],
    [
      'docker.io/library/node:20',
      { repository: 'docker-hub/library/node', reference: '20', rewritten: false }
    ],
    ['bitnami/redis:7', { repository: 'docker-hub/bitnami/redis', reference: '7', rewritten: false }],
    ['index.docker.io/nginx:1', { repository: 'docker-hub/library/nginx', reference: '1', rewritten: true }],
    [
      'ghcr.io/org/app@sha256:' + 'b'.repeat(64),
      { repository: 'ghcr/org/app', reference: 'sha256:' + 'b'.repeat(64) }
    ],
    ['quay.io/team/tool:1', { repository: 'mirror/tool', reference: '1' }]
  ])('%s', (image, expected) =>
    expect(routeBaseImage(image, rules)).toMatchObject({ input: image, ...expected })
  )

  test.each([
    ['registry.k8s.io/pause:3.9', /no pull-through-cache rule caches registry.k8s.io/],
    ['quay.io/other/tool:1', /no pull-through-cache rule caches quay.io/],
    ['localhost:5000/base:1', /caches localhost:5000/]
  ])('%s is not routed', (image, reason) => expect(routeBaseImage(image, rules)).toMatch(reason))

  test('an upstream prefix of ROOT (as ECR reports the default) is the whole upstream', () => {
    expect(
      routeBaseImage('node:20', [
        { prefix: 'hub', upstreamUrl: 'registry-1.docker.io', upstreamPrefix: 'ROOT' }
      ])
    ).toMatchObject({ repository: 'hub/library/node' })
  })

  test('ROOT caches under no prefix', () => {
    expect(
      routeBaseImage('node:20', [{ prefix: 'ROOT', upstreamUrl: 'registry-1.docker.io' }])
    ).toMatchObject({
      repository: 'library/node'
    })
  })
})

describe('build contexts and the rewritten Dockerfile', () => {
  const host = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
  const target = routeBaseImage('node:20', rules) as WarmTarget

  test('one line per image, in build-push-action and buildx format', () => {
    expect(
      buildContextLines(host, [
        { image: 'node:20', target },
        { image: 'node:20', target }
      ])
    ).toEqual([`node:20=docker-image://${host}/docker-hub/library/node:20`])
    expect(
      cacheReference(host, routeBaseImage('ghcr.io/o/a@sha256:' + 'c'.repeat(64), rules) as WarmTarget)
    ).toBe(`${host}/ghcr/o/a@sha256:${'c'.repeat(64)}`)
  })

  test('FROM lines point at the cache; flags, stage names and other lines kept', () => {
    const text = 'ARG V=20\nFROM --platform=$BUILDPLATFORM node:${V} AS build\nRUN echo node:20\nFROM build\n'
    const { bases } = readDockerfile(text, 'Dockerfile')
    const rewritten = rewriteDockerfile(text, [
      { from: bases[0]!, reference: `${host}/docker-hub/library/node:20` }
    ])
    expect(rewritten).toEqual({
      text: `ARG V=20\nFROM --platform=$BUILDPLATFORM ${host}/docker-hub/library/node:20 AS build\nRUN echo node:20\nFROM build\n`,
      unchanged: []
    })
  })

  test('a FROM whose image stands on a continuation line is left as it was, and said', () => {
    const text = 'FROM --platform=$BUILDPLATFORM \\\n  golang:1.22 AS build\n'
    const { bases } = readDockerfile(text, 'Dockerfile')
    expect(bases.map(b => b.image)).toEqual(['golang:1.22'])
    const rewritten = rewriteDockerfile(text, [
      { from: bases[0]!, reference: `${host}/docker-hub/library/golang:1.22` }
    ])
    expect(rewritten.text).toBe(text)
    expect(rewritten.unchanged.map(f => f.line)).toEqual([1])
  })
})
