#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would add the ESM loader's start-up to every run.
const args = process.argv.slice(2);
const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * A sweep streams up to millions of rows, and V8's young generation (16 MB semi-spaces by default) grows
 * to hold their garbage: most of a sweep's memory. It runs in a child with 8 MB ones (about 93 MB at peak
 * instead of 110, for a start-up more), with the same standard streams, arguments and environment; a
 * signal this process gets is passed on, and it ends as the child does (its exit code, or its signal).
 * Where no child can be started, the sweep runs here.
 */
function sweepInBoundedChild() {
  if (args[0] !== "sweep" || process.execArgv.some((a) => a.startsWith("--max-semi-space-size")))
    return false;
  const { spawn } = require("node:child_process");
  let child;
  try {
    child = spawn(process.execPath, ["--max-semi-space-size=8", ...process.execArgv, __filename, ...args], {
      stdio: "inherit",
    });
  } catch {
    return false;
  }
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on("error", () => {
    for (const signal of FORWARDED) process.off(signal, forward);
    runHere();
  });
  child.on("exit", (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
  return true;
}

/** The minified bundle; with --debug, the same build with the source's names, so a stack trace names its functions. */
const BUNDLE = args.includes("--debug") ? "main.debug.cjs" : "main.cjs";

function runHere() {
  const { cli } = require("./load-cli.cjs").loadCli(
    require("node:path").join(__dirname, "../dist/cli-bundle", BUNDLE),
  );
  cli.main(args, cli.nodeIo).then((code) => (process.exitCode = code));
}

if (!sweepInBoundedChild()) runHere();
