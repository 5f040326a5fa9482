import { InputError } from '../../src/common/errors.js'

/** The InputError `parse` throws; fails the test when it throws something else or nothing. */
export function inputErrorOf(parse: () => unknown): InputError {
  try {
    parse()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError, but nothing was thrown')
}
