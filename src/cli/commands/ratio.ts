import { type Command, Option } from "commander";
import { NOTATIONS, type Notation } from "../../algebra/notations.js";
import type { CommandContext } from "../context.js";
import {
  addSymbolOptions,
  collectBindings,
  PLAIN_FORMATS,
  type PlainFormat,
  type SymbolOptionValues,
} from "./bindings.js";

type RatioCliOptions = SymbolOptionValues & { notation: Notation; format: PlainFormat };

export function registerRatio(program: Command, ctx: CommandContext): void {
  const command = program
    .command("ratio")
    .description(
      "depthwise separable over standard convolution cost, as a simplified formula (1/N + 1/D_K²) and, given N and D_K, exactly",
    )
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
  $ mbn-cost ratio
  $ mbn-cost ratio --N 1024 --DK 3
  $ mbn-cost ratio --N 512 --DK 3 --format json`,
    );
  addSymbolOptions(command).action((opts: RatioCliOptions) =>
    ctx.run(async () =>
      (await import("../run/ratio.js")).runRatio({
        notation: opts.notation,
        format: opts.format,
        bindings: collectBindings(opts),
      }),
    ),
  );
}
