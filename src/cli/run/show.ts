import { rooflineGroups } from "../../evaluate/roofline.js";
import { hardwareProfile, rooflineAsChosen } from "./hardware.js";
import type { ReportDocument } from "../../report/document.js";
import type { Resolution } from "../../model/resolution.js";
import { InputError } from "../../errors.js";
import { type CostReport, evaluateModel } from "../../evaluate/cost.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { type ConventionName, type ConventionOverrides, resolveConvention } from "../../model/conventions.js";
import type { BreakdownBy } from "../../evaluate/breakdown.js";
import { layersDocument, totalsDocument } from "../../report/layers.js";
import { activationMemory, type MemoryOptions } from "../../evaluate/memory.js";
import type { HardwareChoice, OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import { parseAlpha } from "../options.js";
import type { Alpha } from "../../model/configuration.js";
import { targetIn } from "./target.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface ShowOptions {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  /** A model name or file, or a spec model@α/resolution. */
  readonly model: string;
  /** --alpha, when given. */
  readonly alpha: Alpha | undefined;
  readonly depth: number | undefined;
  readonly resolution: Resolution | undefined;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  readonly output: OutputChoice;
  readonly by: BreakdownBy | "bound" | undefined;
  readonly memory: MemoryOptions;
  /** Only the totals: one line (or one JSON object, one CSV row). */
  readonly totals: boolean;
  /** --hardware or --ridge-point: the roofline report. */
  readonly hardware?: HardwareChoice | undefined;
}

/**
 * The roofline report, or its breakdown with --by. --dtype means one thing, the run's element size:
 * when it is not given, the memory peak is at the profile's, as the roofline is (never fp32 beside int8).
 */
async function hardwareDocument(
  report: CostReport,
  options: ShowOptions,
  io: CliIo,
): Promise<ReportDocument> {
  const choice = options.hardware!;
  const profile = await hardwareProfile(choice, io.cwd);
  const memory = activationMemory(
    report.rows,
    options.memory.dtypeGiven ? options.memory : { ...options.memory, dtype: profile.dtype },
  );
  const costs = rooflineAsChosen(report, profile, choice);
  const { rooflineBreakdownDocument, rooflineDocument } = await import("../../report/roofline.js");
  // on a calibrated device, a layer's row says its compute, memory and overhead times: the per-layer report
  const perLayer = !options.by || (options.by === "layer" && profile.latency !== undefined);
  return perLayer
    ? rooflineDocument(report, memory, costs, options.output.exact)
    : rooflineBreakdownDocument(report, memory, costs, options.by!, rooflineGroups(costs, options.by!));
}

export async function runShow(options: ShowOptions, io: CliIo): Promise<Outcome> {
  // `mbn-cost v2@0.5/160` is `mbn-cost v2 --alpha 0.5 --resolution 160`; a file of that name wins
  const target = targetIn(options.model, options, io.cwd);
  const model = await loadModel(target.model, io.cwd, options.read);
  const report = evaluateModel(model, {
    alpha: target.alpha ?? parseAlpha("1"),
    ...(options.depth !== undefined && { depth: options.depth }),
    ...(target.resolution !== undefined && { resolution: target.resolution }),
    convention: resolveConvention(options.convention, options.overrides),
  });
  if (options.totals && options.by)
    throw new InputError(`--totals and --by ${options.by}: give one (--totals is the short answer)`);
  if (options.totals && options.hardware) {
    const profile = await hardwareProfile(options.hardware, io.cwd);
    const costs = rooflineAsChosen(report, profile, options.hardware);
    const { withRooflineTotals } = await import("../../report/roofline.js");
    return outputDocument(withRooflineTotals(totalsDocument(report), costs), options.output);
  }
  if (options.totals) return outputDocument(totalsDocument(report), options.output);
  if (options.hardware) return outputDocument(await hardwareDocument(report, options, io), options.output);
  const memory = activationMemory(report.rows, options.memory);
  if (options.by === "bound")
    throw new InputError(
      "--by bound: compute- or memory-bound needs hardware; add --hardware <name|file> or --ridge-point",
    );
  if (!options.by) return outputDocument(layersDocument(report, memory), options.output);
  const { analyseBreakdown } = await import("../../evaluate/breakdown.js");
  const { breakdownDocument } = await import("../../report/breakdown.js");
  const doc = breakdownDocument(report, analyseBreakdown(report, options.by), memory);
  return outputDocument(doc, options.output);
}
