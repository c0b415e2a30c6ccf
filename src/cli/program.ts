/**
 * The command tree. Declaring options is cheap; each action imports its
 * implementation lazily, so `--help` and `--version` load only commander.
 */
import { Command } from "commander";
import { COMMAND_NAMES, type CommandName } from "./command-names.js";
import type { CommandContext } from "./context.js";
import { registerCalibrate } from "./commands/calibrate.js";
import { registerCheck } from "./commands/check.js";
import { registerDiff } from "./commands/diff.js";
import { registerCompare } from "./commands/compare.js";
import { registerApp } from "./commands/app.js";
import { registerRidge } from "./commands/ridge.js";
import { registerRoofline } from "./commands/roofline.js";
import { registerExplain } from "./commands/explain.js";
import { registerFit } from "./commands/fit.js";
import { registerFormula } from "./commands/formula.js";
import { registerPaper } from "./commands/paper.js";
import { registerRatio } from "./commands/ratio.js";
import { registerReport } from "./commands/report.js";
import { registerModels } from "./commands/models.js";
import { registerSchema } from "./commands/schema.js";
import { registerShow } from "./commands/show.js";
import { registerSweep } from "./commands/sweep.js";
import { closest } from "../io/suggest.js";
import { VERSION } from "./version.js";

/** The top-level examples: a command and what it does, in two aligned columns. */
const EXAMPLE_LINES: readonly (readonly [string, string])[] = [
  ["mbn-cost v2 --alpha 0.5", "per-layer table of MobileNet V2 0.5"],
  ["mbn-cost v1 --format csv --out v1.csv", "CSV for a spreadsheet"],
  ["mbn-cost report v1 --out r.html", "a self-contained HTML report with charts"],
  ["mbn-cost ratio --N 1024 --DK 3", "separable vs standard conv, exactly"],
  ["mbn-cost formula dsconv", "params and MACs formulas of a layer kind"],
  ["mbn-cost formula conv --M 32 --N 64 --DK 3 --DF 112", ""],
  ["mbn-cost v2 --hardware pixel8-edgetpu", "roofline cost per layer on a MobileNetV4 Table 16 ridge point"],
  ["mbn-cost ridge v2 mnv4-conv-s", "which is cheaper, from RP 0 (the MACs) to 500 MACs/byte"],
  [
    "mbn-cost v2 --hardware pixel3-cpu-fp32",
    "milliseconds per layer on a device calibrated on published latencies",
  ],
  ["mbn-cost calibrate times.csv --out my.json", "your device's latency model, fitted to your measurements"],
];

const EXAMPLES_WIDTH = Math.max(...EXAMPLE_LINES.map(([command, what]) => (what ? command.length : 0)));
const EXAMPLES = `
Examples:
${EXAMPLE_LINES.map(([command, what]) => (what ? `  $ ${command.padEnd(EXAMPLES_WIDTH)}  ${what}` : `  $ ${command}`)).join("\n")}
`;

const COMMANDS = {
  show: registerShow,
  compare: registerCompare,
  sweep: registerSweep,
  paper: registerPaper,
  report: registerReport,
  check: registerCheck,
  diff: registerDiff,
  fit: registerFit,
  calibrate: registerCalibrate,
  explain: registerExplain,
  ridge: registerRidge,
  roofline: registerRoofline,
  formula: registerFormula,
  ratio: registerRatio,
  schema: registerSchema,
  models: registerModels,
  app: registerApp,
} satisfies Record<CommandName, (program: Command, ctx: CommandContext) => void>;

/**
 * Which commands to declare for these arguments. Declaring all ten costs
 * several milliseconds of a start-up budget of tens (bench/startup.mjs), so a
 * run declares only the one it invokes: a first word that is no command goes
 * to the default command (`show`) either way. Help declares them all.
 */
export function commandsFor(argv: readonly string[]): CommandName[] {
  const all = [...COMMAND_NAMES];
  const first = argv.find((a) => !a.startsWith("-"));
  if (first === "help" || argv.includes("--help") || argv.includes("-h")) return all;
  if (first === undefined) return argv.some((a) => a === "-V" || a === "--version") ? [] : all;
  return (COMMAND_NAMES as readonly string[]).includes(first) ? [first as CommandName] : ["show"];
}

/**
 * Options may come before the command (`mbn-cost --alpha 0.5 sweep v2`), as
 * they may after it: a command word that follows only options and their
 * values moves to the front, where commander expects it.
 */
export function commandFirst(argv: readonly string[]): string[] {
  const isCommand = (a: string) => (COMMAND_NAMES as readonly string[]).includes(a) || a === "help";
  const asksHelp = argv.includes("--help") || argv.includes("-h");
  // `mbn-cost v2 --help` is the help of the command that runs `mbn-cost v2`: show
  if (asksHelp && argv[0] !== undefined && !argv[0].startsWith("-") && !isCommand(argv[0]))
    return ["show", ...argv];
  if (argv.length === 0 || !argv[0]!.startsWith("-")) return [...argv];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    const previous = argv[i - 1]!;
    const optionValue = previous.startsWith("-") && !previous.includes("=");
    if (isCommand(token)) return [token, ...argv.slice(0, i), ...argv.slice(i + 1)];
    if (!token.startsWith("-") && !optionValue) break; // a model or other argument: no command follows
  }
  return [...argv];
}

/** An unknown option commander found nothing near: the declared option it is within reach of, or begins. */
function withSuggestion(text: string, program: Command): string {
  const unknown = /^error: unknown option '([^']+)'\n$/.exec(text);
  if (!unknown) return text;
  const flags = [program, ...program.commands].flatMap((c) => c.options.flatMap((o) => o.long ?? []));
  const near = closest(unknown[1]!.split("=")[0]!, flags);
  return near ? `error: unknown option '${unknown[1]}' (did you mean ${near}?)\n` : text;
}

export function createProgram(ctx: CommandContext, argv: readonly string[] = []): Command {
  const program = new Command("mbn-cost")
    .description(
      "Exact parameter and multiply-add (MAC) counts of MobileNet-family networks, from symbolic layer formulas.",
    )
    .version(VERSION, "-V, --version")
    .option("--debug", "print a stack trace for internal errors")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      // commander puts its suggestion on a second line: errors stay one line
      writeErr: (text) =>
        ctx.io.stderr(
          withSuggestion(text.replace(/\n\(Did you mean ([^)]*)\)/, " (did you mean $1)"), program),
        ),
      getOutHelpWidth: () => ctx.io.columns ?? 80,
      getErrHelpWidth: () => ctx.io.columns ?? 80,
    });
  for (const name of commandsFor(argv)) COMMANDS[name](program, ctx);
  return program;
}
