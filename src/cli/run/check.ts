import type { CheckFormat } from "../../report/format.js";
import { dirname, resolve } from "node:path";
import { type BudgetResult, allPassed, checkBudget } from "../../budget/check.js";
import { InputError } from "../../errors.js";
import { evaluateModel } from "../../evaluate/cost.js";
import { readBudgets } from "../../io/read-budgets.js";
import { loadModel } from "../../io/read-model-spec.js";
import { resolveConvention } from "../../model/conventions.js";
import { budgetDocument, githubAnnotations, renderJunit } from "../../report/budget.js";
import { render } from "../../report/format.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { toAlpha } from "../options.js";
import type { Outcome, OutputFile } from "../outcome.js";
import { resolutionText } from "../../model/resolution.js";

export interface CheckOptions {
  readonly file: string;
  readonly format: CheckFormat;
  readonly junit: string | undefined;
  readonly exact: boolean;
  readonly width: number;
}

export const budgetExitCode = (results: readonly BudgetResult[]) =>
  allPassed(results) ? ExitCode.Ok : ExitCode.CheckFailed;

export async function runCheck(options: CheckOptions, io: CliIo): Promise<Outcome> {
  const path = resolve(io.cwd, options.file);
  const { budgets } = await readBudgets(path, options.file);
  const results: BudgetResult[] = [];
  for (const [i, budget] of budgets.entries()) {
    const where = `${options.file}: budgets[${i}]`;
    const alpha = toAlpha(String(budget.alpha ?? "1"));
    if (!alpha) throw new InputError(`${where}.alpha: '${budget.alpha}' must be a number > 0 and ≤ 10`);
    const model = await loadModel(budget.model, dirname(path)).catch((error: unknown) => {
      throw error instanceof InputError ? new InputError(`${where}.model: ${error.message}`) : error;
    });
    const report = evaluateModel(model, {
      alpha,
      ...(budget.resolution !== undefined && { resolution: budget.resolution }),
      ...(budget.depth !== undefined && { depth: budget.depth }),
      convention: resolveConvention(budget.convention ?? "paper"),
    });
    const spec = `${budget.model}@${alpha.text}/${resolutionText(report.resolution)}`;
    results.push(checkBudget(budget.name ?? spec, budget, report));
  }
  const doc = budgetDocument(results, options.exact);
  const files: OutputFile[] = options.junit
    ? // the JUnit file is an output of this run: a re-run replaces it
      [{ path: options.junit, content: renderJunit(results), force: true, flag: "--junit" }]
    : [];
  const github = io.env["GITHUB_ACTIONS"] === "true";
  const summaryPath = io.env["GITHUB_STEP_SUMMARY"];
  const report = await render(options.format, doc, { exact: options.exact, width: options.width });
  return {
    exitCode: budgetExitCode(results),
    stdout: report + (github ? githubAnnotations(results) : ""),
    files,
    ...(github &&
      summaryPath && {
        appends: [{ path: summaryPath, content: await render("markdown", doc, { exact: true }) }],
      }),
  };
}
