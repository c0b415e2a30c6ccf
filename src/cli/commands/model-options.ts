/**
 * Options shared by every command that evaluates a model: width, resolution,
 * convention and its per-item overrides, output format and destination. Typed
 * by commander: each helper returns the command with its
 * options' types added, so actions read typed values.
 */
import { type Command, Option } from "commander";
import { DTYPE_NAMES, type Dtype, MEMORY_MODELS, type MemoryModel } from "../../evaluate/option-names.js";
import { CONVENTION_NAMES, type ConventionName, UNITS, type Unit } from "../../model/convention-names.js";
import type { ConventionOverrides } from "../../model/conventions.js";
import { type Format, TEXT_FORMATS } from "../../report/format.js";
import { THEMES, type Theme } from "../../report/svg/themes.js";
import { TABLE_WIDTH } from "../../report/table-fit.js";
import {
  OUT_HELP,
  parseAlpha,
  parseCount,
  parseDepth,
  parseResolution,
  parseRidgePoint,
  readOut,
} from "../options.js";
import type { Alpha } from "../../model/configuration.js";
import type { Resolution } from "../../model/resolution.js";
import type { Rational } from "../../algebra/rational.js";
import { FUSIONS, type Fusion } from "../../evaluate/option-names.js";
import { BUILTIN_HARDWARE_NAMES, CALIBRATED_HARDWARE_NAMES } from "../../published/hardware.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import type { NodeDataMetric } from "../../report/node-data-metrics.js";
import { FOLDED_NORMS, type FoldedNorms } from "../../model/onnx/graph.js";

export const MODEL_ARGUMENT =
  "built-in model name or alias, or a path to a model JSON file, an exported .onnx file or a TensorFlow Lite .tflite file";

/** The values addConventionOptions adds. */
export type ConventionOptionValues = {
  readonly convention: ConventionName;
  readonly bias?: boolean;
  readonly bn?: boolean;
  readonly classes?: number;
  readonly channels?: number;
  readonly head?: boolean;
  readonly unit?: Unit;
} & ModelReadOptionValues;

/** The values addModelReadOptions adds: how an ONNX file is read. */
export type ModelReadOptionValues = {
  readonly allowUnknown?: true;
  readonly foldedBn?: FoldedNorms;
  readonly perImage?: true;
};

/** The values addOutputOptions adds. */
export type OutputOptionValues = {
  readonly format?: Format;
  readonly out?: string;
  readonly force?: true;
  readonly exact?: true;
  readonly verbose?: true;
  readonly theme?: Theme;
  readonly nodeData?: NodeDataMetric;
};

export function addConventionOptions(command: Command): Command {
  command
    .addOption(
      new Option("-c, --convention <name>", "counting convention preset")
        .choices(CONVENTION_NAMES)
        .default("paper"),
    )
    .option("--bias", "count biases as parameters")
    .option("--no-bias", "do not count biases")
    .option("--bn", "count BatchNorm γ and β as parameters")
    .option("--no-bn", "do not count BatchNorm")
    .option(
      "--classes <n>",
      "classifier outputs; 0 leaves the classifier out (default: the model's, +1 background under tf-slim)",
      parseCount("Classes", 1_000_000),
    )
    .option(
      "--channels <n>",
      "input image channels, e.g. 1 for a grayscale model (default: the model's, 3)",
      parseCount("Channels", 4096, 1),
    )
    .option(
      "--no-head",
      "the backbone only: cut at the last (global) average pool, as torchvision's model.features",
    )
    .addOption(new Option("--unit <unit>", "MACs, or FLOPs = 2 × MACs").choices(UNITS));
  return addModelReadOptions(command);
}

/** The values addSpecDefaultOptions adds. */
export type SpecDefaultOptionValues = { alpha?: Alpha; resolution?: Resolution; depth?: number };

/** --alpha, --depth and --resolution for the specs (model@α/resolution) that give none: compare and report. */
export function addSpecDefaultOptions(command: Command): Command {
  return command
    .option("-a, --alpha <alpha>", "width multiplier α of every spec that gives none", parseAlpha)
    .option(
      "-d, --depth <d>",
      "depth multiplier of every spec: each stage's n blocks become ⌈n·d⌉",
      parseDepth,
    )
    .option(
      "-r, --resolution <pixels>",
      "input side (or HEIGHTxWIDTH) of every spec that gives none",
      parseResolution,
    );
}

/** How an ONNX model file is read: --allow-unknown, --folded-bn and --per-image. */
export function addModelReadOptions(command: Command): Command {
  return command
    .option(
      "--allow-unknown",
      "ONNX input: let operators outside the standard domain through, counted as zero (listed in the report), where the file declares their outputs' shapes",
    )
    .option(
      "--per-image",
      "ONNX input: MACs per image, divided by the batch the file declares (counts are for the whole batch otherwise; a dynamic batch is 1)",
    )
    .addOption(
      new Option(
        "--folded-bn <which>",
        "ONNX input: which convs with a bias hold a folded BatchNorm (count as conv + BN): auto (PyTorch's renamed weights), all, none",
      )
        .choices(FOLDED_NORMS)
        .default("auto"),
    );
}

export function readModelReadOptions(opts: ModelReadOptionValues): ModelReadOptions {
  return {
    ...(opts.allowUnknown && { allowUnknown: true }),
    ...(opts.perImage && { perImage: true }),
    ...(opts.foldedBn !== undefined && opts.foldedBn !== "auto" && { foldedNorms: opts.foldedBn }),
  };
}

export function addOutputOptions(
  command: Command,
  formats: readonly Format[] = TEXT_FORMATS,
  { counts = true }: { readonly counts?: boolean } = {},
): Command {
  const withOutput = command
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (default: table, or from --out's extension)",
      ).choices(formats),
    )
    .option("-o, --out <file>", OUT_HELP)
    .option("--force", "overwrite the --out file if it exists");
  // --exact and --verbose mean something only where counts and a convention are printed
  if (counts)
    withOutput
      .option("--exact", "print exact integers instead of human units (568,740,352 rather than 568.74M)")
      .option(
        "-v, --verbose",
        "print the convention in full: what counts, and each kind of work counted or ignored",
      );
  return formats.includes("svg") ? withOutput.addOption(themeOption()) : withOutput;
}

/** --theme: the scheme SVG charts draw in, each on its own painted background. */
export const themeOption = (): Option =>
  new Option(
    "--theme <theme>",
    "svg: draw charts light (default) or dark, each on its own background, or auto (the viewer's scheme)",
  )
    .choices(THEMES)
    .default("light");

/** `--dtype` and `--memory`: how the activation-memory peak is counted. */
export function addMemoryOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--dtype <dtype>",
        "bytes per weight and activation element, for the memory peaks and the roofline alike (default: a file's own types, else the --hardware profile's, else fp32)",
      )
        .choices(DTYPE_NAMES)
        .default("fp32"),
    )
    .addOption(
      new Option("--memory <memory-model>", "activation memory model")
        .choices(MEMORY_MODELS)
        .default("block"),
    );
}

/** The values addMemoryOptions adds. */
export type MemoryOptionValues = { dtype: Dtype; memory: MemoryModel };

export interface ConventionChoice {
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read: ModelReadOptions;
}

/** The preset and the overrides the user gave on the command line. */
export function readConventionChoice(
  opts: ConventionOptionValues,
  command: { getOptionValueSource(key: string): string | undefined },
): ConventionChoice {
  const given = (key: string) => command.getOptionValueSource(key) === "cli";
  return {
    convention: opts.convention,
    overrides: {
      ...(given("bias") && opts.bias !== undefined && { bias: opts.bias }),
      ...(given("bn") && opts.bn !== undefined && { bn: opts.bn }),
      ...(opts.classes !== undefined && { classes: opts.classes }),
      ...(opts.channels !== undefined && { channels: opts.channels }),
      ...(opts.head === false && { head: false }),
      ...(opts.unit !== undefined && { unit: opts.unit }),
    },
    read: readModelReadOptions(opts),
  };
}

export interface OutputChoice {
  readonly format: Format | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly exact: boolean;
  readonly verbose: boolean;
  /** Tables fit this width: the terminal's (not when writing a file), else 100 columns. */
  readonly width: number;
  readonly theme: Theme;
  /** --node-data: the metric of --format model-explorer. */
  readonly nodeData?: NodeDataMetric;
}

/** A terminal's width, narrower or wider (a wide one shows long names unwrapped); a pipe or a file gets 100. */
export const tableWidthFor = (out: string | undefined, columns: number | undefined): number =>
  out === undefined && columns !== undefined && columns > 0 ? columns : TABLE_WIDTH;

/** The table width is worked out when a table asks for it: only a table reads the terminal's width. */
export const readOutputChoice = (
  opts: OutputOptionValues,
  io: { readonly columns?: number | undefined },
): OutputChoice => ({
  format: opts.format,
  out: readOut(opts.out),
  get width() {
    return tableWidthFor(readOut(opts.out), io.columns);
  },
  theme: opts.theme ?? "light",
  force: opts.force === true,
  exact: opts.exact === true,
  verbose: opts.verbose === true,
  ...(opts.nodeData && { nodeData: opts.nodeData }),
});

export interface HardwareChoice {
  /** A built-in profile's name or a profile file. */
  readonly profile?: string | undefined;
  /** MACs per byte, exact as written (--ridge-point). */
  readonly ridgePoint?: Rational | undefined;
  readonly fusion: Fusion;
  /** --dtype when given; else the profile's. */
  readonly dtype?: Dtype | undefined;
}

/** The values addHardwareOptions adds. */
export type HardwareOptionValues = {
  readonly hardware?: string;
  readonly ridgePoint?: Rational;
  readonly fusion: Fusion;
  readonly dtype: Dtype;
};

/** `--hardware`, `--ridge-point`, `--fusion`: the roofline report. */
export function addHardwareOptions(command: Command): Command {
  return command
    .option(
      "--hardware <name|file>",
      `roofline cost per layer on a profile: ${BUILTIN_HARDWARE_NAMES.join(", ")} (MobileNetV4 Table 16 ridge points); times in ms on a device calibrated on published latencies: ${CALIBRATED_HARDWARE_NAMES.join(", ")}; or a hardware JSON file (mbn-cost calibrate writes one)`,
    )
    .option(
      "--ridge-point <macs-per-byte>",
      "roofline cost at this ridge point, without a profile (0: the MACs)",
      parseRidgePoint,
    )
    .addOption(
      new Option("--fusion <fusion>", "with hardware: what moves through memory")
        .choices(FUSIONS)
        .default("none"),
    );
}

/** The hardware the user asked for, if any; --dtype only when given (else the profile's). */
export function readHardwareChoice(
  opts: HardwareOptionValues,
  command: { getOptionValueSource(key: string): string | undefined },
): HardwareChoice | undefined {
  if (opts.hardware === undefined && opts.ridgePoint === undefined) return undefined;
  return {
    profile: opts.hardware,
    ridgePoint: opts.ridgePoint,
    fusion: opts.fusion,
    dtype: command.getOptionValueSource("dtype") === "cli" ? opts.dtype : undefined,
  };
}
