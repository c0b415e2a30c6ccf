import { compareRational, rational } from "../../algebra/rational.js";
import type { Dtype, Fusion } from "../../evaluate/option-names.js";
import { parseRange } from "../../evaluate/range.js";
import { ridgeSweep } from "../../evaluate/ridge.js";
import { type ConventionName, type ConventionOverrides, resolveConvention } from "../../model/conventions.js";
import { MAX_RIDGE_POINT } from "../../published/hardware.js";
import { ridgeDocument } from "../../report/ridge.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { evaluateSpecs, type SpecDefaults } from "./compare.js";
import { outputDocument } from "./output.js";

export interface RidgeOptions extends SpecDefaults {
  readonly specs: readonly string[];
  /** A list or START:STOP:STEP of ridge points (MACs per byte). */
  readonly ridgePoints: string;
  readonly fusion: Fusion;
  readonly dtype: Dtype;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  readonly output: OutputChoice;
}

export async function runRidge(options: RidgeOptions, io: CliIo): Promise<Outcome> {
  const convention = resolveConvention(options.convention, options.overrides);
  const points = parseRange(
    options.ridgePoints,
    "--ridge-points",
    (r) =>
      r.num >= 0n && compareRational(r, rational(MAX_RIDGE_POINT)) <= 0
        ? undefined
        : `a ridge point is from 0 to ${MAX_RIDGE_POINT} MACs per byte`,
    "a list (0,31.2,433.8) or START:STOP:STEP (0:500:25)",
  ).map((v) => ({ text: v.text, value: v.exact }));
  const specs = await evaluateSpecs(options.specs, convention, io.cwd, options);
  const sweep = ridgeSweep(
    specs.map((s) => s.report),
    points,
    options.fusion,
    options.dtype,
  );
  return outputDocument(ridgeDocument(specs, sweep, options.fusion, options.dtype), options.output);
}
