#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would add the ESM loader's start-up to every run.
const args = process.argv.slice(2);

/**
 * A sweep streams up to millions of rows, and V8's young generation (16 MB semi-spaces by default) grows
 * to hold their garbage: most of a sweep's memory. It runs in a child with 8 MB ones (about 93 MB at peak
 * instead of 110, for a start-up more), the same standard streams, arguments and environment; its exit
 * code is this one's. Where no child can be started, the sweep runs here.
 */
function sweepInBoundedChild() {
  const bounded = "--max-semi-space-size=8";
  if (args[0] !== "sweep" || process.execArgv.some((a) => a.startsWith("--max-semi-space-size")))
    return false;
  const child = require("node:child_process").spawnSync(
    process.execPath,
    [bounded, ...process.execArgv, __filename, ...args],
    { stdio: "inherit" },
  );
  if (child.error) return false;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exitCode = child.status ?? 2;
  return true;
}

if (!sweepInBoundedChild()) {
  const { cli } = require("./load-cli.cjs").loadCli(
    require("node:path").join(__dirname, "../dist/cli-bundle/main.cjs"),
  );
  cli.main(args, cli.nodeIo).then((code) => (process.exitCode = code));
}
