import { appendFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { writeFileAtomic } from "../io/write-file-atomic.js";
import { ExitCode } from "./exit-codes.js";

/** Everything the CLI does to the outside world goes through this. */
export interface CliIo {
  /** Resolves when the text is handed over; a slow reader (a pipe) makes it wait. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** Writes a file atomically; refuses to overwrite unless `force`. Errors name `flag` (default --out). */
  writeFile(
    path: string,
    content: string | Iterable<string>,
    force: boolean,
    flag?: string,
  ): void | Promise<void>;
  appendFile(path: string, content: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Terminal width for wrapping help (80 when not a terminal). */
  readonly columns?: number;
}

/**
 * A reader that goes away (`mbn-cost sweep … | head`) ends the run quietly, as SIGPIPE would. Any
 * other failed write (a full disk, `> /dev/full`) ends it at once with one line and exit 2: what was
 * written is incomplete, and a script must not take it for a result (nor exit 1, "over budget").
 */
function endOnFailedWrite(stream: NodeJS.WriteStream, name: string): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    const reason = error.code ?? "error";
    if (stream !== process.stderr)
      process.stderr.write(`error: cannot write to ${name} (${reason}); what was written is incomplete\n`);
    process.exit(ExitCode.BadInput);
  });
}
endOnFailedWrite(process.stdout, "standard output");
endOnFailedWrite(process.stderr, "standard error");

export const nodeIo: CliIo = {
  stdout: (text) =>
    process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once("drain", resolve)),
  stderr: (text) => void process.stderr.write(text),
  writeFile: writeFileAtomic,
  appendFile: (path, content) => {
    try {
      appendFileSync(path, content);
    } catch (error) {
      throw new InputError(`cannot append to ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  },
  env: process.env,
  cwd: process.cwd(),
  ...(process.stdout.columns !== undefined && { columns: process.stdout.columns }),
};
