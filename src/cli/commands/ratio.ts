import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import {
  addPlainOutputOptions,
  addSymbolOptions,
  collectBindings,
  type PlainOutputValues,
  type SymbolOptionValues,
} from "./bindings.js";

type RatioCliOptions = SymbolOptionValues & PlainOutputValues;

export function registerRatio(program: Command, ctx: CommandContext): void {
  const command = program
    .command("ratio")
    .description(
      "depthwise separable over standard convolution cost, as a simplified formula (1/N + 1/D_K²) and, given N and D_K, exactly",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost ratio
  $ mbn-cost ratio --N 1024 --DK 3
  $ mbn-cost ratio --N 512 --DK 3 --format json`,
    );
  // the ratio's formula has N and D_K alone: the other symbols cancel
  addSymbolOptions(addPlainOutputOptions(command), ["N", "DK"]).action((opts: RatioCliOptions) =>
    ctx.run(async () =>
      (await import("../run/ratio.js")).runRatio({
        notation: opts.notation,
        format: opts.format,
        bindings: collectBindings(opts),
      }),
    ),
  );
}
