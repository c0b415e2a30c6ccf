import { type Command, Option } from "commander";
import { COMPARE_BREAKDOWNS, type CompareBreakdownBy, DTYPE_NAMES } from "../../evaluate/option-names.js";
import { FORMATS } from "../../report/format.js";
import type { CommandContext } from "../context.js";
import {
  addConventionOptions,
  addHardwareOptions,
  addOutputOptions,
  addSpecDefaultOptions,
  type HardwareOptionValues,
  readHardwareChoice,
  readConventionChoice,
  readOutputChoice,
  type SpecDefaultOptionValues,
} from "./model-options.js";

type CompareCliOptions = ConventionOptionValues &
  HardwareOptionValues &
  OutputOptionValues &
  SpecDefaultOptionValues & { by?: CompareBreakdownBy };
import type { ConventionOptionValues, OutputOptionValues } from "./model-options.js";

export function registerCompare(program: Command, ctx: CommandContext): void {
  const command = addSpecDefaultOptions(
    program
      .command("compare")
      .description("compare models side by side: totals with ratios to the first, and aligned breakdowns"),
  )
    .argument("<specs...>", "model[@alpha][/resolution], e.g. v1@0.5 fd@1 v2@0.75/160")
    .addOption(new Option("--by <grouping>", "align a breakdown row by row").choices(COMPARE_BREAKDOWNS))
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost compare v1 v2 v3-large
  $ mbn-cost compare v1@0.5 fd@1 --by resolution     where each spends its MACs (129M vs 59M down to 14×14)
  $ mbn-cost compare v2@1.0/224 v2@0.75/160 --format csv`,
    );
  const withDtype = command.addOption(
    new Option(
      "--dtype <dtype>",
      "with hardware: bytes per weight and activation element (default: the profile's)",
    )
      .choices(DTYPE_NAMES)
      .default("int8"),
  );
  addOutputOptions(addConventionOptions(addHardwareOptions(withDtype)), FORMATS).action(
    (specs: string[], opts: CompareCliOptions, self: Command) =>
      ctx.run(async () =>
        (await import("../run/compare.js")).runCompare(
          {
            specs,
            by: opts.by,
            alpha: opts.alpha,
            depth: opts.depth,
            resolution: opts.resolution,
            ...readConventionChoice(opts, self),
            output: readOutputChoice(opts, ctx.io),
            hardware: readHardwareChoice(opts, self),
          },
          ctx.io,
        ),
      ),
  );
}
