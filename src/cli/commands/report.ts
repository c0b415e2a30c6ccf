import { type Command, Option } from "commander";
import { DTYPE_NAMES } from "../../evaluate/option-names.js";
import type { CommandContext } from "../context.js";
import { OUT_HELP, readOut } from "../options.js";
import {
  addConventionOptions,
  addHardwareOptions,
  addSpecDefaultOptions,
  type ConventionOptionValues,
  type HardwareOptionValues,
  readConventionChoice,
  readHardwareChoice,
  type SpecDefaultOptionValues,
} from "./model-options.js";

type ReportCliOptions = ConventionOptionValues &
  HardwareOptionValues &
  SpecDefaultOptionValues & {
    out?: string;
    force?: true;
    exact?: true;
  };

export function registerReport(program: Command, ctx: CommandContext): void {
  const command = addSpecDefaultOptions(
    program
      .command("report")
      .description(
        "one self-contained HTML report (inline charts, sortable per-layer table, breakdowns, the paper comparison): open it in any browser, offline",
      ),
  )
    .argument("<specs...>", "model[@alpha][/resolution], one or more (e.g. v1, or v1@0.5 fd@1)")
    .option("-o, --out <file>", `the HTML file: ${OUT_HELP}`)
    .option("--force", "overwrite the --out file if it exists")
    .option("--exact", "exact integers in the tables instead of human units")
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost report v1 --out r.html
  $ mbn-cost report v1@0.5 fd@1 --out fd-vs-v1.html
  $ mbn-cost report v3-large -c torchvision --out v3.html
  $ mbn-cost report v2 --hardware pixel8-edgetpu --out v2-edgetpu.html   with the roofline`,
    );
  const withDtype = command.addOption(
    new Option("--dtype <dtype>", "with hardware: bytes per element (default: the profile's)")
      .choices(DTYPE_NAMES)
      .default("int8"),
  );
  addConventionOptions(addHardwareOptions(withDtype)).action(
    (specs: string[], opts: ReportCliOptions, self: Command) =>
      ctx.run(async () =>
        (await import("../run/report.js")).runReport(
          {
            specs,
            alpha: opts.alpha,
            depth: opts.depth,
            resolution: opts.resolution,
            out: readOut(opts.out),
            force: opts.force === true,
            exact: opts.exact === true,
            ...readConventionChoice(opts, self),
            hardware: readHardwareChoice(opts, self),
          },
          ctx.io,
        ),
      ),
  );
}
