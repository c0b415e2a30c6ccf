import { appendFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { writeFileAtomic } from "../io/write-file-atomic.js";

/** Everything the CLI does to the outside world goes through this. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a file atomically; refuses to overwrite unless `force`. */
  writeFile(path: string, content: string | Iterable<string>, force: boolean): void;
  appendFile(path: string, content: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
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
};
