import { Argument, type Command } from "commander";
import type { FAMILIES } from "../../published/families.js";
import type { CommandContext } from "../context.js";
import { addOutputOptions, type OutputOptionValues, readOutputChoice } from "./model-options.js";

/** Model names that lead to their family's paper. */
export const FAMILY_ALIASES = {
  v1: "v1",
  "mobilenet-v1": "v1",
  v2: "v2",
  "mobilenet-v2": "v2",
  v3: "v3",
  "v3-large": "v3",
  "v3-small": "v3",
  "mobilenet-v3-large": "v3",
  "mobilenet-v3-small": "v3",
  fd: "fd",
  "fd-mobilenet": "fd",
  v4: "v4",
  "mnv4-conv-s": "v4",
  "mnv4-conv-m": "v4",
  "mnv4-conv-l": "v4",
  "mnv4-hybrid-m": "v4",
  "mnv4-hybrid-l": "v4",
  v5: "v5",
  mobilenetv5_300m: "v5",
  mobilenetv5_base: "v5",
  efficientnet: "efficientnet",
  "efficientnet-b0": "efficientnet",
  "efficientnet-v2-s": "efficientnet",
  mnasnet: "mnasnet",
  timm: "timm",
} as const satisfies Record<string, (typeof FAMILIES)[number]>;

const FAMILY_NAMES = Object.keys(FAMILY_ALIASES) as (keyof typeof FAMILY_ALIASES)[];

export function registerPaper(program: Command, ctx: CommandContext): void {
  const command = program
    .command("paper")
    .description(
      "each published figure of a family's paper and checkpoint tables beside the computed one: ✓ or the difference, with the source",
    )
    .addArgument(
      new Argument(
        "<family>",
        `a family: ${[...new Set(Object.values(FAMILY_ALIASES))].join(", ")} (model names and aliases work too)`,
      ).choices(FAMILY_NAMES),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost paper v1
  $ mbn-cost paper v3 --format markdown > v3-reproduction.md`,
    );
  addOutputOptions(command).action((family: keyof typeof FAMILY_ALIASES, opts: OutputOptionValues) =>
    ctx.run(async () =>
      (await import("../run/paper.js")).runPaper(
        { family: FAMILY_ALIASES[family], output: readOutputChoice(opts, ctx.io) },
        ctx.io,
      ),
    ),
  );
}
