/** The calculator page's scripts, built beside the CLI (dist/app/, scripts/bundle-app.mjs). */
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../errors.js";

// dist/io/ and dist/cli-bundle/ both sit in dist/, beside dist/app/
const SCRIPT = new URL("../app/app.b64", import.meta.url);
const DECODERS = new URL("../app/decoders.b64", import.meta.url);

/** The page's script and its file decoders, each gzipped, in base64. */
export function readAppScript(): { script: string; decoders: string } {
  for (const built of [SCRIPT, DECODERS])
    if (!existsSync(built))
      throw new InputError(`the page's script is not built (${built.pathname}): run npm run build`);
  return { script: readFileSync(SCRIPT, "utf8"), decoders: readFileSync(DECODERS, "utf8") };
}
