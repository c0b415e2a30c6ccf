/** Turns a rendered report into an Outcome: stdout, or a file written atomically by main(). */
import { InputError } from "../../errors.js";
import type { ReportDocument } from "../../report/document.js";
import { type Format, FORMATS, render } from "../../report/format.js";
import { ExitCode } from "../exit-codes.js";
import type { Outcome } from "../outcome.js";
import type { OutputChoice } from "../commands/model-options.js";

const EXTENSIONS: Record<string, Format> = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".json": "json",
  ".jsonl": "jsonl",
  ".md": "markdown",
  ".txt": "table",
  ".svg": "svg",
};

export function chooseFormat(output: OutputChoice): Format {
  if (output.format) return output.format;
  if (output.out === undefined) return "table";
  if (/\.me\.json$/i.test(output.out)) return "model-explorer";
  const ext = /\.[^./\\]+$/.exec(output.out)?.[0]?.toLowerCase();
  if (ext === undefined) return "table";
  const format = EXTENSIONS[ext];
  if (!format)
    throw new InputError(
      `--out ${output.out}: cannot tell the format from '${ext}'; add --format ${FORMATS.join("|")}`,
    );
  return format;
}

export async function outputDocument(
  doc: ReportDocument,
  output: OutputChoice,
  exitCode: Outcome["exitCode"] = ExitCode.Ok,
): Promise<Outcome> {
  const format = chooseFormat(output);
  const text = await render(format, doc, {
    exact: output.exact,
    verbose: output.verbose,
    // only a table reads the width (and with it the terminal's, which costs ~4 ms of node:tty)
    ...(format === "table" && { width: output.width }),
    theme: output.theme,
    ...(output.nodeData && { nodeData: output.nodeData }),
  });
  if (output.out === undefined) return { exitCode, stdout: text };
  return {
    exitCode,
    files: [{ path: output.out, content: text, force: output.force }],
    stderr: `wrote ${output.out}\n`,
  };
}
