import { type Command, Option } from "commander";
import { SWEEP_FORMATS, type SweepFormat } from "../../report/sweep-formats.js";
import type { Theme } from "../../report/svg/themes.js";
import type { CommandContext } from "../context.js";
import type { SweepOptions } from "../run/sweep.js";
import { OUT_HELP, readOut } from "../options.js";
import {
  addConventionOptions,
  addMemoryOptions,
  type ConventionOptionValues,
  type MemoryOptionValues,
  MODEL_ARGUMENT,
  readConventionChoice,
  readHardwareChoice,
  addHardwareOptions,
  type HardwareOptionValues,
  tableWidthFor,
  themeOption,
} from "./model-options.js";

type SweepCliOptions = ConventionOptionValues &
  HardwareOptionValues &
  MemoryOptionValues & {
    alpha: string;
    depth?: string;
    resolution?: string;
    format: SweepFormat;
    out?: string;
    force?: true;
    exact?: true;
    verbose?: true;
    theme: Theme;
    budget?: string;
  };

const EXAMPLES = `
Examples:
  $ mbn-cost sweep v2 --alpha 0.35,0.5,0.75,1.0,1.4 --resolution 96:224:32
  $ mbn-cost sweep v2 --alpha 0.10:2.00:0.01 --resolution 32:512:8 --out budget.csv   (11,651 rows)
  $ mbn-cost sweep v1 --alpha 0.25:1:0.25 --format table
  $ mbn-cost sweep v2 --alpha 0.25:1.4:0.05 --resolution 128,160,192,224 --budget 300M --out v2.svg`;

const toSweepOptions = (
  model: string,
  opts: SweepCliOptions,
  self: Command,
  io: { readonly columns?: number | undefined },
): SweepOptions => ({
  model,
  // --alpha when given: the model may give its α too (v2@0.5), and the two are compared
  alphas: self.getOptionValueSource("alpha") === "cli" ? opts.alpha : undefined,
  depths: opts.depth,
  resolutions: opts.resolution,
  // --out's extension chooses the format unless --format was given (as on every other command)
  format: self.getOptionValueSource("format") === "cli" ? opts.format : undefined,
  out: readOut(opts.out),
  force: opts.force === true,
  exact: opts.exact === true,
  verbose: opts.verbose === true,
  hardware: readHardwareChoice(opts, self),
  get width() {
    return tableWidthFor(readOut(opts.out), io.columns);
  },
  theme: opts.theme,
  budget: opts.budget,
  dtype: opts.dtype,
  memoryModel: opts.memory,
  ...readConventionChoice(opts, self),
});

export function registerSweep(program: Command, ctx: CommandContext): void {
  const command = program
    .command("sweep")
    .description(
      "evaluate every (α, resolution) pair of a grid: one row per configuration, streamed (CSV by default)",
    )
    .argument("<model>", MODEL_ARGUMENT)
    .option(
      "-a, --alpha <values>",
      "widths: a list (0.5,0.75,1) or START:STOP:STEP, inclusive (0.10:2.00:0.01) (default: the model's @α, else 1)",
    )
    .option(
      "-d, --depth <values>",
      "depth multipliers (each stage's n blocks become ⌈n·d⌉): a list or START:STOP:STEP (default 1)",
    )
    .option(
      "-r, --resolution <values>",
      "resolutions: a list (128,160,224) or START:STOP:STEP (32:512:8) (default: the model's)",
    )
    .addOption(new Option("-f, --format <format>", "output format").choices(SWEEP_FORMATS).default("csv"))
    .option("-o, --out <file>", OUT_HELP)
    .option("--force", "overwrite the --out file if it exists")
    .option("--exact", "table and Markdown: exact integers instead of human units")
    .option("-v, --verbose", "table and Markdown: the convention in full")
    .addOption(themeOption())
    .option(
      "--budget <quantity>",
      "svg: draw a budget line at this count, in the report's unit (MACs, or FLOPs with --unit flops)",
    )
    .addHelpText("after", EXAMPLES);
  addConventionOptions(addHardwareOptions(addMemoryOptions(command))).action(
    (model: string, opts: SweepCliOptions, self: Command) =>
      ctx.run(async () =>
        (await import("../run/sweep.js")).runSweep(toSweepOptions(model, opts, self, ctx.io), ctx.io),
      ),
  );
}
