import { rational } from "../../algebra/rational.js";
import { compareRational } from "../../algebra/rational.js";
import { checkNetwork, evaluateModel } from "../../evaluate/cost.js";
import { DTYPES, type Dtype, type MemoryModel } from "../../evaluate/memory.js";
import { checkGridSize, parseRange } from "../../evaluate/range.js";
import { sweep } from "../../evaluate/sweep.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { buildNetwork } from "../../model/build.js";
import {
  type ConventionName,
  type ConventionOverrides,
  inputChannelsFor,
  resolveConvention,
} from "../../model/conventions.js";
import { render } from "../../report/format.js";
import { type SweepFormat, streamingSweepRenderers, sweepDocument } from "../../report/sweep.js";
import { modelShortName } from "../../report/layers.js";
import type { ModelRef } from "../../evaluate/cost.js";
import type { Convention } from "../../model/conventions.js";
import type { HardwareChoice } from "../commands/model-options.js";
import { hardwareProfile } from "./hardware.js";
import type { Theme } from "../../report/svg/themes.js";
import { parseQuantity, quantityProblem } from "../../budget/quantity.js";
import { InputError } from "../../errors.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { parseResolutionRange } from "../options.js";
import { MAX_ALPHA, MAX_DEPTH, toAlpha } from "../../model/configuration.js";
import { targetIn } from "./target.js";
import { resolutionText } from "../../model/resolution.js";
import type { Outcome } from "../outcome.js";

export interface SweepOptions {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  readonly model: string;
  /** --alpha when given; else the model's @α, else 1. */
  readonly alphas: string | undefined;
  /** --depth: a list or a range of depth multipliers (default 1). */
  readonly depths: string | undefined;
  readonly resolutions: string | undefined;
  /** Undefined: from --out's extension, or CSV. */
  readonly format: SweepFormat | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly exact: boolean;
  readonly verbose: boolean;
  readonly width: number;
  readonly theme: Theme;
  /** --hardware or --ridge-point: bytes, roofline cost and time columns. */
  readonly hardware?: HardwareChoice | undefined;
  readonly budget: string | undefined;
  readonly dtype: Dtype;
  readonly memoryModel: MemoryModel;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
}

const SWEEP_EXTENSIONS: Record<string, SweepFormat> = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".jsonl": "jsonl",
  ".json": "json",
  ".md": "markdown",
  ".txt": "table",
  ".svg": "svg",
};

/** Table, Markdown and SVG are drawn whole, in memory: past this many rows, only the streaming formats. */
const MAX_WHOLE_ROWS = 10_000;

function sweepFormatFor(out: string | undefined): SweepFormat {
  if (out === undefined) return "csv";
  const ext = /\.[^./\\]+$/.exec(out)?.[0]?.toLowerCase();
  if (ext === undefined) return "csv";
  const format = SWEEP_EXTENSIONS[ext];
  if (!format)
    throw new InputError(
      `--out ${out}: cannot tell the format from '${ext}'; add --format ${Object.values(SWEEP_EXTENSIONS).join("|")}`,
    );
  return format;
}

async function sweepHardware(choice: HardwareChoice, cwd: string) {
  const profile = await hardwareProfile(choice, cwd);
  return { profile, fusion: choice.fusion, dtype: choice.dtype ?? profile.dtype };
}

/**
 * A graph's widths and depth are fixed: any α or depth but 1 is refused, as the main command refuses it.
 * (Its shape rules are checked at every side when its points are counted, before the first row: runSweep.)
 */
function checkGraphSweep(
  model: ModelRef,
  alphas: readonly { readonly text: string; readonly value: number }[],
  depths: readonly { readonly value: number }[],
  smallest: number,
  convention: Convention,
): void {
  const alpha = alphas.find((a) => a.value !== 1) ?? alphas[0]!;
  const depth = depths.find((d) => d.value !== 1)?.value ?? 1;
  evaluateModel(model, { alpha, depth, resolution: smallest, convention });
}

/** The grid the options ask for, checked: bounded, and every α and depth builds at the smallest resolution. */
function sweepGrid(options: SweepOptions, model: ModelRef, convention: Convention) {
  const alphas = parseRange(options.alphas ?? "1", "--alpha", (r) =>
    r.num > 0n && compareRational(r, rational(MAX_ALPHA)) <= 0
      ? undefined
      : `width multiplier must be > 0 and ≤ ${MAX_ALPHA}`,
  ).map((v) => toAlpha(v.text)!);
  const depths = parseRange(options.depths ?? "1", "--depth", (r) =>
    r.num > 0n && compareRational(r, rational(MAX_DEPTH)) <= 0
      ? undefined
      : `depth multiplier must be > 0 and ≤ ${MAX_DEPTH}`,
  ).map((v) => ({ text: v.text, value: Number(v.exact.num) / Number(v.exact.den) }));
  if (options.resolutions === undefined && model.spec.graph?.resolution)
    throw new InputError(
      `${model.spec.graph.file}: its input is not square, and a sweep takes square sides: give --resolution`,
    );
  const resolutions = parseResolutionRange(
    options.resolutions ?? String(model.spec.input.resolution),
    "--resolution",
  );
  const { configurations, described } = checkGridSize(
    "sweep",
    { alphas: alphas.length, depths: depths.length, resolutions: resolutions.length },
    "--alpha, --depth or --resolution",
  );
  // Nothing half-written: every α must build, and the smallest resolution must fit, before the first row streams.
  const smallest = resolutions.reduce((a, b) => Math.min(a, b));
  if (model.spec.graph) checkGraphSweep(model, alphas, depths, smallest, convention);
  else
    for (const alpha of alphas)
      for (const depth of depths)
        checkNetwork(buildNetwork(model.spec, alpha.value, convention, depth.value), [
          smallest,
          smallest,
          inputChannelsFor(model.spec.input.channels, convention),
        ]);
  return {
    grid: { alphas, depths, resolutions },
    configurations,
    count: `${configurations} configurations (${described})`,
  };
}

/** `sweep v2@0.5/160` sweeps that α and side unless --alpha or --resolution give a grid (both ways: refused). */
function sweepTarget(options: SweepOptions, cwd: string): SweepOptions {
  const target = targetIn(options.model, {}, cwd);
  const gives = (what: string) =>
    new InputError(`'${options.model}' gives ${what}: sweep its grid with the model alone (${target.model})`);
  if (target.alpha && options.alphas !== undefined) throw gives(`α ${target.alpha.text} and --alpha a grid`);
  if (target.resolution && options.resolutions !== undefined)
    throw gives(`resolution ${resolutionText(target.resolution)} and --resolution a grid`);
  if (target.resolution && target.resolution.height !== target.resolution.width)
    throw new InputError(
      `'${options.model}': a sweep takes square sides, not ${resolutionText(target.resolution)}`,
    );
  return {
    ...options,
    model: target.model,
    alphas: options.alphas ?? target.alpha?.text,
    resolutions: options.resolutions ?? (target.resolution && String(target.resolution.height)),
  };
}

export async function runSweep(asked: SweepOptions, io: CliIo): Promise<Outcome> {
  const options = sweepTarget(asked, io.cwd);
  const model = await loadModel(options.model, io.cwd, options.read);
  const convention = resolveConvention(options.convention, options.overrides);
  const { grid, configurations, count } = sweepGrid(options, model, convention);
  const format = options.format ?? sweepFormatFor(options.out);
  const whole = format === "table" || format === "markdown" || format === "svg";
  if (whole && configurations > MAX_WHOLE_ROWS)
    throw new InputError(
      `--format ${format} draws a sweep whole, and ${configurations.toLocaleString("en-US")} configurations are more than ${MAX_WHOLE_ROWS.toLocaleString("en-US")}: use --format csv, tsv or jsonl, which stream any size`,
    );
  const hardware = options.hardware && (await sweepHardware(options.hardware, io.cwd));
  const ctx = {
    model: modelShortName(model),
    convention,
    // --dtype means one thing: with hardware, the roofline's element size (--dtype, else the profile's)
    bytesPerElement: DTYPES[hardware ? hardware.dtype : options.dtype],
    ...(hardware && { hardware: { timed: hardware.profile.peakMacsPerSecond !== undefined } }),
  };
  const budget = options.budget === undefined ? undefined : parseQuantity(options.budget);
  if (options.budget !== undefined && budget === undefined)
    throw new InputError(`--budget '${options.budget}': ${quantityProblem(options.budget)}`);
  const streamed = sweep(model, grid, {
    convention,
    memoryModel: options.memoryModel,
    ...(hardware && { hardware }),
  });
  // Nothing half-written: a graph is counted at every side (one per row, its only setting) before the first row
  const points = model.spec.graph ? [...streamed] : streamed;
  const content = whole
    ? await render(format, sweepDocument(points, ctx, budget), {
        exact: options.exact,
        verbose: options.verbose,
        ...(format === "table" && { width: options.width }),
        theme: options.theme,
      })
    : streamingSweepRenderers[format](points, ctx);
  if (options.out === undefined) return { exitCode: ExitCode.Ok, stdout: content };
  return {
    exitCode: ExitCode.Ok,
    files: [{ path: options.out, content, force: options.force }],
    stderr: `wrote ${options.out}: ${count}\n`,
  };
}
