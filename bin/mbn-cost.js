#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would add the ESM loader's start-up to every run.
const { cli } = require("./load-cli.cjs").loadCli(
  require("node:path").join(__dirname, "../dist/cli-bundle/main.cjs"),
);
cli.main(process.argv.slice(2), cli.nodeIo).then((code) => (process.exitCode = code));
