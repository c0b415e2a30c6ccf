import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";

/**
 * Writes to a temporary file in the target's folder, then renames it over the
 * target, so a reader never sees a half-written file. A missing folder is an
 * error (never created); an existing file is kept unless `force`.
 */
/** Refuses a path whose folder is missing, which is a folder, or which exists (unless force). */
export function checkOutputPath(path: string, force: boolean): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`--out ${path}: folder '${folder}' does not exist`);
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new InputError(`--out ${path}: is a folder, expected a file path`);
    if (!force) throw new InputError(`--out ${path}: file exists; add --force to overwrite it`);
  }
}

export function writeFileAtomic(path: string, content: string | Iterable<string>, force: boolean): void {
  checkOutputPath(path, force);
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx");
    for (const chunk of typeof content === "string" ? [content] : content) writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new InputError(`--out ${path}: cannot write (${code})`);
  }
}
