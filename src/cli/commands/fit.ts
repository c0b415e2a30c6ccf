import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { Option } from "commander";
import { DTYPE_NAMES } from "../../evaluate/option-names.js";
import {
  addConventionOptions,
  addHardwareOptions,
  addOutputOptions,
  type HardwareOptionValues,
  MODEL_ARGUMENT,
  readHardwareChoice,
  readConventionChoice,
  readOutputChoice,
} from "./model-options.js";

type FitCliOptions = ConventionOptionValues &
  HardwareOptionValues &
  OutputOptionValues & {
    maxMacs?: string;
    maxFlops?: string;
    maxParams?: string;
    maxLatencyMs?: string;
    resolution?: string;
    resolutions?: string;
    alphaStep: string;
    alphaMax: string;
  };
import type { ConventionOptionValues, OutputOptionValues } from "./model-options.js";

export function registerFit(program: Command, ctx: CommandContext): void {
  const command = program
    .command("fit")
    .description(
      "the widest width multiplier that fits a MAC, param or roofline-latency budget, at one resolution or as a Pareto set over several",
    )
    .argument("<model>", MODEL_ARGUMENT)
    .option("--max-macs <quantity>", "MAC budget (100M, 1.5G, …)")
    .option("--max-flops <quantity>", "FLOP budget (FLOPs = 2 × MACs), instead of --max-macs")
    .option("--max-params <quantity>", "parameter budget")
    .option("--max-latency-ms <ms>", "roofline latency budget on --hardware (a profile file with peaks)")
    .option(
      "-r, --resolution <values>",
      "a resolution, or a list (128,160,192,224) or START:STOP:STEP for the Pareto set of (α, resolution) (default: the model's)",
    )
    .option("--resolutions <list>", "the same as --resolution with several values (kept for older scripts)")
    .option("--alpha-step <step>", "α grid step", "0.01")
    .option("--alpha-max <alpha>", "largest α tried", "2")
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost fit v1 --max-macs 150M --resolution 224          α 0.5 (149.5M)
  $ mbn-cost fit fd --max-macs 40M                            the FD-MobileNet paper's 40 MFLOPs budget
  $ mbn-cost fit v2 --max-macs 100M --resolution 96:224:32 --format json`,
    );
  addOutputOptions(
    addConventionOptions(
      addHardwareOptions(
        command.addOption(
          new Option("--dtype <dtype>", "with hardware: bytes per element (default: the profile's)")
            .choices(DTYPE_NAMES)
            .default("int8"),
        ),
      ),
    ),
  ).action((model: string, opts: FitCliOptions, self: Command) =>
    ctx.run(async () =>
      (await import("../run/fit.js")).runFit(
        {
          model,
          maxMacs: opts.maxMacs,
          maxFlops: opts.maxFlops,
          maxParams: opts.maxParams,
          maxLatencyMs: opts.maxLatencyMs,
          hardware: readHardwareChoice(opts, self),
          resolution: opts.resolution,
          resolutions: opts.resolutions,
          alphaStep: opts.alphaStep,
          alphaMax: opts.alphaMax,
          ...readConventionChoice(opts, self),
          output: readOutputChoice(opts, ctx.io),
        },
        ctx.io,
      ),
    ),
  );
}
