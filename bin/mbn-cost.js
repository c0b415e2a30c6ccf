#!/usr/bin/env -S node --max-semi-space-size=1
// A 1 MB young generation: a streamed sweep stays near 80 MB of memory instead of 100+ (V8 grows it to 16 MB before collecting).
// CommonJS (bin/package.json): an ES module entry would add the ESM loader's start-up to every run.
const { cli } = require("./load-cli.cjs").loadCli(
  require("node:path").join(__dirname, "../dist/cli-bundle/main.cjs"),
);
cli.main(process.argv.slice(2), cli.nodeIo).then((code) => (process.exitCode = code));
