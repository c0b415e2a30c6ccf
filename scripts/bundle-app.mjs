#!/usr/bin/env node
/**
 * Builds the calculator page's script (mbn-cost app): src/app/main.ts and the
 * library it imports, for the browser, with every built-in architecture
 * inlined, as one minified file, dist/app/app.js.
 */
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const configs = Object.fromEntries(
  readdirSync(`${root}configs`)
    .filter((f) => f.endsWith(".json") && f !== "model.schema.json")
    .map((f) => [f, JSON.parse(readFileSync(`${root}configs/${f}`, "utf8"))]),
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
await build({
  entryPoints: [`${root}src/app/main.ts`],
  outfile: `${root}dist/app/app.js`,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  define: { __MBN_CONFIGS__: JSON.stringify(configs) },
  plugins: [englishOnly],
  logLevel: "warning",
});
