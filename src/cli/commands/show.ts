import { type Command, Option } from "commander";
import { InputError } from "../../errors.js";
import { FORMATS } from "../../report/format.js";
import { BREAKDOWNS, DTYPE_NAMES, MEMORY_MODELS } from "../../evaluate/option-names.js";
import { COMMAND_NAMES } from "../command-names.js";
import type { CommandContext } from "../context.js";
import { parseAlpha, parseResolution } from "../options.js";
import type { ShowOptions } from "../run/show.js";
import {
  addConventionOptions,
  addOutputOptions,
  readConventionChoice,
  readOutputChoice,
} from "./model-options.js";

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

Models: v1, v2, v3-large, v3-small, fd, mobilenet-v1-conv, mobilenet-v1-shallow, mobilenet-v2-cifar, or a path to a JSON file.`;

export function registerShow(program: Command, ctx: CommandContext): void {
  const command = program
    .command("show", { isDefault: true })
    .description("per-layer params and MACs of a model (the default command: mbn-cost <model>)")
    .argument("<model>", "built-in model name or alias, or a path to a model JSON file")
    .argument("[unexpected...]")
    .option("-a, --alpha <alpha>", "width multiplier α", parseAlpha)
    .option("-r, --resolution <pixels>", "input resolution (default: the model's)", parseResolution)
    .addOption(
      new Option(
        "--by <grouping>",
        "break MACs and params down by layer type, output resolution, block or layer",
      ).choices(BREAKDOWNS),
    )
    .addOption(
      new Option("--dtype <dtype>", "bytes per activation element for the memory peak")
        .choices(DTYPE_NAMES)
        .default("fp32"),
    )
    .addOption(
      new Option("--memory <model>", "activation memory model").choices(MEMORY_MODELS).default("block"),
    )
    .addHelpText("after", EXAMPLES);
  addOutputOptions(addConventionOptions(command), FORMATS).action(
    (model: string, unexpected: string[], raw: Record<string, unknown>, self: Command) =>
      ctx.run(async () => {
        if (unexpected.length > 0) {
          throw new InputError(
            `'${model}' is not a command, and a model takes no further arguments (${unexpected.join(" ")}); commands: ${COMMAND_NAMES.join(", ")}`,
          );
        }
        return (await import("../run/show.js")).runShow(
          {
            model,
            alpha: (raw["alpha"] as ReturnType<typeof parseAlpha> | undefined) ?? parseAlpha("1"),
            resolution: raw["resolution"] as number | undefined,
            ...readConventionChoice(raw, self),
            output: readOutputChoice(raw),
            by: raw["by"] as ShowOptions["by"],
            memory: {
              dtype: raw["dtype"] as ShowOptions["memory"]["dtype"],
              memoryModel: raw["memory"] as ShowOptions["memory"]["memoryModel"],
            },
          },
          ctx.io,
        );
      }),
  );
}
