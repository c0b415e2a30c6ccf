import { type Command, Option } from "commander";
import { DTYPE_NAMES, type Dtype, FUSIONS, type Fusion } from "../../evaluate/option-names.js";
import { FORMATS } from "../../report/format.js";
import type { CommandContext } from "../context.js";
import {
  addConventionOptions,
  addOutputOptions,
  type ConventionOptionValues,
  type OutputOptionValues,
  readConventionChoice,
  readOutputChoice,
} from "./model-options.js";

type RidgeCliOptions = ConventionOptionValues &
  OutputOptionValues & { ridgePoints: string; fusion: Fusion; dtype: Dtype };

export function registerRidge(program: Command, ctx: CommandContext): void {
  const command = program
    .command("ridge")
    .description(
      "roofline cost against the ridge point, 0 (the MAC count) to 500 MACs/byte, for one or more models: which is cheapest where (MobileNetV4, Section 3)",
    )
    .argument("<specs...>", "model[@alpha][/resolution], one or more")
    .option("--ridge-points <values>", "a list or START:STOP:STEP of MACs per byte", "0:500:25")
    .addOption(new Option("--fusion <fusion>", "what moves through memory").choices(FUSIONS).default("none"))
    .addOption(
      new Option("--dtype <dtype>", "bytes per weight and activation element")
        .choices(DTYPE_NAMES)
        .default("int8"),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost ridge v2 mnv4-conv-s efficientnet-b0
  $ mbn-cost ridge v1 v2 --ridge-points 0,31.2,39.7,347.3,433.8 --format csv
  $ mbn-cost ridge v2 mnv4-conv-s --out ridge.svg`,
    );
  addOutputOptions(addConventionOptions(command), FORMATS).action(
    (specs: string[], opts: RidgeCliOptions, self: Command) =>
      ctx.run(async () =>
        (await import("../run/ridge.js")).runRidge(
          {
            specs,
            ridgePoints: opts.ridgePoints,
            fusion: opts.fusion,
            dtype: opts.dtype,
            ...readConventionChoice(opts, self),
            output: readOutputChoice(opts, ctx.io),
          },
          ctx.io,
        ),
      ),
  );
}
