import { type Command, InvalidArgumentError, Option } from "commander";
import { TEXT_FORMATS, type TextFormat } from "../../report/format.js";
import type { CommandContext } from "../context.js";
import { OUT_HELP, parseCount, readOut } from "../options.js";
import type { DiffOptions } from "../run/diff.js";
import {
  addModelReadOptions,
  type ModelReadOptionValues,
  readModelReadOptions,
  tableWidthFor,
} from "./model-options.js";

type DiffCliOptions = {
  against?: string;
  failOnIncrease?: number;
  layers: number;
  format?: TextFormat;
  out?: string;
  force?: true;
  exact?: true;
} & ModelReadOptionValues;

/** "2%" or "2" → 2; a growth in percent, at least 0. */
function parsePercent(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(raw.trim());
  if (!match) throw new InvalidArgumentError("Expected a percentage ≥ 0, such as 2% or 0.5.");
  return Number(match[1]);
}

const DIFF_HELP = `
Exit codes: 0 done (and nothing grew past --fail-on-increase); 1 a metric grew past it; 2 bad input.

Examples:
  $ mbn-cost v2 -f json --out base.json && mbn-cost v2@0.75 -f json --out head.json
  $ mbn-cost diff base.json head.json                      params, MACs and the layers that changed most
  $ mbn-cost diff budgets.json --against origin/main --fail-on-increase 2% --format markdown`;

export function registerDiff(program: Command, ctx: CommandContext): void {
  const command = program
    .command("diff")
    .description("the cost change between two saved JSON outputs, or of a budgets file since a git commit")
    .argument(
      "<base>",
      "saved JSON (of mbn-cost <model>, compare or check -f json), or a budgets file with --against",
    )
    .argument("[head]", "saved JSON to compare with the base")
    .option(
      "--against <ref>",
      "evaluate the budgets file at this git ref (git show, nothing checked out) and now",
    )
    .option(
      "--fail-on-increase <pct>",
      "exit 1 when any metric of any model grows more than this percent",
      parsePercent,
    )
    .option(
      "--layers <n>",
      "how many of the layers that changed most to list per model",
      parseCount("--layers", 1000),
      5,
    )
    .addOption(
      new Option("-f, --format <format>", "output format (default table, or from --out's extension)").choices(
        TEXT_FORMATS,
      ),
    )
    .option("-o, --out <file>", OUT_HELP)
    .option("--force", "overwrite --out if it exists")
    .option("--exact", "print exact integers instead of human units")
    .addHelpText("after", DIFF_HELP);
  addModelReadOptions(command).action((base: string, head: string | undefined, opts: DiffCliOptions) =>
    ctx.run(async () => (await import("../run/diff.js")).runDiff(diffOptions(base, head, opts, ctx), ctx.io)),
  );
}

function diffOptions(
  base: string,
  head: string | undefined,
  opts: DiffCliOptions,
  ctx: CommandContext,
): DiffOptions {
  return {
    base,
    head,
    against: opts.against,
    failOnIncrease: opts.failOnIncrease,
    layers: opts.layers,
    format: opts.format,
    out: readOut(opts.out),
    force: opts.force === true,
    exact: opts.exact === true,
    read: readModelReadOptions(opts),
    get width() {
      return tableWidthFor(readOut(opts.out), ctx.io.columns);
    },
  };
}
