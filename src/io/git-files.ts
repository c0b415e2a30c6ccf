/**
 * Files as they are at another commit, read with `git show <ref>:<path>` (nothing checked out), and
 * written under a temporary directory at the same paths, so a budgets file and the model files it
 * names are read there as they were.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative } from "node:path";
import { InputError } from "../errors.js";

/** Past this, a file at a commit is not a budgets or model file. */
const MAX_BLOB_BYTES = 512 * 1024 * 1024;

function git(args: readonly string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The commit a ref names, checked: a ref is user text, never an option of git's. */
export function commitOf(ref: string, cwd: string): { root: string; commit: string } {
  if (ref === "" || ref.startsWith("-"))
    throw new InputError(`--against '${ref}': expected a git ref (a branch, a tag or a commit)`);
  let root: string;
  try {
    root = git(["rev-parse", "--show-toplevel"], cwd);
  } catch {
    throw new InputError(`--against ${ref}: ${cwd} is not inside a git repository`);
  }
  try {
    return { root, commit: git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd) };
  } catch {
    throw new InputError(`--against ${ref}: no such commit in ${root}`);
  }
}

/** A file inside the repository as it is at `commit`, or undefined when the commit has none there. */
function showAt(commit: string, root: string, path: string): Buffer | undefined {
  const inRepo = relative(root, path);
  if (inRepo.startsWith("..") || isAbsolute(inRepo)) return undefined;
  try {
    return execFileSync("git", ["show", `${commit}:${inRepo.split("\\").join("/")}`], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: MAX_BLOB_BYTES,
    });
  } catch {
    return undefined;
  }
}

/** A temporary copy of the files at a commit; `pathOf` maps a working-tree path to its copy. */
export interface FilesAtCommit {
  readonly pathOf: (path: string) => string;
  /** Copies the file at `path` as the commit has it; false when the commit has none there. */
  readonly copy: (path: string) => boolean;
  readonly remove: () => void;
}

export function filesAt(commit: string, root: string): FilesAtCommit {
  const dir = mkdtempSync(join(tmpdir(), "mbn-cost-against-"));
  const pathOf = (path: string) => join(dir, relative(root, path));
  return {
    pathOf,
    copy: (path) => {
      const blob = showAt(commit, root, path);
      if (blob === undefined) return false;
      mkdirSync(dirname(pathOf(path)), { recursive: true });
      writeFileSync(pathOf(path), blob);
      return true;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
