/**
 * Errors a user can fix. They print as one line, without a stack, and exit 2.
 * Anything else is a bug: exit 3 with a hint to report it.
 */
/** The mark of an InputError, in the global symbol registry: the same in every bundle file. */
const INPUT_ERROR = Symbol.for("mbn-cost.InputError");

/**
 * A file the CLI bundle loads apart (a decoder, a renderer: scripts/bundle-cli.mjs) holds its own copy
 * of this class: `instanceof` goes by the mark, so an InputError thrown there is one here too.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly [INPUT_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && INPUT_ERROR in value;
  }
}

export function toOneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
