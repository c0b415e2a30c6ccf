import { type Command, Option } from "commander";
import { CHECK_FORMATS, type CheckFormat } from "../../report/format.js";
import type { CommandContext } from "../context.js";
import {
  addModelReadOptions,
  type ModelReadOptionValues,
  readModelReadOptions,
  tableWidthFor,
} from "./model-options.js";

type CheckCliOptions = {
  format: CheckFormat;
  junit?: string;
  force?: true;
  exact?: true;
} & ModelReadOptionValues;

export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command("check")
    .description("CI gate: evaluate every budget in a budgets file; exit 1 when any is exceeded, naming it")
    .argument("<budgets>", "budgets JSON file (schema: mbn-cost schema budgets)")
    .addOption(new Option("-f, --format <format>", "output format").choices(CHECK_FORMATS).default("table"))
    .option("--junit <file>", "also write JUnit XML (one testcase per budget) for CI dashboards")
    .option(
      "--force",
      "(accepted for older scripts: the --junit file is an output of the run and is always replaced)",
    )
    .option("--exact", "print exact integers instead of human units")
    .addHelpText(
      "after",
      `
Exit codes: 0 all budgets hold; 1 a budget is exceeded; 2 the file is missing or malformed.
Under GitHub Actions (GITHUB_ACTIONS=true) it also prints ::error annotations and appends
a Markdown summary to $GITHUB_STEP_SUMMARY.

Examples:
  $ mbn-cost check budgets.json
  $ mbn-cost check budgets.json --junit results.xml
  $ mbn-cost check budgets.json --format json
  $ mbn-cost check onnx-budgets.json        with "model": "model.onnx" (a path from the budgets file)`,
    );
  addModelReadOptions(command).action((file: string, opts: CheckCliOptions) =>
    ctx.run(async () =>
      (await import("../run/check.js")).runCheck(
        {
          file,
          format: opts.format,
          junit: opts.junit,
          exact: opts.exact === true,
          read: readModelReadOptions(opts),
          get width() {
            return tableWidthFor(undefined, ctx.io.columns);
          },
        },
        ctx.io,
      ),
    ),
  );
}
