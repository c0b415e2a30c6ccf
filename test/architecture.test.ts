/**
 * Layering (STYLE rule 1): algebra → layers → graph → model → published →
 * evaluate → budget → report are pure, and each imports only the ones before it. Only
 * io/ and cli/ may touch node:*, process, commander or the console.
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

/** Every static import or re-export, with whether it brings in types only. */
const importStatements = (source: string) =>
  [...source.matchAll(/(?:^|\n)\s*(import|export)\s+(?:([^'"]*?)\s*from\s+)?["']([^"']+)["']/g)].map((m) => {
    const clause = (m[2] ?? "").trim();
    const named = /^\{([^}]*)\}$/
      .exec(clause)?.[1]
      ?.split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    const typeOnly = clause.startsWith("type ") || named?.every((n) => n.startsWith("type ")) === true;
    return { spec: m[3]!, typeOnly: m[2] !== undefined && typeOnly };
  });
const imports = (source: string) => importStatements(source).map((s) => s.spec);
const dynamicImports = (source: string) =>
  [...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);

const PURE = ["algebra", "layers", "graph", "model", "published", "evaluate", "budget", "report"];
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

  // Lower layers never import higher ones: errors ← algebra ← layers ← graph ← model ← published ← evaluate ← budget ← report ← io ← cli.
  const LEVEL: Record<string, number> = {
    "errors.ts": 0,
    algebra: 1,
    layers: 2,
    graph: 2.5,
    model: 3,
    published: 4,
    evaluate: 5,
    budget: 6,
    report: 7,
    io: 8,
    cli: 9,
    app: 9,
    "index.ts": 10,
  };
  const areaOf = (path: string) => path.split("/")[0]!;
  const target = (from: string, spec: string) => relative(SRC, join(SRC, from, "..", spec));

  test("imports point inward: no folder imports a folder above it", () => {
    for (const file of all) {
      for (const spec of [...imports(file.source), ...dynamicImports(file.source)].filter((s) =>
        s.startsWith("."),
      )) {
        const to = areaOf(target(file.path, spec)).replace(/\.js$/, ".ts");
        expect(LEVEL[to], `${file.path} imports ${spec} (${to} is not a known folder)`).toBeDefined();
        expect(LEVEL[to]! <= LEVEL[areaOf(file.path)]!, `${file.path} imports ${spec}`).toBe(true);
      }
    }
  });

  test("report/ renders what evaluate/ and budget/ computed: it imports only their types and option names", () => {
    for (const file of all.filter((f) => f.path.startsWith("report/"))) {
      for (const { spec, typeOnly } of importStatements(file.source)) {
        const to = target(file.path, spec);
        if (!/^(evaluate|budget)\//.test(to) || to.endsWith("option-names.js")) continue;
        expect(typeOnly, `${file.path} imports values from ${spec}`).toBe(true);
      }
    }
  });

  test("the library entry never pulls in the CLI", () => {
    const index = all.find((f) => f.path === "index.ts");
    if (index) for (const spec of imports(index.source)) expect(spec.startsWith("./cli/"), spec).toBe(false);
  });
});
