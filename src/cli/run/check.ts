import type { CheckFormat } from "../../report/format.js";
import { dirname, resolve } from "node:path";
import { type BudgetResult, allPassed, checkBudget } from "../../budget/check.js";
import { InputError } from "../../errors.js";
import { type CostReport, evaluateModel, type ModelRef } from "../../evaluate/cost.js";
import { readBudgets } from "../../io/read-budgets.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { resolveConvention } from "../../model/conventions.js";
import { type BudgetLines, budgetDocument, githubAnnotations, renderJunit } from "../../report/budget.js";
import { arrayElementLines } from "../../budget/json-lines.js";
import { render } from "../../report/format.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { ALPHA_RULE, toAlpha } from "../../model/configuration.js";
import { targetIn } from "./target.js";
import type { Outcome, OutputFile } from "../outcome.js";
import { resolutionText, squareResolution } from "../../model/resolution.js";
import { type Roofline, roofline } from "../../evaluate/roofline.js";
import type { Budget } from "../../budget/schema.js";

export interface CheckOptions {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  readonly file: string;
  readonly format: CheckFormat;
  readonly junit: string | undefined;
  readonly exact: boolean;
  readonly width: number;
}

export const budgetExitCode = (results: readonly BudgetResult[]) =>
  allPassed(results) ? ExitCode.Ok : ExitCode.CheckFailed;

/** The roofline of a budget with a hardware profile (a built-in, or a file relative to the budgets file). */
async function budgetRoofline(
  budget: Budget,
  report: CostReport,
  base: string,
  where: string,
): Promise<Roofline | undefined> {
  if (budget.hardware === undefined) return undefined;
  const { readHardware } = await import("../../io/read-hardware.js");
  const profile = await readHardware(budget.hardware, resolve(base, budget.hardware)).catch(
    (error: unknown) => {
      throw error instanceof InputError ? new InputError(`${where}.hardware: ${error.message}`) : error;
    },
  );
  if (budget.max_latency_ms !== undefined && profile.peakMacsPerSecond === undefined)
    throw new InputError(
      `${where}.max_latency_ms: '${profile.name}' has a ridge point but no peaks, so no time; give a profile with peak_macs_per_s and bandwidth_bytes_per_s, or use max_roofline_macs`,
    );
  // a graph file's rows at its own element types; a built-in's at the profile's
  return roofline(report, profile, budget.fusion ?? "none", profile.dtype, true);
}

/** A budget's model, which may be a spec (v2@0.5/160), with its own alpha and resolution fields: one way each. */
function budgetTarget(budget: Budget, where: string, dir: string) {
  const alpha = budget.alpha === undefined ? undefined : toAlpha(String(budget.alpha));
  if (budget.alpha !== undefined && !alpha)
    throw new InputError(`${where}.alpha: '${budget.alpha}' must be ${ALPHA_RULE}`);
  const given = {
    alpha,
    resolution: budget.resolution === undefined ? undefined : squareResolution(budget.resolution),
    names: { alpha: `${where}.alpha`, resolution: `${where}.resolution` },
  };
  try {
    return targetIn(budget.model, given, dir);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${where}.model: ${error.message}`) : error;
  }
}

/** A budget's result, and its roofline on the budget's hardware. */
export interface EvaluatedBudget {
  readonly result: BudgetResult;
  readonly costs: Roofline | undefined;
}

/** A budgets file's budgets evaluated, and its text (each budget's line, for annotations). */
export interface EvaluatedBudgets {
  readonly budgets: readonly EvaluatedBudget[];
  readonly text: string;
}

/** Every budget of a budgets file evaluated: `shown` names the file in messages. */
export async function evaluateBudgets(
  path: string,
  shown: string,
  read: ModelReadOptions | undefined,
): Promise<EvaluatedBudgets> {
  const {
    file: { budgets },
    text,
  } = await readBudgets(path, shown);
  const evaluated: EvaluatedBudget[] = [];
  // budgets often share a configuration (one model, several limits): each is read and counted once
  const models = new Map<string, Promise<ModelRef>>();
  const reports = new Map<string, CostReport>();
  for (const [i, budget] of budgets.entries()) {
    const where = `${shown}: budgets[${i}]`;
    const target = budgetTarget(budget, where, dirname(path));
    const alpha = target.alpha ?? toAlpha("1")!;
    if (!models.has(target.model)) models.set(target.model, loadModel(target.model, dirname(path), read));
    const model = await models.get(target.model)!.catch((error: unknown) => {
      throw error instanceof InputError ? new InputError(`${where}.model: ${error.message}`) : error;
    });
    const key = JSON.stringify([
      target.model,
      alpha.text,
      target.resolution,
      budget.depth,
      budget.convention,
    ]);
    let report = reports.get(key);
    if (report === undefined) {
      report = evaluateModel(model, {
        alpha,
        ...(target.resolution !== undefined && { resolution: target.resolution }),
        ...(budget.depth !== undefined && { depth: budget.depth }),
        convention: resolveConvention(budget.convention ?? "paper"),
      });
      reports.set(key, report);
    }
    // a graph file's widths are its own: its default name carries no α
    const width = model.spec.graph ? "" : `@${alpha.text}`;
    const spec = `${target.model}${width}/${resolutionText(report.resolution)}`;
    const costs = await budgetRoofline(budget, report, dirname(path), where);
    evaluated.push({ result: checkBudget(budget.name ?? spec, budget, report, costs), costs });
  }
  return { budgets: evaluated, text };
}

/** Each budget's line in its file, for annotations there (the file as given, relative to the workspace). */
const budgetLines = (file: string, text: string): BudgetLines => ({
  file,
  lines: arrayElementLines(text, "budgets"),
});

export async function runCheck(options: CheckOptions, io: CliIo): Promise<Outcome> {
  const { budgets, text } = await evaluateBudgets(resolve(io.cwd, options.file), options.file, options.read);
  const results = budgets.map((e) => e.result);
  const doc = budgetDocument(results, options.exact);
  const files: OutputFile[] = options.junit
    ? // the JUnit file is an output of this run: a re-run replaces it
      [{ path: options.junit, content: renderJunit(results), force: true, flag: "--junit" }]
    : [];
  const github = io.env["GITHUB_ACTIONS"] === "true";
  const summaryPath = io.env["GITHUB_STEP_SUMMARY"];
  const report = await render(options.format, doc, {
    exact: options.exact,
    ...(options.format === "table" && { width: options.width }),
  });
  return {
    exitCode: budgetExitCode(results),
    stdout: report + (github ? githubAnnotations(results, budgetLines(options.file, text)) : ""),
    files,
    ...(github &&
      summaryPath && {
        appends: [{ path: summaryPath, content: await render("markdown", doc, { exact: true }) }],
      }),
  };
}
