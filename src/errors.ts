/**
 * Errors a user can fix. They print as one line, without a stack, and exit 2.
 * Anything else is a bug: exit 3 with a hint to report it.
 */
export class InputError extends Error {
  override readonly name = "InputError";
}

export function toOneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
