import { evaluateModel } from "../../evaluate/cost.js";
import { loadModel } from "../../io/read-model-spec.js";
import { type ConventionName, type ConventionOverrides, resolveConvention } from "../../model/conventions.js";
import type { BreakdownBy } from "../../evaluate/breakdown.js";
import { layersDocument } from "../../report/layers.js";
import type { MemoryOptions } from "../../report/memory.js";
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
  const doc = options.by
    ? (await import("../../report/breakdown.js")).breakdownDocument(report, options.by, options.memory)
    : layersDocument(report, options.memory);
  return outputDocument(doc, options.output);
}
