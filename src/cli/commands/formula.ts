import { Argument, type Command, Option } from "commander";
import { NOTATIONS, type Notation } from "../../algebra/notations.js";
import { FORMULA_KIND_NAMES, type FormulaKindName } from "../../layers/formula-kind-names.js";
import type { CommandContext } from "../context.js";
import {
  addSymbolOptions,
  collectBindings,
  PLAIN_FORMATS,
  type PlainFormat,
  type SymbolOptionValues,
} from "./bindings.js";

type FormulaCliOptions = SymbolOptionValues & { notation: Notation; format: PlainFormat };

export function registerFormula(program: Command, ctx: CommandContext): void {
  const command = program
    .command("formula")
    .description(
      "print a layer kind's params and MACs formulas, factored and expanded, and their values for given symbols",
    )
    .addArgument(new Argument("<kind>", "layer kind").choices(FORMULA_KIND_NAMES))
    .addOption(
      new Option("--notation <notation>", "how to print formulas")
        .choices(NOTATIONS)
        .default("unicode" as const),
    )
    .addOption(
      new Option("--format <format>", "output format").choices(PLAIN_FORMATS).default("text" as const),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost formula dsconv
  $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DH 112 --DW 112
  $ mbn-cost formula gconv --notation latex --format json`,
    );
  addSymbolOptions(command).action((kind: FormulaKindName, opts: FormulaCliOptions) =>
    ctx.run(async () =>
      (await import("../run/formula.js")).runFormula({
        kind,
        notation: opts.notation,
        format: opts.format,
        bindings: collectBindings(opts),
      }),
    ),
  );
}
