/** The budgets file's validator, in-process: what each field accepts and the one-line refusals of its rules. */
import { describe, expect, test } from "vitest";
import { budgetSchema, budgetsFileSchema } from "../../src/budget/schema.js";

const issues = (value: unknown) => {
  const r = budgetsFileSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const one = (budget: Record<string, unknown>) => issues({ budgets: [{ model: "v2", ...budget }] });

describe("budgets files", () => {
  test("a budget with one limit, and every field at a value it accepts", () => {
    expect(one({ max_macs: "300M" })).toEqual([]);
    const full = {
      name: "edge",
      alpha: "0.75",
      depth: 1.2,
      resolution: 160,
      convention: "fvcore",
      max_macs: 300_000_000,
      max_flops: "600M",
      max_params: "3.5M",
      max_peak_memory: "2M",
      hardware: "pixel6-cpu",
      fusion: "block",
      max_bytes: "10M",
      max_roofline_macs: "1G",
      max_latency_ms: 2.5,
      dtype: "int8",
      tolerance: 5,
    };
    expect(one(full)).toEqual([]);
    expect(
      budgetSchema.safeParse({ model: "v2", alpha: 0.5, max_latency_ms: "12.125", hardware: "x" }).success,
    ).toBe(true);
  });
  test("no budgets, no limits, or hardware limits without hardware: refused with what is needed", () => {
    expect(issues({ budgets: [] })).toEqual(["budgets: expected at least one budget"]);
    expect(one({})).toEqual([
      "budgets.0: a budget needs at least one of max_macs, max_flops, max_params, max_peak_memory, max_arena_bytes, max_bytes, max_roofline_macs, max_latency_ms",
    ]);
    for (const limit of ["max_bytes", "max_roofline_macs"])
      expect(one({ [limit]: "1M" })).toEqual([
        "budgets.0: max_bytes, max_roofline_macs and max_latency_ms need a hardware profile: add hardware",
      ]);
    expect(one({ max_latency_ms: 1 })).toEqual([
      "budgets.0: max_bytes, max_roofline_macs and max_latency_ms need a hardware profile: add hardware",
    ]);
  });
  test("each limit alone is enough", () => {
    for (const limit of ["max_macs", "max_flops", "max_params", "max_peak_memory", "max_arena_bytes"])
      expect(one({ [limit]: "1M" }), limit).toEqual([]);
  });
  test("values refused: quantities that are not counts, latencies past 3 decimals or not above 0, α past 10, an unknown fusion or dtype", () => {
    expect(one({ max_macs: "8MB" })).toEqual([
      "budgets.0.max_macs: expected a whole number, or one with a K, M, G or T suffix (100M, 1.5M, 2G)",
    ]);
    expect(one({ max_macs: -1 })).toEqual([expect.stringMatching(/^budgets\.0\.max_macs: /)]);
    for (const ms of [0, -2])
      expect(one({ hardware: "h", max_latency_ms: ms }), `${ms}`).toContain(
        "budgets.0.max_latency_ms: expected milliseconds above 0 with at most 3 decimals (2.5)",
      );
    for (const ms of ["2.5001", "1e3", "0"])
      expect(one({ hardware: "h", max_latency_ms: ms }), `${ms}`).toEqual([
        "budgets.0.max_latency_ms: expected milliseconds above 0 with at most 3 decimals (2.5)",
      ]);
    expect(one({ max_macs: 1, alpha: 10.5 })).toHaveLength(1);
    expect(one({ max_macs: 1, alpha: "x0.5" })).toHaveLength(1);
    expect(one({ max_macs: 1, alpha: "0.5x" })).toHaveLength(1);
    expect(one({ max_macs: 1, depth: 11 })).toHaveLength(1);
    expect(one({ max_macs: 1, fusion: "layer" })).toHaveLength(1);
    expect(one({ max_macs: 1, dtype: "int4" })).toHaveLength(1);
    expect(one({ max_macs: 1, tolerance: 1001 })).toHaveLength(1);
    expect(one({ max_macs: 1, hardware: "" })).toHaveLength(1);
  });
});
