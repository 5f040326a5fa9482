import { jest } from '@jest/globals'

// Each step runs the bundled action against the real engine and registry: seconds, not milliseconds.
jest.setTimeout(120_000)
