import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { addOutputOptions, type OutputOptionValues, readOutputChoice } from "./model-options.js";

export function registerModels(program: Command, ctx: CommandContext): void {
  const command = program
    .command("models")
    .description("the built-in models: name, aliases, family, default resolution and source")
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost models
  $ mbn-cost models --format json`,
    );
  addOutputOptions(command).action((opts: OutputOptionValues) =>
    ctx.run(async () => (await import("../run/models.js")).runModels(readOutputChoice(opts, ctx.io), ctx.io)),
  );
}
