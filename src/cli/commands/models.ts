import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { addOutputOptions, type OutputOptionValues, readOutputChoice } from "./model-options.js";

export function registerModels(program: Command, ctx: CommandContext): void {
  const command = program
    .command("models")
    .description(
      "the built-in models and timm's mobile catalogue: name, aliases, family, default resolution and source",
    )
    .option("--family <family>", "only this family's models (v2, v5, lcnet, mobilenetv3, efficientnet…)")
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost models
  $ mbn-cost models --family lcnet
  $ mbn-cost models --format json`,
    );
  // a list of models has no counts and no convention: no --exact, no --verbose
  addOutputOptions(command, undefined, { counts: false }).action(
    (opts: OutputOptionValues & { family?: string }) =>
      ctx.run(async () =>
        (await import("../run/models.js")).runModels(readOutputChoice(opts, ctx.io), ctx.io, opts.family),
      ),
  );
}
