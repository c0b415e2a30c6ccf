/** Invariants over models, widths and resolutions (fast-check). */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { CONVENTION_NAMES, resolveConvention } from "../../src/model/conventions.js";

const MODELS = ["v1", "v2", "v3-large", "v3-small", "fd", "mobilenet-v1-conv", "mobilenet-v1-shallow"];
const specs = await Promise.all(MODELS.map((m) => loadModel(m, process.cwd())));
const arbAlpha = fc.integer({ min: 5, max: 300 }).map((hundredths) => hundredths / 100);
const arbModel = fc.constantFrom(...specs);
const arbConvention = fc.constantFrom(...CONVENTION_NAMES).map((c) => resolveConvention(c));
const cost = (
  model: (typeof specs)[number],
  alpha: number,
  resolution: number,
  convention = resolveConvention("paper"),
) => evaluateModel(model, { alpha: { text: String(alpha), value: alpha }, resolution, convention });

describe("invariants", () => {
  test("totals are the exact sums of the rows", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbAlpha,
        fc.integer({ min: 1, max: 600 }),
        arbConvention,
        (model, alpha, resolution, convention) => {
          const r = cost(model, alpha, resolution, convention);
          expect(r.rows.reduce((a, row) => a + row.macs, 0n)).toBe(r.totals.macs);
          expect(r.rows.reduce((a, row) => a + row.params, 0n)).toBe(r.totals.params);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("MACs and params are non-decreasing in α", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbAlpha,
        arbAlpha,
        fc.integer({ min: 32, max: 320 }),
        arbConvention,
        (model, a, b, resolution, convention) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const small = cost(model, lo, resolution, convention);
          const big = cost(model, hi, resolution, convention);
          expect(small.totals.macs <= big.totals.macs).toBe(true);
          expect(small.totals.params <= big.totals.params).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  test("MACs are non-decreasing in resolution; params do not depend on it", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbAlpha,
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        (model, alpha, r1, r2) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const small = cost(model, alpha, lo);
          const big = cost(model, alpha, hi);
          expect(small.totals.macs <= big.totals.macs).toBe(true);
          expect(small.totals.params).toBe(big.totals.params);
        },
      ),
      { numRuns: 80 },
    );
  });

  test("counting biases and BatchNorm only adds parameters, never MACs (same width rules)", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbAlpha,
        fc.constantFrom("paper", "torchvision", "tf-slim" as const),
        (model, alpha, name) => {
          const bare = cost(model, alpha, 224, resolveConvention(name, { bias: false, bn: false }));
          const full = cost(model, alpha, 224, resolveConvention(name, { bias: true, bn: true }));
          expect(full.totals.params >= bare.totals.params).toBe(true);
          expect(full.totals.macs).toBe(bare.totals.macs);
        },
      ),
      { numRuns: 40 },
    );
  });
});
