/**
 * main(argv, io): the one place that writes. Commands return an Outcome;
 * this function writes its files, then its stdout and stderr, and returns the
 * exit code. Known errors print one line; unknown ones are bugs (exit 3).
 */
import { CommanderError } from "commander";
import { InputError, toOneLine } from "../errors.js";
import { showControls, showControlsInLines } from "../report/untrusted-text.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import type { Outcome } from "./outcome.js";
import { commandFirst, createProgram } from "./program.js";

export { nodeIo } from "./io.js";
export type { CliIo } from "./io.js";

function reportError(error: unknown, io: CliIo, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // commander has already printed its one-line message through io.
    return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
  }
  if (error instanceof InputError) {
    // a message may quote a file's text (an ONNX node's name): its control characters shown, never sent
    io.stderr(`error: ${showControls(toOneLine(error.message))}\n`);
    return ExitCode.BadInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `internal error: ${showControls(toOneLine(message))}. This is a bug in mbn-cost: please report it with the command you ran${debug ? "" : " (add --debug for the stack)"}.\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return ExitCode.Internal;
}

async function writeOutcome(outcome: Outcome, io: CliIo): Promise<ExitCode> {
  for (const file of outcome.files ?? []) await io.writeFile(file.path, file.content, file.force, file.flag);
  for (const append of outcome.appends ?? []) io.appendFile(append.path, append.content);
  if (typeof outcome.stdout === "string") await io.stdout(outcome.stdout);
  else if (outcome.stdout) {
    // renderers yield chunks of ~16 KB; waiting on each keeps memory bounded while the reader is behind
    for (const chunk of outcome.stdout) await io.stdout(chunk);
  }
  // our own lines, which may quote user text (an --out path): its controls shown, never sent
  if (outcome.stderr) io.stderr(showControlsInLines(outcome.stderr));
  return outcome.exitCode;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const debug = argv.includes("--debug");
  let outcome: Outcome | undefined;
  const args = argv.length === 0 ? ["--help"] : commandFirst(argv);
  const program = createProgram(
    {
      io,
      run: async (task) => {
        outcome = await task();
      },
    },
    args,
  );
  // Bare `mbn-cost` is a usage error, as a missing argument is: the help on stderr, exit 2 (`--help` asks for it: exit 0).
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return ExitCode.BadInput;
  }
  try {
    await program.parseAsync(args, { from: "user" });
    return outcome ? await writeOutcome(outcome, io) : ExitCode.Ok;
  } catch (error) {
    return reportError(error, io, debug);
  }
}
