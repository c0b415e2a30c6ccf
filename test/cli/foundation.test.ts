import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

describe("mbn-cost ratio", () => {
  test("prints 1/N + 1/D_K² for params and MACs", async () => {
    const r = await runCli(["ratio"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^params\s+1\/N \+ 1\/D_K²$/m);
    expect(r.out).toMatch(/^MACs\s+1\/N \+ 1\/D_K²$/m);
  });

  test("with N=1024, D_K=3: 1033/9216 ≈ 0.1121, 8.92× fewer (1/1024 + 1/9 = 1033/9216)", async () => {
    const r = await runCli(["ratio", "--N", "1024", "--DK", "3"]);
    expect(r.out).toContain("1/N + 1/D_K² = 1033/9216 ≈ 0.1121 (8.92× fewer)");
  });

  test("JSON: params and macs with formula, exact value, decimal", async () => {
    const r = await runCli(["ratio", "--N", "1024", "--DK", "3", "--format", "json"]);
    const json = JSON.parse(r.out);
    expect(json.params).toEqual({
      formula: "1/N + 1/D_K²",
      value: "1033/9216",
      decimal: "0.1121",
      reduction: "8.92",
    });
    expect(json.macs.value).toBe("1033/9216");
  });

  test("ascii and latex notations", async () => {
    expect((await runCli(["ratio", "--notation", "ascii"])).out).toContain("1/N + 1/D_K^2");
    expect((await runCli(["ratio", "--notation", "latex"])).out).toContain(
      "\\frac{1}{N} + \\frac{1}{D_K^{2}}",
    );
  });
});

describe("mbn-cost formula", () => {
  test("dsconv: factored M·D_H·D_W·(D_K² + N) and its expansion", async () => {
    const r = await runCli(["formula", "dsconv"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^MACs\s+M·D_H·D_W·\(D_K² \+ N\)$/m);
    expect(r.out).toContain("= D_K²·M·D_H·D_W + M·N·D_H·D_W");
    expect(r.out).toMatch(/^params\s+M·\(D_K² \+ N\)$/m);
  });

  test("with bindings it prints exact values", async () => {
    const r = await runCli([
      "formula",
      "conv",
      "--M",
      "32",
      "--N",
      "64",
      "--DK",
      "3",
      "--DH",
      "112",
      "--DW",
      "112",
      "--format",
      "json",
    ]);
    const json = JSON.parse(r.out);
    expect(json.params.value).toBe(18432);
    expect(json.macs.value).toBe(231211008);
    expect(json.macs.expanded).toBe("D_K²·M·N·D_H·D_W");
  });

  test("partial bindings substitute what is given", async () => {
    const r = await runCli(["formula", "pw", "--N", "64", "--notation", "ascii"]);
    expect(r.out).toContain("= 64*M*D_H*D_W");
  });

  test("every kind prints", async () => {
    for (const kind of ["conv", "dw", "pw", "dsconv", "gconv", "fc"]) {
      const r = await runCli(["formula", kind, "--notation", "latex"]);
      expect(r.code, kind).toBe(0);
    }
  });
});

describe("help and version", () => {
  test("--help exits 0 with examples", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Examples:");
  });

  test("--version matches package.json", async () => {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const r = await runCli(["--version"]);
    expect(r.out.trim()).toBe(pkg.version);
  });
});
