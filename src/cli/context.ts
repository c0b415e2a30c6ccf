import type { CliIo } from "./io.js";
import type { Outcome } from "./outcome.js";

/** What a command's declaration gets: a way to run its action and record the outcome. */
export interface CommandContext {
  readonly io: CliIo;
  run(task: () => Promise<Outcome>): Promise<void>;
}
