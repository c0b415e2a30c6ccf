import { type Command, Option } from "commander";
import { NOTATIONS } from "../../algebra/notations.js";
import type { CommandContext } from "../context.js";
import { addSymbolOptions, collectBindings } from "./bindings.js";

export function registerRatio(program: Command, ctx: CommandContext): void {
  const command = program
    .command("ratio")
    .description(
      "depthwise separable over standard convolution cost, as a simplified formula (1/N + 1/D_K²) and, given N and D_K, exactly",
    )
    .addOption(
      new Option("--notation <notation>", "how to print formulas").choices(NOTATIONS).default("unicode"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost ratio
  $ mbn-cost ratio --N 1024 --DK 3
  $ mbn-cost ratio --N 512 --DK 3 --format json`,
    );
  addSymbolOptions(command).action((raw: Record<string, unknown>) =>
    ctx.run(async () =>
      (await import("../run/ratio.js")).runRatio({
        notation: raw["notation"] as (typeof NOTATIONS)[number],
        format: raw["format"] as "text" | "json",
        bindings: collectBindings(raw),
      }),
    ),
  );
}
