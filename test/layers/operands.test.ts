/**
 * What each layer kind reads besides its input (the roofline's bytes moved), and what it refuses: the
 * kinds' own rules, each checked on its own.
 */
import { describe, expect, test } from "vitest";
import type { LayerKind, OpBase } from "../../src/layers/define-layer-kind.js";
import { toText } from "../../src/algebra/print.js";
import { layerKinds } from "../../src/layers/registry.js";

const base: OpBase = { name: "op", block: "b", bias: false, bn: false, act: "none" };
const kind = (k: keyof typeof layerKinds) =>
  layerKinds[k] as unknown as LayerKind<OpBase & Record<string, unknown>>;

describe("elements read besides the input", () => {
  test("attention: the shared key and value, d per key/value token each, at the input downsampled by kvStride", () => {
    const op = { ...base, heads: 4, keyDim: 64, kvStride: 2 };
    // 2 · d · ⌈14/2⌉ · ⌈15/2⌉ = 2 · 64 · 7 · 8
    expect(kind("attention").secondOperand!(op, [14, 15, 256], [14, 15, 256])).toBe(7168);
  });
  test("a residual add: the other map, whole; a channel scale: one gate value per channel", () => {
    expect(kind("add").secondOperand!({ ...base, reads: "x" }, [7, 9, 32], [7, 9, 32])).toBe(7 * 9 * 32);
    expect(kind("scale").secondOperand!({ ...base, reads: "g" }, [7, 9, 32], [7, 9, 32])).toBe(32);
  });
  test("kinds that read only their input say nothing more", () => {
    const readers = Object.entries(layerKinds)
      .filter(([, k]) => (k as LayerKind).secondOperand !== undefined)
      .map(([name]) => name);
    expect(readers).toEqual(["add", "scale", "attention", "concat"]);
  });
});

describe("what a kind refuses", () => {
  test("attention takes h·d query channels", () => {
    const op = { ...base, heads: 4, keyDim: 64, kvStride: 1 };
    expect(kind("attention").check!(op, [7, 7, 256], [7, 7, 256])).toBeUndefined();
    expect(kind("attention").check!(op, [7, 7, 255], [7, 7, 255])).toBe(
      "attention takes h·d = 4·64 query channels, not 255",
    );
  });
  test("a grouped conv's groups divide its input and its output channels, both", () => {
    const op = { ...base, kernel: 3, stride: 1, out: 64, groups: 4 };
    const check = kind("gconv").check!;
    expect(check(op, [7, 7, 32], [7, 7, 64])).toBeUndefined();
    expect(check(op, [7, 7, 30], [7, 7, 64])).toBe(
      "4 groups must divide its 30 input and 64 output channels",
    );
    expect(check(op, [7, 7, 32], [7, 7, 62])).toBe(
      "4 groups must divide its 32 input and 62 output channels",
    );
  });
});

describe("each kind's element-wise work, as its formulas say", () => {
  test("pools read their input and divide their output; adds, scales and LayerScale touch each output element; attention's softmax each score", () => {
    const work = Object.entries(layerKinds)
      .filter(([, k]) => k.work.length > 0)
      .map(([name, k]) => [name, ...k.work.map((w) => `${w.category}: ${toText(w.formula)}`)]);
    expect(work).toEqual([
      ["avgpool", "pool: M·D_Hin·D_Win", "pool-divide: M·D_H·D_W"],
      ["add", "add: N·D_H·D_W"],
      ["scale", "scale: N·D_H·D_W"],
      ["attention", "softmax: D_H·D_W·h·D_Hkv·D_Wkv"],
      ["layerscale", "layer-scale: N·D_H·D_W"],
      ["upsample", "upsample: M·D_H·D_W·S_up"],
      [
        "resample",
        "pool: M·D_Hin·D_Win·S_pool",
        "pool-divide: M·D_H·D_W·S_pool",
        "upsample-linear: M·D_H·D_W·S_linear",
      ],
    ]);
  });
});
