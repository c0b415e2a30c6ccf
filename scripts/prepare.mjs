// `npm install`'s prepare: build, unless the build is newer than everything it is made from. npx runs a
// project's own bin by installing the project into its cache, which runs prepare again: with the build
// already there, the first `npx mbn-cost …` answers at once instead of rebuilding for 8–14 s in silence.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const OUTPUTS = ["dist/index.js", "dist/cli-bundle/main.cjs", "dist/app/app.js"];
const INPUTS = ["src", "scripts", "package.json", "package-lock.json", "tsconfig.json"];

const filesOf = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true }).map((f) => join(path, String(f)))
    : [path];
const newest = (paths) =>
  Math.max(
    ...paths
      .filter(existsSync)
      .flatMap(filesOf)
      .map((f) => statSync(f).mtimeMs),
  );
const oldestOutput = () =>
  OUTPUTS.every(existsSync) ? Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) : -Infinity;

if (oldestOutput() <= newest(INPUTS)) execSync("npm run build", { stdio: "inherit" });
