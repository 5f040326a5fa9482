/**
 * Errors the user can act on. Everything that fails the step ends up in `runAction`
 * (src/common/run.ts), which turns it into exactly one `::error::` line.
 */

/** An input broke a rule. Raised while parsing, before anything is created or pushed. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly rule: string
  ) {
    super(`Input "${input}": ${rule}`)
    this.name = 'InputError'
  }
}

/** A failure whose message already says what happened and what to do. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ActionError'
  }
}

/** The message of anything thrown, whether or not it is an Error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/**
 * A value from outside (an input, a file, a registry) for a message: in double quotes, with quotes,
 * backslashes and every control character escaped, so it stays on one line and cannot end the quote;
 * cut at `max` characters.
 */
export function quote(value: unknown, max = 200): string {
  const text = String(value)
  const cut = text.length > max ? `${text.slice(0, max)}…` : text
  return JSON.stringify(cut)
}
