import { Argument, type Command } from "commander";
import type { CommandContext } from "../context.js";

export const SCHEMA_NAMES = ["model", "budgets", "hardware"] as const;
type SchemaName = (typeof SCHEMA_NAMES)[number];

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of architecture (model), budget or hardware files, generated from the validators (also in configs/model.schema.json and configs/budgets.schema.json)",
    )
    .addArgument(new Argument("[which]", "which schema").choices(SCHEMA_NAMES).default("model"))
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost schema > model.schema.json
  Then start your architecture file with "$schema": "./model.schema.json" for editor validation.`,
    )
    .action((which: SchemaName) => ctx.run(async () => (await import("../run/schema.js")).runSchema(which)));
}
