/**
 * The command tree. Declaring options is cheap; each action imports its
 * implementation lazily, so `--help` and `--version` load only commander.
 */
import { Command } from "commander";
import type { CommandContext } from "./context.js";
import { registerCheck } from "./commands/check.js";
import { registerCompare } from "./commands/compare.js";
import { registerExplain } from "./commands/explain.js";
import { registerFit } from "./commands/fit.js";
import { registerFormula } from "./commands/formula.js";
import { registerPaper } from "./commands/paper.js";
import { registerRatio } from "./commands/ratio.js";
import { registerSchema } from "./commands/schema.js";
import { registerShow } from "./commands/show.js";
import { registerSweep } from "./commands/sweep.js";
import { VERSION } from "./version.js";

const EXAMPLES = `
Examples:
  $ mbn-cost v2 --alpha 0.5                 per-layer table of MobileNet V2 0.5
  $ mbn-cost v1 --format csv --out v1.csv   CSV for a spreadsheet
  $ mbn-cost ratio --N 1024 --DK 3         separable vs standard conv, exactly
  $ mbn-cost formula dsconv                 params and MACs formulas of a layer kind
  $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DF 112
`;

export function createProgram(ctx: CommandContext): Command {
  const program = new Command("mbn-cost")
    .description("Exact parameter and multiply-add (MAC) counts of MobileNet-family networks, from symbolic layer formulas.")
    .version(VERSION, "-V, --version")
    .option("--debug", "print a stack trace for internal errors")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: (text) => ctx.io.stderr(text),
    });
  registerShow(program, ctx);
  registerCompare(program, ctx);
  registerSweep(program, ctx);
  registerPaper(program, ctx);
  registerCheck(program, ctx);
  registerExplain(program, ctx);
  registerFit(program, ctx);
  registerFormula(program, ctx);
  registerRatio(program, ctx);
  registerSchema(program, ctx);
  return program;
}
