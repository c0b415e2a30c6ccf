#!/usr/bin/env node
/**
 * Builds the CLI for start-up speed (bench/startup.mjs: a report ≤ 1.25× bare node on the JSON path):
 *
 *  1. one CommonJS file, dist/cli-bundle/main.cjs (esbuild), minified: Node 20 resolves, compiles and
 *     links each module separately and has no compile cache; commands still load lazily inside the
 *     file, and zod and csv-parse stay external packages required only by the code that validates
 *     user files and reads calibrate's measurements. main.debug.cjs is the same build with names, for
 *     --debug. What only some runs need is in side files: the ONNX and TensorFlow Lite decoders, the
 *     table renderer with cli-table3, Model Explorer's formats;
 *  2. a V8 code cache beside main.cjs (and table.cjs), made by running the bundle on the everyday
 *     report and saving what V8 compiled. bin/load-cli.cjs uses it when V8 accepts it (same Node
 *     version and flags) and compiles normally otherwise.
 *
 * The library (dist/index.js, with types) is compiled by tsc as before.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli-bundle`;
const outfile = `${outdir}/main.cjs`;
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The ONNX decoder (protobuf runtime and schema, ~300 KB) and the TensorFlow Lite decoder (flatbuffers
// runtime and flatc's readers) are files of their own, each required only when its format is read.
const DECODERS = ["onnx-decoder", "tflite-decoder"];
const onnxDecoderApart = {
  name: "decoders-apart",
  setup(b) {
    for (const decoder of DECODERS)
      b.onResolve({ filter: new RegExp(`/${decoder}\\.js$`) }, () => ({
        path: `./${decoder}.cjs`,
        external: true,
      }));
  },
};
for (const decoder of DECODERS)
  await build({
    entryPoints: [`${root}src/io/${decoder}.ts`],
    outfile: `${outdir}/${decoder}.cjs`,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });

// commander requires node:child_process (and with it net and stream) when it loads, for executable
// subcommands, which mbn-cost has none of: ~6 ms of every start. It gets a stand-in that requires the
// real module on first use.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/commander/`)
        ? { path: "child_process", namespace: "lazy-builtin" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

// The table renderer and cli-table3 (~80 KB) are a side file, table.cjs, compiled only for table
// output (bin/load-cli.cjs gives it its own code cache): other runs neither read nor compile them.
const tableApart = {
  name: "table-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/table\.js$/ }, (args) =>
      args.importer.endsWith(`report${"/"}format.ts`) ? { path: "./table.cjs", external: true } : undefined,
    );
  },
};
// Model Explorer's formats (and the tensor-graph lowering of built networks they use) are another side
// file, model-explorer.cjs, read only for --format model-explorer(-graph).
const modelExplorerApart = {
  name: "model-explorer-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/model-explorer\.js$/ }, (args) =>
      args.importer.endsWith(`report${"/"}format.ts`)
        ? { path: "./model-explorer.cjs", external: true }
        : undefined,
    );
  },
};
await build({
  entryPoints: [`${root}src/report/model-explorer.ts`],
  outfile: `${outdir}/model-explorer.cjs`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
await build({
  entryPoints: [`${root}src/report/table.ts`],
  outfile: `${outdir}/table.cjs`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});

/**
 * The CLI, twice from one source: main.cjs minified (names too: about 140 KB less to read and a smaller
 * code cache, a millisecond of every start) and main.debug.cjs with the source's names, which the bin
 * runs instead when --debug is given, so that a stack trace names the functions it passes through.
 */
const mainOptions = {
  entryPoints: [`${root}src/cli/main.ts`],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // required only by the code that reads them: zod to validate user files, csv-parse for calibrate's CSV
  external: ["zod", "csv-parse/sync"],
  plugins: [onnxDecoderApart, tableApart, modelExplorerApart, lazyChildProcess],
  // so the decoder's file is required, not imported (a vm.Script cannot import() on Node 20)
  supported: { "dynamic-import": false },
  // src/io/read-model-spec.ts finds configs/ from import.meta.url: give the bundle its own URL.
  define: { "import.meta.url": "__mbnModuleUrl" },
  banner: { js: "const __mbnModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
};
await build({ ...mainOptions, outfile, minifyIdentifiers: true });
await build({ ...mainOptions, outfile: `${outdir}/main.debug.cjs` });

// V8 keeps a source of ASCII only as one byte a character: half the memory, read and scanned faster.
// esbuild escapes non-ASCII text in strings but not in regular expressions (write \u00d7 there).
const nonAscii = readFileSync(outfile).findIndex((byte) => byte > 0x7f);
if (nonAscii >= 0)
  throw new Error(
    `${outfile} has a non-ASCII byte at ${nonAscii}: escape the character in the source (\\uXXXX)`,
  );

// Warm the bundle on the everyday report (table and JSON), then save V8's compiled code. What the warm-up
// runs is in the cache, and every run deserializes all of it: other commands compile what they use.
const require = createRequire(import.meta.url);
const { loadCli } = require(`${root}bin/load-cli.cjs`);
const { cli, scripts } = loadCli(outfile, { useCache: false });
const silentIo = { stdout() {}, stderr() {}, writeFile() {}, appendFile() {}, env: {}, cwd: root };
for (const argv of [
  ["v2", "--alpha", "0.5"],
  ["v2", "--alpha", "0.5", "--format", "json"],
]) {
  await cli.main(argv, silentIo);
}
// main.cjs and each side file the warm-up loaded (table.cjs)
for (const [file, script] of scripts) writeFileSync(`${file}.cache`, script.createCachedData());
