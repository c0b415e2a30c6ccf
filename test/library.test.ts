/** The library API (package entry "mbn-cost" → dist/index.js; here from src). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  test("the README's three-line example: MobileNetV4 Conv-S at α 0.75, as the CLI counts it", async () => {
    const { totals } = evaluate(await loadModel("mnv4-conv-s"), { alpha: 0.75 });
    expect(`${totals.params} params, ${totals.macs} MACs`).toBe("2911496 params, 108664880 MACs");
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

  test("the built package resolves as 'mbn-cost' and loads neither the CLI, commander, nor a file format's decoder", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const log = join(mkdtempSync(join(tmpdir(), "mbn-loads-")), "loaded.txt");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "./test/helpers/record-loads.mjs",
        "--input-type=module",
        "-e",
        "const m = await import('mbn-cost'); console.log(String(m.evaluate(await m.loadModel('v1')).totals.macs))",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, MBN_LOAD_LOG: log } },
    );
    expect(r.stdout.trim(), r.stderr).toBe("568740352");
    const loaded = readFileSync(log, "utf8").trim().split("\n");
    // the log itself works: the entry point and the evaluator are in it
    expect(loaded).toContain(new URL("../dist/index.js", import.meta.url).href);
    expect(loaded).toContain(new URL("../dist/evaluate/cost.js", import.meta.url).href);
    expect(
      loaded.filter((url) => url.includes("/dist/cli/") || url.includes("/node_modules/commander/")),
    ).toEqual([]);
    // nor a file format's decoder: each loads only when its format is read
    expect(loaded.filter((url) => /flatbuffers|tflite-decoder|onnx-decoder|onnx-buf/.test(url))).toEqual([]);
  });
});
