// Two projects: `unit` runs anywhere; `integration` needs the local stand-ins
// (scripts/test-env.sh up) and runs the bundled actions in dist/ as the runner does. The stand-ins
// are shared (one engine, one registry, one moto), so integration files run with --runInBand.
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }
  ]
}
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
  testEnvironment: 'node'
}

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/integration/setup.ts']
    }
  ],
  collectCoverageFrom: ['src/**/*.ts']
}
