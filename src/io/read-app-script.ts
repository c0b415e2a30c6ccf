/** The calculator page's script, built beside the CLI (dist/app/app.js, scripts/bundle-app.mjs). */
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../errors.js";

// dist/io/ and dist/cli-bundle/ both sit in dist/, beside dist/app/
const SCRIPT = new URL("../app/app.js", import.meta.url);

export function readAppScript(): string {
  if (!existsSync(SCRIPT))
    throw new InputError(`the page's script is not built (${SCRIPT.pathname}): run npm run build`);
  return readFileSync(SCRIPT, "utf8");
}
