import { evaluateModel, type CostReport } from "../../src/evaluate/cost.js";
import { parseResolution } from "../../src/cli/options.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import {
  type ConventionName,
  type ConventionOverrides,
  resolveConvention,
} from "../../src/model/conventions.js";

/** Evaluates a built-in model by name, as the CLI does. */
export async function costOf(
  model: string,
  alpha = "1.0",
  resolution?: number | string,
  convention: ConventionName = "paper",
  overrides: ConventionOverrides = {},
  depth?: number,
): Promise<CostReport> {
  const ref = await loadModel(model, process.cwd());
  return evaluateModel(ref, {
    alpha: { text: alpha, value: Number(alpha) },
    ...(resolution !== undefined && {
      resolution: typeof resolution === "number" ? resolution : parseResolution(resolution),
    }),
    convention: resolveConvention(convention, overrides),
    ...(depth !== undefined && { depth }),
  });
}
