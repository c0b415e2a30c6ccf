/**
 * Options shared by every command that evaluates a model: width, resolution,
 * convention and its per-item overrides, output format and destination.
 */
import { type Command, Option } from "commander";
import { CONVENTION_NAMES, type ConventionName, UNITS, type Unit } from "../../model/convention-names.js";
import type { ConventionOverrides } from "../../model/conventions.js";
import { type Format, TEXT_FORMATS } from "../../report/format.js";
import { OUT_HELP, parsePositiveInteger, readOut } from "../options.js";

export function addConventionOptions(command: Command): Command {
  return command
    .addOption(
      new Option("-c, --convention <name>", "counting convention preset")
        .choices(CONVENTION_NAMES)
        .default("paper"),
    )
    .option("--bias", "count biases as parameters")
    .option("--no-bias", "do not count biases")
    .option("--bn", "count BatchNorm γ and β as parameters")
    .option("--no-bn", "do not count BatchNorm")
    .option(
      "--classes <n>",
      "classifier outputs (default: the model's, +1 background under tf-slim)",
      parsePositiveInteger("Classes", 1_000_000),
    )
    .addOption(new Option("--unit <unit>", "MACs, or FLOPs = 2 × MACs").choices(UNITS));
}

export function addOutputOptions(command: Command, formats: readonly string[] = TEXT_FORMATS): Command {
  return command
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (default: table, or from --out's extension)",
      ).choices(formats),
    )
    .option("-o, --out <file>", OUT_HELP)
    .option("--force", "overwrite the --out file if it exists")
    .option("--exact", "print exact integers instead of human units (568,740,352 rather than 568.74M)");
}

export interface ConventionChoice {
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
}

/** Raw commander values → the preset and its overrides. */
export function readConventionChoice(raw: Record<string, unknown>, command: Command): ConventionChoice {
  const given = (key: string) => command.getOptionValueSource(key) === "cli";
  return {
    convention: raw["convention"] as ConventionName,
    overrides: {
      ...(given("bias") && { bias: raw["bias"] as boolean }),
      ...(given("bn") && { bn: raw["bn"] as boolean }),
      ...(raw["classes"] !== undefined && { classes: raw["classes"] as number }),
      ...(raw["unit"] !== undefined && { unit: raw["unit"] as Unit }),
    },
  };
}

export interface OutputChoice {
  readonly format: Format | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly exact: boolean;
}

export const readOutputChoice = (raw: Record<string, unknown>): OutputChoice => ({
  format: raw["format"] as Format | undefined,
  out: readOut(raw["out"]),
  force: raw["force"] === true,
  exact: raw["exact"] === true,
});
