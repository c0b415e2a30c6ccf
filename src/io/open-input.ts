/**
 * Input files are regular files (or standard input, named "-"). A named pipe
 * would block the run until something writes to it, and a device may never
 * end: both are refused. The file is opened without blocking (O_NONBLOCK, which
 * changes nothing for a regular file) and checked on its descriptor, so what
 * is read is what was checked.
 */
import { closeSync, constants, fstatSync, openSync } from "node:fs";
import { InputError } from "../errors.js";

/** A descriptor of the regular file at `path`; `shown` names it in errors, `what` says what it should be. */
export function openRegularFile(
  path: string,
  shown: string,
  what: string,
  { orStandardInput = true } = {},
): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${shown}: no such file`);
    throw new InputError(`${shown}: cannot read it (${code ?? "error"})`);
  }
  const stat = fstatSync(fd);
  if (stat.isFile()) return fd;
  closeSync(fd);
  if (stat.isDirectory()) throw new InputError(`${shown}: is a folder, expected a ${what} file`);
  const alternative = orStandardInput ? ", or - for standard input" : "";
  throw new InputError(
    `${shown}: is not a regular file (a named pipe, device or socket); give a ${what} file${alternative}`,
  );
}
