import { appendFileSync, fstatSync } from "node:fs";
import { createRequire } from "node:module";
import { InputError } from "../errors.js";
import { writeAllSync } from "../io/when-ready.js";
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
  /** Terminal width for wrapping help and fitting tables (undefined when not a terminal); read only by them. */
  readonly columns?: number | undefined;
}

/**
 * Standard output and error are written with writeSync on their descriptors: a write returns when the
 * reader took it (a slow pipe holds the sweep back, so memory stays bounded), and process.stdout's
 * stream machinery (~3 ms of every start) is never loaded. A reader that goes away (`mbn-cost sweep …
 * | head`) ends the run quietly, as SIGPIPE would; any other failed write (a full disk, `> /dev/full`)
 * ends it at once with one line and exit 2: what was written is incomplete, and a script must not take
 * it for a result (nor exit 1, "over budget").
 */
function writeOrEnd(fd: 1 | 2, text: string): void {
  try {
    writeAllSync(fd, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    if (fd === 1) {
      const line = `error: cannot write to standard output (${code ?? "error"}); what was written is incomplete\n`;
      try {
        writeAllSync(2, line);
      } catch {
        // standard error is gone too: the exit code says it
      }
    }
    process.exit(ExitCode.BadInput);
  }
}

/**
 * A terminal's width. A pipe or a file (how scripts run mbn-cost) is told by one fstat; only a
 * character device, which a terminal is (and /dev/null), loads node:tty and process.stdout (~4 ms
 * with net and stream): nodeIo asks only when help or a table is printed.
 */
function terminalColumns(): number | undefined {
  try {
    if (!fstatSync(1).isCharacterDevice()) return undefined;
  } catch {
    return undefined; // standard output closed (>&-): a write will say so
  }
  const { isatty } = createRequire(import.meta.url)("node:tty") as typeof import("node:tty");
  return isatty(1) ? process.stdout.columns : undefined;
}

let columnsOnce: { readonly columns: number | undefined } | undefined;

export const nodeIo: CliIo = {
  stdout: (text) => writeOrEnd(1, text),
  stderr: (text) => writeOrEnd(2, text),
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
  get columns() {
    columnsOnce ??= { columns: terminalColumns() };
    return columnsOnce.columns;
  },
};
