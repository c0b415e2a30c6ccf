import type { Resolution } from "../../model/resolution.js";
import { type Command, Option } from "commander";
import { InputError } from "../../errors.js";
import { BREAKDOWNS, type BreakdownBy } from "../../evaluate/option-names.js";
import { BUILTIN_MODELS } from "../../model/builtin.js";
import { FORMATS } from "../../report/format.js";
import { NODE_DATA_METRICS } from "../../report/node-data-metrics.js";
import { isModelRef } from "../../io/read-model-spec.js";
import { closest } from "../../io/suggest.js";
import { COMMAND_NAMES } from "../command-names.js";
import type { CommandContext } from "../context.js";
import { parseAlpha, parseDepth, parseResolution } from "../options.js";
import type { Alpha } from "../../model/configuration.js";

import {
  addConventionOptions,
  addHardwareOptions,
  type HardwareOptionValues,
  readHardwareChoice,
  addOutputOptions,
  type ConventionOptionValues,
  addMemoryOptions,
  MODEL_ARGUMENT,
  type MemoryOptionValues,
  type OutputOptionValues,
  readConventionChoice,
  readOutputChoice,
} from "./model-options.js";

type ShowCliOptions = ConventionOptionValues &
  HardwareOptionValues &
  OutputOptionValues &
  MemoryOptionValues & {
    alpha?: Alpha;
    depth?: number;
    resolution?: Resolution;
    by?: BreakdownBy | "bound";
    totals?: true;
  };

const modelNames = BUILTIN_MODELS.map((m) => m.aliases[0] ?? m.id).join(", ");

const EXAMPLES = `
Examples:
  $ mbn-cost v2 --alpha 0.5                      per-layer table of MobileNet V2 0.5
  $ mbn-cost v1 --resolution 160 --exact         exact integers
  $ mbn-cost v3-large --convention torchvision   params as torchvision counts them
  $ mbn-cost v1 --by type                        where the MACs go (1×1 convs: 94.86%)
  $ mbn-cost v1 --alpha 0.5 --by resolution      MACs per feature-map size
  $ mbn-cost v2 --format csv --out v2.csv        CSV for a spreadsheet
  $ mbn-cost v1 --out v1.svg                     per-layer bars coloured by op type
  $ mbn-cost ./my-net.json --format json         your own architecture file
  $ mbn-cost ./model.onnx -c torchvision         an exported network, node by node

Models: ${modelNames}, or a path to a JSON or .onnx file.`;

/** A word that is neither a model nor a command, or a model with words after it: say which. */
function refuseNonModel(model: string, unexpected: readonly string[], cwd: string): void {
  const command = isModelRef(model, cwd) ? undefined : closest(model, COMMAND_NAMES);
  if (command)
    throw new InputError(
      `'${model}' is neither a model nor a command: did you mean the command '${command}'?`,
    );
  if (unexpected.length > 0)
    throw new InputError(
      `'${model}' is not a command, and a model takes no further arguments (${unexpected.join(" ")}); commands: ${COMMAND_NAMES.join(", ")}`,
    );
}

/** --node-data: which cost --format model-explorer writes per node. */
const nodeDataOption = () =>
  new Option(
    "--node-data <metric>",
    "--format model-explorer (or --out x.me.json): the metric per node of an .onnx or .tflite file (default macs; bytes, latency and bound with --hardware)",
  ).choices(NODE_DATA_METRICS);

export function registerShow(program: Command, ctx: CommandContext): void {
  const command = program
    .command("show", { isDefault: true })
    .description("per-layer params and MACs of a model (the default command: mbn-cost <model>)")
    .argument("<model>", MODEL_ARGUMENT)
    // words after the model are refused by name (refuseNonModel), not declared: help shows no such argument
    .allowExcessArguments(true)
    .option("-a, --alpha <alpha>", "width multiplier α", parseAlpha)
    .option(
      "-d, --depth <d>",
      "depth multiplier: each stage's n blocks become ⌈n·d⌉ (EfficientNet, EfficientNetV2)",
      parseDepth,
    )
    .option(
      "-r, --resolution <pixels>",
      "input side, or HEIGHTxWIDTH for a non-square input (default: the model's)",
      parseResolution,
    )
    .option("--totals", "only the totals: params, MACs and FLOPs on one line")
    .addOption(
      new Option(
        "--by <grouping>",
        "break MACs and params down by layer type, output resolution, block or layer; with hardware also by bound (compute or memory)",
      ).choices([...BREAKDOWNS, "bound"]),
    )
    .addOption(nodeDataOption())
    .addHelpText("after", EXAMPLES);
  addOutputOptions(addConventionOptions(addHardwareOptions(addMemoryOptions(command))), FORMATS).action(
    (model: string, opts: ShowCliOptions, self: Command) =>
      ctx.run(async () => {
        refuseNonModel(model, self.args.slice(1), ctx.io.cwd);
        return (await import("../run/show.js")).runShow(
          {
            model,
            alpha: opts.alpha,
            depth: opts.depth,
            resolution: opts.resolution,
            ...readConventionChoice(opts, self),
            output: readOutputChoice(opts, ctx.io),
            by: opts.by,
            totals: opts.totals === true,
            memory: {
              dtype: opts.dtype,
              memoryModel: opts.memory,
              dtypeGiven: self.getOptionValueSource("dtype") === "cli",
            },
            hardware: readHardwareChoice(opts, self),
          },
          ctx.io,
        );
      }),
  );
}
