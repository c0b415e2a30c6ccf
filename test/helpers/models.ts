import { evaluateModel, type CostReport } from "../../src/evaluate/cost.js";
import { parseResolution } from "../../src/cli/options.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import type { ModelSpec } from "../../src/model/schema.js";
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

/** One architecture entry alone on a side×side×channels input, evaluated at α 1 under a preset. */
export function costOfEntry(
  side: number,
  channels: number,
  entry: Record<string, unknown>,
  { classes = 1000, convention = "paper" }: { classes?: number; convention?: ConventionName } = {},
): CostReport {
  const spec = {
    name: "one entry",
    source: "test",
    input: { resolution: side, channels },
    classes,
    width_rule: "make-divisible-8",
    layers: [entry],
  } as unknown as ModelSpec;
  return evaluateModel(
    { ref: "one entry", id: "one entry", spec },
    { alpha: { text: "1", value: 1 }, convention: resolveConvention(convention) },
  );
}
