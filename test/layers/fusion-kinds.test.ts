/**
 * The kinds MobileNetV5's fusion adapter is built of, each on its own: a nearest upsampling to a saved
 * map's size, a channel concatenation, and the resize to a side (nothing, an average pool over whole
 * windows, or bilinear interpolation), with the work each does.
 */
import { describe, expect, test } from "vitest";
import { compileCount } from "../../src/algebra/evaluate.js";
import type { LayerKind, OpBase, Shape } from "../../src/layers/define-layer-kind.js";
import { layerKinds } from "../../src/layers/registry.js";
import { resampling } from "../../src/layers/resample.js";

const base: OpBase = { name: "op", block: "b", bias: false, bn: false, act: "none" };
const kind = (k: keyof typeof layerKinds) =>
  layerKinds[k] as unknown as LayerKind<OpBase & Record<string, unknown>>;

/** Each work category's count for this op on this input (and operand). */
function work(k: keyof typeof layerKinds, op: Record<string, unknown>, input: Shape, operand?: Shape) {
  const layer = kind(k);
  const full = { ...base, ...op };
  const output = layer.outputShape(full, input, operand);
  const bindings = layer.bind(full, input, output);
  return {
    output,
    work: Object.fromEntries(layer.work.map((w) => [w.category, compileCount(w.formula)(bindings)])),
  };
}

describe("upsample: to the size of the map it reads", () => {
  test("its output has the other map's sides and its own channels; one copy per output element", () => {
    expect(work("upsample", { reads: "high" }, [24, 24, 1280], [48, 48, 640])).toEqual({
      output: [48, 48, 1280],
      work: { upsample: 48n * 48n * 1280n },
    });
    // not a whole factor: 13 → 25, as F.interpolate(size=…) does it
    expect(work("upsample", { reads: "high" }, [13, 13, 8], [25, 25, 4]).output).toEqual([25, 25, 8]);
  });
  test("no work where the sizes are already equal (timm interpolates only a smaller map)", () => {
    expect(work("upsample", { reads: "high" }, [16, 16, 8], [16, 16, 4]).work).toEqual({ upsample: 0n });
  });
  test("refuses a map larger than the one it would grow to", () => {
    const op = { ...base, reads: "small" };
    expect(kind("upsample").check!(op, [8, 8, 4], [4, 4, 4], [4, 4, 2])).toBe(
      "upsamples its 8×8 input to the 4×4 of 'small', which is smaller",
    );
  });
  test("grows one side and keeps the other: neither is smaller, nothing refused", () => {
    const op = { ...base, reads: "tall" };
    expect(kind("upsample").check!(op, [8, 8, 4], [16, 8, 4], [16, 8, 2])).toBeUndefined();
    expect(kind("upsample").check!(op, [8, 8, 4], [8, 16, 4], [8, 16, 2])).toBeUndefined();
  });
});

describe("concat: channels joined", () => {
  test("N = the two maps' channels; it reads the other map whole; no arithmetic", () => {
    const op = { ...base, reads: "up" };
    expect(kind("concat").outputShape(op, [48, 48, 640], [48, 48, 1280])).toEqual([48, 48, 1920]);
    expect(kind("concat").secondOperand!(op, [48, 48, 640], [48, 48, 1920])).toBe(48 * 48 * 1280);
    expect(kind("concat").work).toEqual([]);
  });
  test("refuses maps of different sides", () => {
    const op = { ...base, reads: "up" };
    expect(kind("concat").check!(op, [8, 8, 4], [8, 8, 6], [7, 8, 2])).toBe(
      "joins its 8×8 input and the 7×8 of 'up': their sides differ",
    );
    expect(kind("concat").check!(op, [8, 8, 4], [8, 8, 6], [8, 8, 2])).toBeUndefined();
  });
});

describe("resample: to side × side", () => {
  test("nothing at that size; a pool where the sides divide; else bilinear", () => {
    expect(resampling([16, 16, 1], 16)).toBe("same");
    expect(resampling([48, 48, 1], 16)).toBe("pool");
    expect(resampling([48, 40, 1], 16)).toBe("bilinear");
    expect(resampling([40, 40, 1], 16)).toBe("bilinear");
  });
  test("the pool reads every input element and divides each output; the interpolation writes each output", () => {
    expect(work("resample", { side: 16 }, [48, 48, 2048])).toEqual({
      output: [16, 16, 2048],
      work: { pool: 48n * 48n * 2048n, "pool-divide": 16n * 16n * 2048n, "upsample-linear": 0n },
    });
    expect(work("resample", { side: 16 }, [40, 40, 2048]).work).toEqual({
      pool: 0n,
      "pool-divide": 0n,
      "upsample-linear": 16n * 16n * 2048n,
    });
    expect(work("resample", { side: 16 }, [16, 16, 2048]).work).toEqual({
      pool: 0n,
      "pool-divide": 0n,
      "upsample-linear": 0n,
    });
  });
});

describe("each side on its own", () => {
  test("upsample: refuses a map larger on one side only; interpolates when one side alone differs", () => {
    const op = { ...base, reads: "other" };
    expect(kind("upsample").check!(op, [8, 4, 2], [4, 8, 2], [4, 8, 1])).toMatch(/which is smaller$/);
    expect(kind("upsample").check!(op, [4, 8, 2], [8, 4, 2], [8, 4, 1])).toMatch(/which is smaller$/);
    expect(kind("upsample").check!(op, [4, 4, 2], [4, 8, 2], [4, 8, 1])).toBeUndefined();
    expect(work("upsample", { reads: "other" }, [16, 8, 2], [16, 16, 1]).work).toEqual({ upsample: 512n });
    expect(work("upsample", { reads: "other" }, [8, 16, 2], [16, 16, 1]).work).toEqual({ upsample: 512n });
  });
  test("resample: the same size on both sides only; a pool where both sides divide", () => {
    expect(resampling([16, 32, 1], 16)).toBe("pool");
    expect(resampling([32, 16, 1], 16)).toBe("pool");
    expect(resampling([48, 40, 1], 16)).toBe("bilinear");
    expect(resampling([40, 48, 1], 16)).toBe("bilinear");
  });
  test("concat: refuses maps that differ in width alone, or in height alone", () => {
    const op = { ...base, reads: "up" };
    expect(kind("concat").check!(op, [8, 8, 4], [8, 8, 6], [8, 7, 2])).toMatch(/their sides differ$/);
    expect(kind("concat").check!(op, [8, 8, 4], [8, 8, 6], [7, 8, 2])).toMatch(/their sides differ$/);
  });
});
