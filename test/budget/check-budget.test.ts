/** checkBudget in-process: each metric's measure, the limit with its tolerance, exact comparisons. */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { checkBudget } from "../../src/budget/check.js";
import { peakMemory } from "../../src/evaluate/memory.js";
import { roofline } from "../../src/evaluate/roofline.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";
import { costOf } from "../helpers/models.js";

describe("checkBudget", () => {
  test("MACs, FLOPs, params and peak memory (bytes at the budget's dtype), each against its limit", async () => {
    const report = await costOf("v2");
    const r = checkBudget(
      "b",
      {
        model: "v2",
        max_macs: "301M",
        max_flops: 601_548_544,
        max_params: "3M",
        max_peak_memory: "2M",
        dtype: "fp16",
      },
      report,
    );
    expect(r.metrics.map((m) => [m.metric, m.value, m.limit, m.passed])).toEqual([
      ["macs", report.totals.macs, 301_000_000n, true],
      ["flops", 2n * report.totals.macs, 601_548_544n, true],
      ["params", report.totals.params, 3_000_000n, false],
      [
        "peak_memory",
        peakMemory(report.rows, "block").elements * 2n,
        2_000_000n,
        peakMemory(report.rows, "block").elements * 2n <= 2_000_000n,
      ],
    ]);
    expect(r.passed).toBe(false);
    expect(r.metrics[0]!.headroom).toBe(301_000_000n - report.totals.macs);
    // fp32 by default
    const fp32 = checkBudget("b", { model: "v2", max_peak_memory: "100M" }, report);
    expect(fp32.metrics[0]!.value).toBe(peakMemory(report.rows, "block").elements * 4n);
  });

  test("a value equal to its limit passes; one more fails; a tolerance in percent lifts the limit exactly", async () => {
    const report = await costOf("v1", "0.5");
    const macs = report.totals.macs;
    expect(checkBudget("b", { model: "v1", max_macs: Number(macs) }, report).passed).toBe(true);
    expect(checkBudget("b", { model: "v1", max_macs: Number(macs - 1n) }, report).passed).toBe(false);
    const tolerated = checkBudget(
      "b",
      { model: "v1", max_macs: Number(macs - 1n), tolerance: 0.000001 },
      report,
    );
    expect(tolerated.metrics[0]!.allowed).toEqual(rational((macs - 1n) * 100_000_001n, 100_000_000n));
    expect(tolerated.passed).toBe(true);
    // past the tolerated limit still fails: 5% over a limit 6% below the value
    const limit = (macs * 94n) / 100n;
    const over = checkBudget("b", { model: "v1", max_macs: Number(limit), tolerance: 5 }, report);
    expect(over.metrics[0]!.allowed).toEqual(rational(limit * 21n, 20n));
    expect(over.passed).toBe(false);
  });

  test("on hardware: bytes, the roofline cost and the latency rounded up (whole MACs, whole microseconds)", async () => {
    const report = await costOf("v2", "0.5");
    const profile = BUILTIN_HARDWARE["pixel8-edgetpu"];
    const costs = roofline(
      report,
      { ...profile, peakMacsPerSecond: 10n ** 12n, bandwidthBytesPerSecond: 10n ** 10n },
      "none",
      "int8",
    );
    const r = checkBudget(
      "b",
      { model: "v2", hardware: "x", max_bytes: "1G", max_roofline_macs: "10G", max_latency_ms: "2.5" },
      report,
      costs,
    );
    const ceil = (n: bigint, d: bigint) => (n + d - 1n) / d;
    const micro = { num: costs.totals.latencyMs!.num * 1000n, den: costs.totals.latencyMs!.den };
    expect(r.metrics.map((m) => [m.metric, m.value, m.limit])).toEqual([
      ["bytes", costs.totals.bytes, 1_000_000_000n],
      ["roofline_macs", ceil(costs.totals.rooflineMacs.num, costs.totals.rooflineMacs.den), 10_000_000_000n],
      ["latency_us", ceil(micro.num, micro.den), 2_500n],
    ]);
    // a latency limit with fewer than 3 decimals: milliseconds to microseconds
    expect(
      checkBudget("b", { model: "v2", hardware: "x", max_latency_ms: 12 }, report, costs).metrics[0]!.limit,
    ).toBe(12_000n);
    expect(
      checkBudget("b", { model: "v2", hardware: "x", max_latency_ms: "0.05" }, report, costs).metrics[0]!
        .limit,
    ).toBe(50n);
  });
});
