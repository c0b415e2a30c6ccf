import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { OUT_HELP, readOut } from "../options.js";

export function registerApp(program: Command, ctx: CommandContext): void {
  program
    .command("app")
    .description(
      "write the calculator page: one self-contained HTML file, the same library in the browser (no server, offline)",
    )
    .option("-o, --out <file>", `the HTML file: ${OUT_HELP}`)
    .option("--force", "overwrite the --out file if it exists")
    .addHelpText(
      "after",
      `
Examples:
  $ mbn-cost app --out mbn-cost.html     then open it in a browser`,
    )
    .action((opts: { out?: string; force?: true }) =>
      ctx.run(async () =>
        (await import("../run/app.js")).runApp({ out: readOut(opts.out), force: opts.force === true }),
      ),
    );
}
