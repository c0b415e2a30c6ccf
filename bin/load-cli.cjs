// Loads the bundled CLI (dist/cli-bundle/main.cjs) with the V8 code cache
// made at build time, if V8 accepts it; see scripts/bundle-cli.mjs. The
// bundle's side files (table.cjs: the table renderer and cli-table3) are
// loaded the same way, with their own caches, when the bundle requires them.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { basename, dirname, join } = require("node:path");
const { Script } = require("node:vm");

/** Files beside main.cjs that it requires by "./name": compiled with their own code cache. */
const SIDE_FILES = new Set(["table.cjs"]);

/** Runs a CommonJS file from its source and its code cache; `scripts` collects each file's Script (to make caches). */
function runCached(file, useCache, scripts) {
  const cacheFile = `${file}.cache`;
  const cachedData = useCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(wrap(readFileSync(file, "utf8")), {
    filename: file,
    ...(cachedData && { cachedData }),
  });
  scripts.set(file, script);
  const module = { exports: {} };
  const plain = createRequire(file);
  const loaded = new Map();
  const require = (id) => {
    if (!id.startsWith("./") || !SIDE_FILES.has(basename(id))) return plain(id);
    const side = join(dirname(file), basename(id));
    if (!loaded.has(side)) loaded.set(side, runCached(side, useCache, scripts));
    return loaded.get(side);
  };
  script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}

function loadCli(file, { useCache = true } = {}) {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build mbn-cost first (npm install, or npm run build)`);
  }
  const scripts = new Map();
  const cli = runCached(file, useCache, scripts);
  return { cli, script: scripts.get(file), scripts };
}

module.exports = { loadCli };
