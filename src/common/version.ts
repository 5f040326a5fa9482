/** The suite's version, as package.json has it (a unit test keeps the two equal). */
export const VERSION = '0.1.0'

/** What every request the suite makes says it is. */
export const USER_AGENT = `ecr-deliver/${VERSION}`
