import { evaluateModel } from "../../evaluate/cost.js";
import { loadModel } from "../../io/read-model-spec.js";
import { type ConventionName, type ConventionOverrides, resolveConvention } from "../../model/conventions.js";
import type { BreakdownBy } from "../../evaluate/breakdown.js";
import { layersDocument } from "../../report/layers.js";
import { activationMemory, type MemoryOptions } from "../../evaluate/memory.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import type { Alpha } from "../options.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface ShowOptions {
  readonly model: string;
  readonly alpha: Alpha;
  readonly resolution: number | undefined;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  readonly output: OutputChoice;
  readonly by: BreakdownBy | undefined;
  readonly memory: MemoryOptions;
}

export async function runShow(options: ShowOptions, io: CliIo): Promise<Outcome> {
  const model = await loadModel(options.model, io.cwd);
  const report = evaluateModel(model, {
    alpha: options.alpha,
    ...(options.resolution !== undefined && { resolution: options.resolution }),
    convention: resolveConvention(options.convention, options.overrides),
  });
  const memory = activationMemory(report.rows, options.memory);
  if (!options.by) return outputDocument(layersDocument(report, memory), options.output);
  const { analyseBreakdown } = await import("../../evaluate/breakdown.js");
  const { breakdownDocument } = await import("../../report/breakdown.js");
  const doc = breakdownDocument(report, analyseBreakdown(report, options.by), memory);
  return outputDocument(doc, options.output);
}
