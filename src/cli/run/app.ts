import { readAppScript } from "../../io/read-app-script.js";
import { renderAppPage } from "../../report/app-page.js";
import { ExitCode } from "../exit-codes.js";
import type { Outcome } from "../outcome.js";
import { VERSION } from "../version.js";

export interface AppOptions {
  readonly out: string | undefined;
  readonly force: boolean;
}

/** One self-contained HTML file: the calculator, the library and every built-in architecture inside. */
export function runApp(options: AppOptions): Outcome {
  const { script, decoders } = readAppScript();
  const html = renderAppPage(script, decoders, VERSION);
  if (options.out === undefined) return { exitCode: ExitCode.Ok, stdout: html };
  const size = `${Math.round(Buffer.byteLength(html) / 1024)} KB`;
  return {
    exitCode: ExitCode.Ok,
    files: [{ path: options.out, content: html, force: options.force }],
    stderr: `wrote ${options.out} (${size}): open it in any browser, offline\n`,
  };
}
