import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";

/**
 * Writes to a temporary file in the target's folder, then renames it over the
 * target, so a reader never sees a half-written file. A missing folder is an
 * error (never created); an existing file is kept unless `force`.
 */
export function writeFileAtomic(path: string, content: string, force: boolean): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`--out ${path}: folder '${folder}' does not exist`);
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new InputError(`--out ${path}: is a folder, expected a file path`);
    if (!force) throw new InputError(`--out ${path}: file exists; add --force to overwrite it`);
  }
  const temp = join(folder, `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputError(`--out ${path}: cannot write (${code})`);
  }
}
