import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { checkOutputPath } from "../../src/io/write-file-atomic.js";

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
  files: Map<string, string>;
}

/** An in-memory CliIo: captures stdout, stderr and written files. */
export function makeIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CapturedIo {
  const io: CapturedIo = {
    out: "",
    err: "",
    files: new Map(),
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    writeFile: (path, content, force, flag) => {
      checkOutputPath(path, force, flag);
      io.files.set(path, typeof content === "string" ? content : [...content].join(""));
    },
    appendFile: (path, content) => void io.files.set(path, (io.files.get(path) ?? "") + content),
    env,
    cwd,
  };
  return io;
}

/** Runs the CLI in-process: exit code, stdout, stderr; `columns` as a terminal that wide. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}, columns?: number) {
  const io = makeIo(env);
  // the captured output lives on io itself: set the width on it, never on a copy
  if (columns !== undefined) Object.assign(io, { columns });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err, files: io.files };
}

/** A report's prose lines whole again: each line wrapped to the width (report/table-fit.ts wrapProse) joined with its continuations. */
export const unwrapped = (text: string): string => text.replace(/\n {2}(?=\S)/g, " ");
