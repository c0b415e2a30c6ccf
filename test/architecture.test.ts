/**
 * Layering (STYLE rule 1): algebra → layers → model → evaluate → report are
 * pure. Only io/ and cli/ may touch node:*, process, commander or the console.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const imports = (source: string) =>
  [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!);
const dynamicImports = (source: string) =>
  [...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);

const PURE = ["algebra", "layers", "model", "evaluate", "report"];
const FORBIDDEN_IN_PURE = [/^node:/, /^commander$/, /\/cli\//, /\/io\//];
const ONLY_ALGEBRA = /^\.\/|^\.\.\/algebra\//;

describe("architecture", () => {
  const all = files(SRC).map((path) => ({ path: relative(SRC, path), source: readFileSync(path, "utf8") }));

  test.each(PURE)("src/%s imports no I/O, commander, io/ or cli/", (area) => {
    for (const file of all.filter((f) => f.path.startsWith(`${area}/`))) {
      for (const spec of [...imports(file.source), ...dynamicImports(file.source)]) {
        expect(
          FORBIDDEN_IN_PURE.some((re) => re.test(spec)),
          `${file.path} imports ${spec}`,
        ).toBe(false);
      }
      expect(/\bprocess\./.test(file.source), `${file.path} uses process`).toBe(false);
    }
  });

  test("src/algebra imports only algebra", () => {
    for (const file of all.filter((f) => f.path.startsWith("algebra/"))) {
      for (const spec of imports(file.source))
        expect(ONLY_ALGEBRA.test(spec), `${file.path} imports ${spec}`).toBe(true);
    }
  });

  test("nothing in src/ uses console.*", () => {
    for (const file of all) expect(/\bconsole\./.test(file.source), file.path).toBe(false);
  });

  test("the library entry never pulls in the CLI", () => {
    const index = all.find((f) => f.path === "index.ts");
    if (index) for (const spec of imports(index.source)) expect(spec.startsWith("./cli/"), spec).toBe(false);
  });
});
