import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { FORMATS } from "../../report/format.js";
import type { CommandContext } from "../context.js";
import { parseAlpha, parseResolution } from "../options.js";
import type { Alpha } from "../../model/configuration.js";
import type { Resolution } from "../../model/resolution.js";
import {
  addConventionOptions,
  addHardwareOptions,
  addMemoryOptions,
  addOutputOptions,
  type ConventionOptionValues,
  type HardwareOptionValues,
  type MemoryOptionValues,
  MODEL_ARGUMENT,
  type OutputOptionValues,
  readConventionChoice,
  readHardwareChoice,
  readOutputChoice,
} from "./model-options.js";

type RooflineCliOptions = ConventionOptionValues &
  OutputOptionValues &
  MemoryOptionValues &
  HardwareOptionValues & { alpha?: Alpha; resolution?: Resolution };

export function registerRoofline(program: Command, ctx: CommandContext): void {
  const command = program
    .command("roofline")
    .description(
      "the roofline chart of a model on hardware: attainable share of peak against MACs per byte, log-log, a point per layer: SVG into a pipe or with --out x.svg, the table on a terminal (--format to choose)",
    )
    .argument("<model>", MODEL_ARGUMENT)
    .option("-a, --alpha <alpha>", "width multiplier α", parseAlpha)
    .option(
      "-r, --resolution <pixels>",
      "input side, or HEIGHTxWIDTH (default: the model's)",
      parseResolution,
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost roofline v2 --hardware pixel8-edgetpu --out v2-roofline.svg
  $ mbn-cost roofline mnv4-hybrid-m --ridge-point 100 --theme dark > roofline.svg`,
    );
  addOutputOptions(addConventionOptions(addHardwareOptions(addMemoryOptions(command))), FORMATS).action(
    (model: string, opts: RooflineCliOptions, self: Command) =>
      ctx.run(async () => {
        const hardware = readHardwareChoice(opts, self);
        if (!hardware)
          throw new InputError(
            "roofline needs hardware: --hardware <name|file> or --ridge-point <MACs/byte>",
          );
        if (hardware.ridgePoint?.num === 0n)
          throw new InputError(
            "--ridge-point 0: a roofline has no ridge at 0 (every layer is compute-bound); give one above 0",
          );
        const output = readOutputChoice(opts, ctx.io);
        // SVG into a pipe or a file; a terminal gets the table (raw SVG is no use there)
        const toTerminal = ctx.io.columns !== undefined;
        const svgUnlessAsked =
          opts.format === undefined && output.out === undefined && !toTerminal
            ? { format: "svg" as const }
            : {};
        return (await import("../run/show.js")).runShow(
          {
            model,
            alpha: opts.alpha,
            depth: undefined,
            resolution: opts.resolution,
            ...readConventionChoice(opts, self),
            output: { ...output, ...svgUnlessAsked },
            by: undefined,
            totals: false,
            memory: { dtype: opts.dtype, memoryModel: opts.memory },
            hardware,
          },
          ctx.io,
        );
      }),
  );
}
