import type { Resolution } from "../../model/resolution.js";
import { type Command, Option } from "commander";
import { CONVENTION_NAMES, type ConventionName } from "../../model/convention-names.js";
import type { CommandContext } from "../context.js";
import { parseAlpha, parseResolution } from "../options.js";
import type { Alpha } from "../../model/configuration.js";
import { addOutputOptions, MODEL_ARGUMENT, readOutputChoice } from "./model-options.js";

type ExplainCliOptions = OutputOptionValues & {
  from: ConventionName;
  to: ConventionName;
  alpha?: Alpha;
  resolution?: Resolution;
} & ModelReadOptionValues;
import {
  addModelReadOptions,
  type ModelReadOptionValues,
  type OutputOptionValues,
  readModelReadOptions,
} from "./model-options.js";

export function registerExplain(program: Command, ctx: CommandContext): void {
  const command = program
    .command("explain")
    .description(
      "why two conventions (or tools) give different numbers: the difference by BatchNorm, activations, pooling, biases…, to the integer",
    )
    .argument("<model>", MODEL_ARGUMENT)
    .addOption(
      new Option("--from <convention>", "the number you have").choices(CONVENTION_NAMES).default("paper"),
    )
    .addOption(
      new Option("--to <convention>", "the number you compare it with")
        .choices(CONVENTION_NAMES)
        .makeOptionMandatory(),
    )
    .option("-a, --alpha <alpha>", "width multiplier α", parseAlpha)
    .option(
      "-r, --resolution <pixels>",
      "input side, or HEIGHTxWIDTH for a non-square input (default: the model's)",
      parseResolution,
    )
    .addHelpText(
      "after",
      `
Conventions: ${CONVENTION_NAMES.join(", ")}.

Examples:
  $ mbn-cost explain v2 --from paper --to ptflops      300.77M vs 320.30M: BatchNorm, ReLU6, pooling, bias
  $ mbn-cost explain v3-large --from fvcore --to torch-flops
  $ mbn-cost explain v2 --to thop --format json`,
    );
  addOutputOptions(addModelReadOptions(command)).action((model: string, opts: ExplainCliOptions) =>
    ctx.run(async () =>
      (await import("../run/explain.js")).runExplain(
        {
          model,
          from: opts.from,
          to: opts.to,
          alpha: opts.alpha,
          resolution: opts.resolution,
          read: readModelReadOptions(opts),
          output: readOutputChoice(opts, ctx.io),
        },
        ctx.io,
      ),
    ),
  );
}
