import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { writeAllSync } from "./when-ready.js";

/**
 * Where `--out` writes, and how:
 * - a regular file (or a new path) is written to a temporary file beside it, flushed, then
 *   renamed over it, so a reader never sees half a file; an existing file needs `force`;
 * - a symbolic link is followed: its target is what is written, atomically beside the target,
 *   and the link stays a link (a link to nothing is refused);
 * - a character device, FIFO or socket (/dev/null, a named pipe) is written to, never replaced.
 */
export type OutputTarget =
  /** `mode`: the permission bits of the file it replaces, kept by the new one. */
  | { readonly kind: "file"; readonly path: string; readonly mode?: number }
  /** `fd` when the stream is this process's own stdout or stderr (a socket cannot be opened by path). */
  | { readonly kind: "stream"; readonly path: string; readonly fd?: number };

/** 1 or 2 when the path is this process's standard output or error (/dev/stdout, /proc/self/fd/2). */
function ownStandardStream(target: Stats): number | undefined {
  return [1, 2].find((fd) => {
    try {
      const own = fstatSync(fd);
      return own.dev === target.dev && own.ino === target.ino;
    } catch {
      return false;
    }
  });
}

const statOrUndefined = (path: string, stat: (p: string) => Stats, flag: string): Stats | undefined => {
  try {
    return stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InputError(
      `${flag} ${path}: cannot use it (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
};

const fileExists = (flag: string, path: string) =>
  new InputError(`${flag} ${path}: file exists; add --force to overwrite it`);

/** Refuses a path whose folder is missing, which is a folder, or which exists (unless force); says how to write it. */
export function checkOutputPath(path: string, force: boolean, flag = "--out"): OutputTarget {
  const link = statOrUndefined(path, lstatSync, flag);
  const target = statOrUndefined(path, statSync, flag);
  if (link?.isSymbolicLink() && !target)
    throw new InputError(`${flag} ${path}: is a symbolic link to a missing file; give the target's own path`);
  if (target && (target.isCharacterDevice() || target.isFIFO() || target.isSocket())) {
    const fd = ownStandardStream(target);
    return fd === undefined ? { kind: "stream", path } : { kind: "stream", path, fd };
  }
  const file = link?.isSymbolicLink() ? realpathSync(path) : path;
  const folder = dirname(file);
  const folderStat = statOrUndefined(folder, statSync, flag);
  if (!folderStat?.isDirectory()) throw new InputError(`${flag} ${path}: folder '${folder}' does not exist`);
  if (target) {
    if (target.isDirectory()) throw new InputError(`${flag} ${path}: is a folder, expected a file path`);
    if (!target.isFile()) throw new InputError(`${flag} ${path}: is not a regular file, a device or a pipe`);
    if (!force) throw fileExists(flag, path);
  }
  return target ? { kind: "file", path: file, mode: target.mode & 0o7777 } : { kind: "file", path: file };
}

/** A turn of the event loop, so that a signal's handler runs between chunks. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeChunks(fd: number, content: string | Iterable<string>): Promise<void> {
  for (const chunk of typeof content === "string" ? [content] : content) {
    writeAllSync(fd, chunk);
    await turn();
  }
}

const INTERRUPTIONS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * While the temporary file exists, an interrupting signal removes it, then ends the process as that
 * signal would have (its default action, so the shell sees 130 for Ctrl-C). Returns the release.
 */
function removeOnInterrupt(temp: string): () => void {
  const release = () => {
    for (const signal of INTERRUPTIONS) process.off(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    rmSync(temp, { force: true });
    release();
    process.kill(process.pid, signal);
  }
  for (const signal of INTERRUPTIONS) process.on(signal, onSignal);
  return release;
}

/**
 * Puts the finished temporary file in place. Without force, a hard link refuses atomically a file
 * that appeared while the output was being computed (where the file system has no hard links, the
 * check is repeated just before the rename).
 */
function moveIntoPlace(temp: string, target: string, force: boolean, flag: string, shown: string): void {
  if (force) {
    renameSync(temp, target);
    return;
  }
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw fileExists(flag, shown);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (statOrUndefined(target, lstatSync, flag)) throw fileExists(flag, shown);
    renameSync(temp, target);
    return;
  }
  rmSync(temp, { force: true });
}

async function writeStream(
  target: Extract<OutputTarget, { kind: "stream" }>,
  content: string | Iterable<string>,
  flag: string,
) {
  if (target.fd !== undefined) return writeChunks(target.fd, content);
  const fd = openOrExplain(target.path, flag, () => openSync(target.path, "w"));
  try {
    await writeChunks(fd, content);
  } finally {
    closeSync(fd);
  }
}

export async function writeFileAtomic(
  path: string,
  content: string | Iterable<string>,
  force: boolean,
  flag = "--out",
): Promise<void> {
  const target = checkOutputPath(path, force, flag);
  if (target.kind === "stream") return writeStream(target, content, flag);
  const temp = join(dirname(target.path), `.${basename(target.path)}.tmp-${process.pid}-${Date.now()}`);
  let fd: number | undefined;
  const release = removeOnInterrupt(temp);
  try {
    fd = openSync(temp, "wx");
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
    await writeChunks(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    await turn(); // a signal that came during the last chunk removes the file rather than let it land
    moveIntoPlace(temp, target.path, force, flag, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new InputError(`${flag} ${path}: cannot write (${code})`);
  } finally {
    release();
  }
}

function openOrExplain(path: string, flag: string, open: () => number): number {
  try {
    return open();
  } catch (error) {
    throw new InputError(
      `${flag} ${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}
