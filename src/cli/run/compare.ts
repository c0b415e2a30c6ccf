import type { Resolution } from "../../model/resolution.js";
import { compareReports } from "../../evaluate/compare.js";
import type { CompareBreakdownBy } from "../../evaluate/option-names.js";
import { type CostReport, evaluateModel } from "../../evaluate/cost.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import {
  type Convention,
  type ConventionName,
  type ConventionOverrides,
  resolveConvention,
} from "../../model/conventions.js";
import { compareDocument } from "../../report/compare.js";
import type { HardwareChoice, OutputChoice } from "../commands/model-options.js";
import { hardwareProfile, rooflineAsChosen } from "./hardware.js";
import type { CliIo } from "../io.js";
import { type Alpha, parseConfiguration } from "../../model/configuration.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface CompareOptions extends SpecDefaults {
  readonly specs: readonly string[];
  readonly by: CompareBreakdownBy | undefined;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  readonly output: OutputChoice;
  /** --hardware or --ridge-point: each spec's bytes and roofline cost beside the comparison. */
  readonly hardware?: HardwareChoice | undefined;
}

/** --alpha and --resolution of compare and report: for every spec that does not say its own; --depth for every spec. */
export interface SpecDefaults {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  readonly alpha?: Alpha | undefined;
  readonly resolution?: Resolution | undefined;
  readonly depth?: number | undefined;
}

export interface EvaluatedSpec {
  /** As the user wrote it: v1@0.5, fd@1, v2@0.75/160. */
  readonly spec: string;
  readonly report: CostReport;
}

/** Each `model[@alpha][/resolution]` spec, evaluated under one convention. */
export async function evaluateSpecs(
  specs: readonly string[],
  convention: Convention,
  cwd: string,
  defaults: SpecDefaults = {},
): Promise<EvaluatedSpec[]> {
  const evaluated: EvaluatedSpec[] = [];
  for (const spec of specs) {
    const parsed = parseConfiguration(spec);
    const model = await loadModel(parsed.model, cwd, defaults.read);
    const alpha = parsed.alphaGiven ? parsed.alpha : (defaults.alpha ?? parsed.alpha);
    const side = parsed.resolution ?? defaults.resolution;
    const resolution = side !== undefined && { resolution: side };
    const depth = defaults.depth !== undefined && { depth: defaults.depth };
    evaluated.push({ spec, report: evaluateModel(model, { alpha, ...resolution, ...depth, convention }) });
  }
  return evaluated;
}

export async function runCompare(options: CompareOptions, io: CliIo): Promise<Outcome> {
  const convention = resolveConvention(options.convention, options.overrides);
  const specs = await evaluateSpecs(options.specs, convention, io.cwd, options);
  const comparison = compareReports(
    specs.map((s) => s.report),
    options.by,
  );
  const doc = compareDocument(specs, comparison);
  if (!options.hardware) return outputDocument(doc, options.output);
  const profile = await hardwareProfile(options.hardware, io.cwd);
  const costs = specs.map((s) => rooflineAsChosen(s.report, profile, options.hardware!));
  const { withRooflines } = await import("../../report/roofline.js");
  return outputDocument(
    withRooflines(
      doc,
      specs.map((s) => s.spec),
      costs,
    ),
    options.output,
  );
}
