// Loads the bundled CLI (dist/cli-bundle/main.cjs) with the V8 code cache
// made at build time, if V8 accepts it; see scripts/bundle-cli.mjs.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");

function loadCli(file, { useCache = true } = {}) {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build mbn-cost first (npm install, or npm run build)`);
  }
  const cacheFile = `${file}.cache`;
  const cachedData = useCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(wrap(readFileSync(file, "utf8")), {
    filename: file,
    ...(cachedData && { cachedData }),
  });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { cli: module.exports, script };
}

module.exports = { loadCli };
