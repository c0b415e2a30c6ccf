import { type Command, Option } from "commander";
import { NOTATIONS } from "../../algebra/notations.js";
import { FORMULA_KIND_NAMES } from "../../layers/formula-kind-names.js";
import type { CommandContext } from "../context.js";
import { addSymbolOptions, collectBindings } from "./bindings.js";

export function registerFormula(program: Command, ctx: CommandContext): void {
  const command = program
    .command("formula")
    .description(
      "print a layer kind's params and MACs formulas, factored and expanded, and their values for given symbols",
    )
    .addArgument(program.createArgument("<kind>", "layer kind").choices(FORMULA_KIND_NAMES))
    .addOption(
      new Option("--notation <notation>", "how to print formulas").choices(NOTATIONS).default("unicode"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost formula dsconv
  $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DH 112 --DW 112
  $ mbn-cost formula gconv --notation latex --format json`,
    );
  addSymbolOptions(command).action((kind: string, raw: Record<string, unknown>) =>
    ctx.run(async () =>
      (await import("../run/formula.js")).runFormula({
        kind: kind as (typeof FORMULA_KIND_NAMES)[number],
        notation: raw["notation"] as (typeof NOTATIONS)[number],
        format: raw["format"] as "text" | "json",
        bindings: collectBindings(raw),
      }),
    ),
  );
}
