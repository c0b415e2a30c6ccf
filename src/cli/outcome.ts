import type { ExitCode } from "./exit-codes.js";

export interface OutputFile {
  readonly path: string;
  readonly content: string;
  readonly force: boolean;
}

/** What a command produced. Only main() writes it out. */
export interface Outcome {
  readonly exitCode: ExitCode;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly files?: readonly OutputFile[];
}
