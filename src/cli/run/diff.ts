import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { diffSnapshots, growthPast, type SnapshotModel, snapshotOfReport } from "../../evaluate/diff.js";
import { InputError } from "../../errors.js";
import { filesAt, commitOf } from "../../io/git-files.js";
import { readCostJson } from "../../io/read-cost-json.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { parseConfiguration } from "../../model/configuration.js";
import { type DiffNames, diffDocument } from "../../report/diff.js";
import type { TextFormat } from "../../report/format.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { type EvaluatedBudgets, evaluateBudgets } from "./check.js";
import { outputDocument } from "./output.js";

export interface DiffOptions {
  readonly base: string;
  readonly head: string | undefined;
  /** A git ref: `base` is then a budgets file, evaluated at that commit and in the working tree. */
  readonly against: string | undefined;
  /** Exit 1 when a metric grows more than this percent. */
  readonly failOnIncrease: number | undefined;
  readonly layers: number;
  readonly format: TextFormat | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly exact: boolean;
  readonly width: number;
  readonly read?: ModelReadOptions;
}

const snapshotsOf = ({ budgets }: EvaluatedBudgets): SnapshotModel[] =>
  budgets.map((e) => snapshotOfReport(e.result.name, e.result.report, e.costs));

/** The file a budget's model or hardware names, when it is a path: a spec's model part. */
function namedFile(ref: unknown): string | undefined {
  if (typeof ref !== "string") return undefined;
  try {
    return parseConfiguration(ref).model;
  } catch {
    return ref;
  }
}

/** The files a budgets file at a commit names (models, hardware), copied as that commit has them. */
function copyNamedFiles(budgetsCopy: string, budgetsPath: string, copy: (path: string) => boolean): void {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(budgetsCopy, "utf8"));
  } catch {
    return; // malformed: evaluateBudgets says how
  }
  const budgets = (data as { budgets?: unknown }).budgets;
  if (!Array.isArray(budgets)) return;
  for (const budget of budgets as Record<string, unknown>[])
    for (const file of [namedFile(budget?.["model"]), namedFile(budget?.["hardware"])])
      if (file !== undefined) copy(resolve(dirname(budgetsPath), file));
}

/** A budgets file evaluated at a commit (its files from `git show`, nothing checked out) and as it is now. */
async function budgetsAgainst(options: DiffOptions, ref: string, io: CliIo) {
  const path = resolve(io.cwd, options.base);
  const head = snapshotsOf(await evaluateBudgets(path, options.base, options.read));
  // the repository holding the budgets file, wherever the command runs
  const { root, commit } = commitOf(ref, dirname(path));
  const at = filesAt(commit, root);
  try {
    if (!at.copy(path)) throw new InputError(`--against ${ref}: ${options.base} is not in that commit`);
    copyNamedFiles(at.pathOf(path), path, at.copy);
    const shown = `${options.base} at ${ref}`;
    const base = snapshotsOf(await evaluateBudgets(at.pathOf(path), shown, options.read));
    return { base, head, names: { base: shown, head: options.base } };
  } finally {
    at.remove();
  }
}

function savedOutputs(options: DiffOptions, io: CliIo) {
  if (options.head === undefined)
    throw new InputError(
      "diff needs two saved JSON outputs (base.json head.json), or one budgets file with --against <ref>",
    );
  const read = (file: string) => readCostJson(resolve(io.cwd, file), file);
  const names: DiffNames = { base: options.base, head: options.head };
  return { base: read(options.base), head: read(options.head), names };
}

export async function runDiff(options: DiffOptions, io: CliIo): Promise<Outcome> {
  if (options.against !== undefined && options.head !== undefined)
    throw new InputError(
      `--against ${options.against} compares one budgets file with itself at that commit: give one file, not two`,
    );
  const { base, head, names } =
    options.against === undefined
      ? savedOutputs(options, io)
      : await budgetsAgainst(options, options.against, io);
  const diffs = diffSnapshots(base, head, options.layers);
  const limit = options.failOnIncrease;
  const verdict = limit === undefined ? undefined : { limitPct: limit, past: growthPast(diffs, limit) };
  const doc = diffDocument(diffs, names, options.exact, verdict);
  const exitCode = verdict && verdict.past.length > 0 ? ExitCode.CheckFailed : ExitCode.Ok;
  const { format, out, force, exact, width } = options;
  return outputDocument(doc, { format, out, force, exact, width, verbose: false, theme: "light" }, exitCode);
}
