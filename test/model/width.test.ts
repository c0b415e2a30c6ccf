import { describe, expect, test } from "vitest";
import { buildNetwork } from "../../src/model/build.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { makeDivisible, roundHalfEven } from "../../src/model/scale.js";
import { type ModelSpec, modelSpecSchema } from "../../src/model/schema.js";

describe("width rules: _make_divisible(v, 8) of TF-slim mobilenet_v2.py, torchvision and Keras (never below 90% of v)", () => {
  test.each([
    [16 * 0.75, 16],
    [72 / 4, 24],
    [24 * 0.35, 8],
    [32 * 0.35, 16],
    [1280 * 1.4, 1792],
  ])("make_divisible(%d) = %d", (v, expected) => expect(makeDivisible(v)).toBe(expected));

  test("an entry's rounding overrides the model's width rule", () => {
    const spec = modelSpecSchema.parse({
      name: "r",
      source: "test",
      input: { resolution: 32, channels: 3 },
      width_rule: "make-divisible-8",
      classes: 10,
      layers: [
        { kind: "pw", out: 100 },
        { kind: "pw", out: 100, rounding: "floor" },
        { kind: "pw", out: 100, rounding: "floor-min8" },
        { kind: "fc", out: "classes" },
      ],
    });
    const ops = buildNetwork(spec as ModelSpec, 0.5, resolveConvention("paper")); // it gives source and width_rule
    expect(ops.slice(0, 3).map((o) => ("out" in o ? o.out : undefined))).toEqual([48, 50, 50]);
  });
});

describe("Python's round(), as torchvision's int(round(in·t)) computes hidden widths", () => {
  test("halves go to the even neighbour: 2.5 → 2, 3.5 → 4, 4.5 → 4; others to the nearest", () => {
    expect([0.5, 1.5, 2.5, 3.5, 4.5, 5.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 4, 6]);
    expect([2.49, 2.51, 3.49, 3.51, 7].map(roundHalfEven)).toEqual([2, 3, 3, 4, 7]);
  });
});
