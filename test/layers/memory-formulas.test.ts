/**
 * The bytes-moved formulas `mbn-cost formula` prints equal what the roofline
 * evaluator moves for the same layer (at int8: w = a = 1, and at fp16), and
 * ShuffleNet V2's memory access cost of a 1×1 convolution (Ma et al. 2018,
 * G1: h·w·(c1 + c2) + c1·c2) is its bytes at one byte per element.
 */
import { describe, expect, test } from "vitest";
import { evaluate } from "../../src/algebra/evaluate.js";
import { rational } from "../../src/algebra/rational.js";
import { ridgePointProfile, roofline } from "../../src/evaluate/roofline.js";
import { memoryFormulas } from "../../src/layers/memory-formulas.js";
import { costOfEntry } from "../helpers/models.js";

function movedBy(side: number, channels: number, layer: Record<string, unknown>, dtype: "int8" | "fp16") {
  const report = costOfEntry(side, channels, layer);
  return roofline(report, ridgePointProfile(rational(0n), dtype), "none", dtype).rows[0]!.bytes;
}

const at = (kind: keyof typeof memoryFormulas, b: Record<string, number>) =>
  evaluate(memoryFormulas[kind]!.bytes, b).num;

describe("bytes moved: the formula is what the evaluator moves", () => {
  test.each([
    ["int8", 1],
    ["fp16", 2],
  ] as const)("at %s", (dtype, size) => {
    const ws = { w: size, a: size };
    expect(movedBy(14, 96, { kind: "pw", out: 192 }, dtype)).toBe(
      at("pw", { ...ws, M: 96, N: 192, D_H: 14, D_W: 14 }),
    );
    expect(movedBy(28, 64, { kind: "dw", kernel: 5, stride: 2 }, dtype)).toBe(
      at("dw", { ...ws, D_K: 5, M: 64, D_Hin: 28, D_Win: 28, D_H: 14, D_W: 14 }),
    );
    expect(movedBy(224, 3, { kind: "conv", kernel: 3, stride: 2, out: 32 }, dtype)).toBe(
      at("conv", { ...ws, D_K: 3, M: 3, N: 32, D_Hin: 224, D_Win: 224, D_H: 112, D_W: 112 }),
    );
    expect(movedBy(1, 1280, { kind: "fc", out: "classes" }, dtype)).toBe(
      at("fc", { ...ws, M: 1280, N: 1000 }),
    );
  });

  test("ShuffleNet V2's memory access cost of a 1×1 conv is its bytes at one byte per element", () => {
    const b = { M: 96, N: 192, D_H: 14, D_W: 14 };
    expect(evaluate(memoryFormulas.pw!.accessCost!, b).num).toBe(at("pw", { ...b, w: 1, a: 1 }));
    expect(evaluate(memoryFormulas.pw!.accessCost!, b).num).toBe(14n * 14n * (96n + 192n) + 96n * 192n);
  });
});
