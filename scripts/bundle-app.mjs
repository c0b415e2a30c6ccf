#!/usr/bin/env node
/**
 * Builds the calculator page's scripts (mbn-cost app), for the browser, each
 * minified, gzipped and base64-encoded for the page to unpack
 * (DecompressionStream) — half the page's size:
 *  - dist/app/app.b64: src/app/main.ts and the library it imports, with every
 *    built-in architecture inlined, unpacked when the page opens (dist/app/app.js
 *    is the same script unpacked, to read);
 *  - dist/app/decoders.b64: the decoders of a dropped .onnx or .tflite file
 *    (protobuf and flatbuffers runtimes and schemas, src/app/decoders.ts),
 *    unpacked only when such a file is dropped.
 */
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const configs = Object.fromEntries(
  readdirSync(`${root}configs`)
    .filter((f) => f.endsWith(".json") && f !== "model.schema.json")
    .map((f) => [f, JSON.parse(readFileSync(`${root}configs/${f}`, "utf8"))]),
);
// the calibrated devices (configs/hardware/), checked by the page with the CLI's schema
const hardware = Object.fromEntries(
  readdirSync(`${root}configs/hardware`)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(`${root}configs/hardware/${f}`, "utf8"))]),
);
mkdirSync(`${root}dist/app`, { recursive: true });

/**
 * zod re-exports all its ~40 message locales (z.locales), ~250 KB of the page;
 * the page speaks English, which zod configures by default: the others are left out.
 */
const englishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/zod/`)
        ? { path: "zod-locales", namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
      contents: `export { default as en } from ${JSON.stringify(`${root}node_modules/zod/v4/locales/en.js`)};`,
      resolveDir: root,
    }));
  },
};
const packed = (bytes) => gzipSync(bytes, { level: 9 }).toString("base64");
const app = await build({
  entryPoints: [`${root}src/app/main.ts`],
  write: false,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  define: { __MBN_CONFIGS__: JSON.stringify(configs), __MBN_HARDWARE__: JSON.stringify(hardware) },
  plugins: [englishOnly],
  logLevel: "warning",
});
writeFileSync(`${root}dist/app/app.js`, app.outputFiles[0].contents);
writeFileSync(`${root}dist/app/app.b64`, packed(app.outputFiles[0].contents));

const decoders = await build({
  entryPoints: [`${root}src/app/decoders.ts`],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "warning",
});
writeFileSync(`${root}dist/app/decoders.b64`, packed(decoders.outputFiles[0].contents));
