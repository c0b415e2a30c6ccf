/** The library API (package entry "mbn-cost" → dist/index.js; here from src). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { breakdown, divide, evaluate, formulas, loadModel, toText } from "../src/index.js";

describe("library API", () => {
  test("loadModel + evaluate give the CLI's numbers", async () => {
    const v2 = await loadModel("v2");
    expect(evaluate(v2, { alpha: 0.5 }).totals).toEqual({ params: 1_949_136n, macs: 97_131_840n });
    expect(evaluate(v2, { convention: "torchvision" }).totals.params).toBe(3_504_872n);
    expect(evaluate(v2, { convention: "paper", overrides: { bn: true } }).convention.name).toBe("paper+bn");
  });

  test("formulas are symbolic: dsconv / conv = 1/N + 1/D_K²", () => {
    expect(toText(formulas.dsconv.macs)).toBe("D_K²·M·D_H·D_W + M·N·D_H·D_W");
    expect(toText(divide(formulas.dsconv.macs, formulas.conv.macs))).toBe("1/N + 1/D_K²");
  });

  test("breakdowns", async () => {
    const groups = breakdown(evaluate(await loadModel("v1")), "type");
    expect(groups[0]!.key).toBe("pointwise");
  });

  test("bad options throw", async () => {
    const v1 = await loadModel("v1");
    expect(() => evaluate(v1, { alpha: 0 })).toThrow(/alpha must be a number > 0/);
  });

  test("the built package resolves as 'mbn-cost' and never loads the CLI", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const r = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", "const m = await import('mbn-cost'); const r = m.evaluate(await m.loadModel('v1')); console.log(String(r.totals.macs), typeof m.main)"],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.stdout.trim()).toBe("568740352 undefined");
  });
});
