import { Argument, type Command } from "commander";
import { FORMULA_KIND_NAMES, type FormulaKindName } from "../../layers/formula-kind-names.js";
import type { CommandContext } from "../context.js";
import {
  addPlainOutputOptions,
  addSymbolOptions,
  collectBindings,
  type PlainOutputValues,
  type SymbolOptionValues,
} from "./bindings.js";

type FormulaCliOptions = SymbolOptionValues & PlainOutputValues;

export function registerFormula(program: Command, ctx: CommandContext): void {
  const command = program
    .command("formula")
    .description(
      "print a layer kind's params and MACs formulas, factored and expanded, and their values for given symbols",
    )
    .addArgument(new Argument("<kind>", "layer kind").choices(FORMULA_KIND_NAMES))
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost formula dsconv
  $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DH 112 --DW 112
  $ mbn-cost formula gconv --notation latex --format json
  $ mbn-cost formula mqa --M 160 --h 4 --d 64 --DK 3 --DF 16 --DHkv 8 --DWkv 8`,
    );
  addSymbolOptions(addPlainOutputOptions(command)).action((kind: FormulaKindName, opts: FormulaCliOptions) =>
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
