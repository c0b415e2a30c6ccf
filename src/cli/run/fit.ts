import { compareRational, parseRational, rational } from "../../algebra/rational.js";
import { type FitLimits, fitWidths, paretoFront } from "../../budget/fit.js";
import { parseQuantity, quantityProblem } from "../../budget/quantity.js";
import { InputError } from "../../errors.js";
import { resolutionText } from "../../model/resolution.js";
import { CALIBRATED_HARDWARE_NAMES } from "../../published/hardware.js";
import { checkGridSize, parseRange } from "../../evaluate/range.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { type ConventionName, type ConventionOverrides, resolveConvention } from "../../model/conventions.js";
import { fitDocument } from "../../report/fit.js";
import { modelShortName } from "../../report/layers.js";
import type { HardwareChoice, OutputChoice } from "../commands/model-options.js";
import { hardwareProfile } from "./hardware.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { parseResolutionRange } from "../options.js";
import { MAX_ALPHA, toAlpha } from "../../model/configuration.js";
import { targetIn } from "./target.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface FitOptions {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  readonly model: string;
  readonly maxMacs: string | undefined;
  readonly maxFlops: string | undefined;
  readonly maxParams: string | undefined;
  readonly resolution: string | undefined;
  readonly resolutions: string | undefined;
  readonly alphaStep: string;
  readonly alphaMax: string;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  readonly output: OutputChoice;
  /** --max-latency-ms, in milliseconds as written (up to 3 decimals). */
  readonly maxLatencyMs?: string | undefined;
  readonly hardware?: HardwareChoice | undefined;
}

/** A latency budget on a profile with peaks: the roofline time of each candidate must not exceed it. */
async function latencyLimit(options: FitOptions, cwd: string): Promise<FitLimits["latency"]> {
  if (options.maxLatencyMs === undefined) return undefined;
  const ms = /^\d+(\.\d{1,3})?$/.test(options.maxLatencyMs) ? parseRational(options.maxLatencyMs) : undefined;
  if (!ms || ms.num === 0n)
    throw new InputError(
      `--max-latency-ms '${options.maxLatencyMs}': expected milliseconds above 0 with at most 3 decimals (2.5)`,
    );
  if (!options.hardware)
    throw new InputError(
      `--max-latency-ms needs hardware that gives times: add --hardware with a calibrated device (${CALIBRATED_HARDWARE_NAMES.join(", ")}) or a profile file with peak_macs_per_s and bandwidth_bytes_per_s (or macs_per_s: mbn-cost calibrate writes one from your measurements)`,
    );
  const profile = await hardwareProfile(options.hardware, cwd);
  if (profile.peakMacsPerSecond === undefined)
    throw new InputError(
      `--max-latency-ms: '${profile.name}' has a ridge point but no peaks, so no time: use a calibrated device (${CALIBRATED_HARDWARE_NAMES.join(", ")}), a profile file with peak_macs_per_s and bandwidth_bytes_per_s, or fit one to your measurements with mbn-cost calibrate`,
    );
  return {
    ms,
    hardware: profile,
    fusion: options.hardware.fusion,
    dtype: options.hardware.dtype ?? profile.dtype,
  };
}

function quantity(flag: string, raw: string | undefined): bigint | undefined {
  if (raw === undefined) return undefined;
  const q = parseQuantity(raw);
  if (q === undefined) throw new InputError(`${flag} '${raw}': ${quantityProblem(raw)}`);
  return q;
}

/** `fit v2/160` fits at that side; an @α is what fit finds, so it is refused rather than ignored. */
function fitTarget(options: FitOptions, cwd: string) {
  const target = targetIn(options.model, {}, cwd);
  if (target.alpha)
    throw new InputError(
      `'${options.model}' gives α ${target.alpha.text}: fit finds the widest α within the budget; give ${target.model}${target.resolution ? `/${resolutionText(target.resolution)}` : ""}`,
    );
  if (target.resolution && (options.resolution ?? options.resolutions) !== undefined)
    throw new InputError(
      `'${options.model}' gives resolution ${resolutionText(target.resolution)} and --resolution gives ${options.resolution ?? options.resolutions}: give one`,
    );
  if (target.resolution && target.resolution.height !== target.resolution.width)
    throw new InputError(
      `'${options.model}': fit takes square sides, not ${resolutionText(target.resolution)}`,
    );
  return { model: target.model, side: target.resolution && String(target.resolution.height) };
}

export async function runFit(options: FitOptions, io: CliIo): Promise<Outcome> {
  if (options.maxMacs !== undefined && options.maxFlops !== undefined)
    throw new InputError("give either --max-macs or --max-flops, not both");
  // a FLOPs budget F holds 2·MACs ≤ F, that is MACs ≤ ⌊F/2⌋
  const flops = quantity("--max-flops", options.maxFlops);
  const limits = {
    ...(options.maxMacs !== undefined && { macs: quantity("--max-macs", options.maxMacs)! }),
    ...(flops !== undefined && { macs: flops / 2n, shownAsFlops: flops }),
    ...(options.maxParams !== undefined && { params: quantity("--max-params", options.maxParams)! }),
  };
  const latency = await latencyLimit(options, io.cwd);
  if (latency) Object.assign(limits, { latency });
  if (limits.macs === undefined && limits.params === undefined && latency === undefined)
    throw new InputError(
      "fit needs a budget: give --max-macs or --max-flops, --max-params, and/or --max-latency-ms",
    );
  if (options.resolution !== undefined && options.resolutions !== undefined)
    throw new InputError("give either --resolution or --resolutions, not both");
  const target = fitTarget(options, io.cwd);
  const model = await loadModel(target.model, io.cwd, options.read);
  if (model.spec.graph)
    throw new InputError(
      `${model.spec.graph.file}: fit searches the width multiplier, and a graph file's widths are fixed; check gates it against a budget`,
    );
  const convention = resolveConvention(options.convention, options.overrides);
  const alphas = parseRange(
    `${options.alphaStep}:${options.alphaMax}:${options.alphaStep}`,
    "--alpha-step/--alpha-max",
    (r) =>
      r.num > 0n && compareRational(r, rational(MAX_ALPHA)) <= 0
        ? undefined
        : `must be > 0 and ≤ ${MAX_ALPHA}`,
  ).map((v) => toAlpha(v.text)!);
  // one grammar with sweep: a value, a list or a range; several values give the Pareto set
  const [flag, raw] =
    options.resolutions !== undefined
      ? ["--resolutions", options.resolutions]
      : ["--resolution", options.resolution ?? target.side];
  const resolutions = raw === undefined ? [model.spec.input.resolution] : parseResolutionRange(raw, flag);
  checkGridSize(
    "fit",
    { alphas: alphas.length, depths: 1, resolutions: resolutions.length },
    "--alpha-step, --alpha-max or --resolutions",
  );
  const pareto = resolutions.length > 1 || options.resolutions !== undefined;
  const answers = fitWidths(model, alphas, resolutions, convention, limits);
  const shown = pareto ? paretoFront(answers) : answers;
  const doc = fitDocument(modelShortName(model), pareto ? shown : answers, limits, convention, pareto);
  const found = answers.some((a) => a.best !== undefined);
  const outcome = await outputDocument(doc, options.output, found ? ExitCode.Ok : ExitCode.CheckFailed);
  return found
    ? outcome
    : { ...outcome, stderr: `${outcome.stderr ?? ""}no α ≥ ${options.alphaStep} fits the budget\n` };
}
