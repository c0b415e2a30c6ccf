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
import { tableWidthFor } from "./model-options.js";

type FormulaCliOptions = SymbolOptionValues & PlainOutputValues;

/** Kinds as architecture files spell them, where the formula's name differs. */
const FILE_SPELLINGS: Readonly<Record<string, FormulaKindName>> = { fused_ib: "fused-ib" };

export function registerFormula(program: Command, ctx: CommandContext): void {
  const command = program
    .command("formula")
    .description(
      "print a layer kind's params and MACs formulas, factored and expanded, and their values for given symbols",
    )
    .addArgument(
      new Argument("<kind>", "layer kind (fused_ib, as architecture files spell it, is fused-ib)").choices([
        ...FORMULA_KIND_NAMES,
        ...Object.keys(FILE_SPELLINGS),
      ]),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost formula dsconv
  $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DH 112 --DW 112
  $ mbn-cost formula gconv --notation latex --format json
  $ mbn-cost formula mqa --M 160 --h 4 --d 64 --DK 3 --DF 16 --DHkv 8 --DWkv 8`,
    );
  addSymbolOptions(addPlainOutputOptions(command)).action((kind: string, opts: FormulaCliOptions) =>
    ctx.run(async () =>
      (await import("../run/formula.js")).runFormula({
        kind: FILE_SPELLINGS[kind] ?? (kind as FormulaKindName),
        notation: opts.notation,
        format: opts.format,
        bindings: collectBindings(opts),
        width: tableWidthFor(undefined, ctx.io.columns),
      }),
    ),
  );
}
