import type { ExitCode } from "./exit-codes.js";

export interface OutputFile {
  readonly path: string;
  /** Text, or chunks produced lazily (streamed to a temporary file, then renamed). */
  readonly content: string | Iterable<string>;
  readonly force: boolean;
  /** The option that named the file, for messages (default --out). */
  readonly flag?: string;
}

/** What a command produced. Only main() writes it out. */
export interface Outcome {
  readonly exitCode: ExitCode;
  /** Text, or chunks produced lazily and written as they come. */
  readonly stdout?: string | Iterable<string>;
  readonly stderr?: string;
  readonly files?: readonly OutputFile[];
  /** Text appended to existing files (GitHub's step summary). */
  readonly appends?: readonly { readonly path: string; readonly content: string }[];
}
