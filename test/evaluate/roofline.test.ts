/**
 * Roofline cost (Qin et al. 2024, MobileNetV4, Section 3 and Appendix F):
 * bytes moved, arithmetic intensity and max(MACs, RP·bytes), checked on single
 * layers by hand and by properties over the built-in models.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addRational, compareRational, rational, toDecimal } from "../../src/algebra/rational.js";
import { roofline, ridgePointProfile, rooflineGroups } from "../../src/evaluate/roofline.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";
import { costOf, costOfEntry } from "../helpers/models.js";

const oneLayer = (side: number, channels: number, layer: Record<string, unknown>) =>
  costOfEntry(side, channels, layer);

const INT8 = ridgePointProfile(rational(0n), "int8");

describe("single layers at int8, by hand (weights + input read + output written)", () => {
  test("1×1 conv 96→192 at 14×14: 3,612,672 MACs over 96·192 + 14·14·96 + 14·14·192 = 74,880 bytes, intensity 48.25", () => {
    const r = roofline(oneLayer(14, 96, { kind: "pw", out: 192 }), INT8, "none").rows[0]!;
    expect(r.row.macs).toBe(14n * 14n * 96n * 192n);
    expect(r.weightBytes).toBe(96n * 192n);
    expect(r.activationBytes).toBe(14n * 14n * 96n + 14n * 14n * 192n);
    expect(r.bytes).toBe(74_880n);
    expect(toDecimal(r.intensity, 2)).toBe("48.25");
  });

  test("3×3 depthwise on 192 channels at 14×14: 338,688 MACs over 9·192 + 2·14·14·192 = 76,992 bytes, intensity 4.40", () => {
    const r = roofline(oneLayer(14, 192, { kind: "dw", kernel: 3, stride: 1 }), INT8, "none").rows[0]!;
    expect(r.row.macs).toBe(338_688n);
    expect(r.bytes).toBe(76_992n);
    expect(toDecimal(r.intensity, 2)).toBe("4.40");
  });

  test("the FC head 1280→1000: 1,280,000 MACs over 1,280,000 weights + 1,000 biases + 1,280 in + 1,000 out; memory-bound on every published ridge point", () => {
    const report = oneLayer(1, 1280, { kind: "fc", out: "classes" });
    for (const hardware of Object.values(BUILTIN_HARDWARE)) {
      const r = roofline(report, hardware, "none").rows[0]!;
      expect(r.bytes).toBe(1_280_000n + 1_000n + 1_280n + 1_000n);
      expect(toDecimal(r.intensity, 3)).toBe("0.997");
      expect(r.bound).toBe("memory");
      // max(MACs, RP·bytes) = RP·bytes, e.g. 31.2 × 1,283,280 on the Pixel 6 CPU
      expect(r.rooflineMacs).toEqual(rational(hardware.ridgePoint.num * 1_283_280n, hardware.ridgePoint.den));
    }
  });

  test("a residual add reads both operands and writes one: 3 × the tensor, no MACs, memory-bound", async () => {
    const r = roofline(await costOf("v2"), BUILTIN_HARDWARE["pixel6-cpu"], "none");
    const add = r.rows.find((x) => x.row.op === "add")!;
    const [h, w, c] = add.row.output as [number, number, number];
    expect(add.bytes).toBe(3n * BigInt(h * w * c));
    expect(add.bound).toBe("memory");
  });
});

describe("whole models", () => {
  test("V1 and V2 at int8: bytes and the roofline cost at ridge points 0 and 433.8 (Pixel 8 EdgeTPU), rows summing to totals", async () => {
    for (const model of ["v1", "v2"]) {
      const report = await costOf(model);
      const atZero = roofline(report, INT8, "none");
      // at RP = 0 the roofline cost is the MACs: "the same as targeting a roofline model with RP = 0"
      expect(atZero.totals.rooflineMacs).toEqual(rational(report.totals.macs));
      const tpu = roofline(report, BUILTIN_HARDWARE["pixel8-edgetpu"], "none");
      expect(tpu.totals.bytes).toBe(atZero.totals.bytes);
      expect(tpu.totals.bytes).toBe(tpu.rows.reduce((a, r) => a + r.bytes, 0n));
      expect(compareRational(tpu.totals.rooflineMacs, rational(report.totals.macs))).toBeGreaterThan(0);
    }
    // V1 at int8: weights 4,209,088 bytes (no biases but the FC's 1,000), plus every layer's input and output
    const v1 = roofline(await costOf("v1"), INT8, "none");
    expect(v1.rows.reduce((a, r) => a + r.weightBytes, 0n)).toBe(4_209_088n + 1_000n);
    expect(v1.totals.bytes).toBe(v1.rows.reduce((a, r) => a + r.weightBytes + r.activationBytes, 0n));
  });

  test("pinned totals: V1 and V2 at int8 on the Pixel 6 CPU (31.2) and the Pixel 8 EdgeTPU (433.8), MobileNetV4 Table 16", async () => {
    // V1: weights 4,209,088 + the FC's 1,000 biases = 4,210,088 B; every layer's input + output = 10,238,952 B.
    // At 433.8 all 29 layers are memory-bound, so the cost is 433.8 × 14,449,040 = 6,267,993,552 MAC-equivalents;
    // at 31.2 the 12 pointwise convs above the ridge keep their MACs (17 of 29 memory-bound).
    const v1 = await costOf("v1");
    const cpu = roofline(v1, BUILTIN_HARDWARE["pixel6-cpu"], "none");
    const tpu = roofline(v1, BUILTIN_HARDWARE["pixel8-edgetpu"], "none");
    expect(cpu.totals.bytes).toBe(4_210_088n + 10_238_952n);
    expect(tpu.totals.rooflineMacs).toEqual(rational(4338n * 14_449_040n, 10n));
    expect([tpu.totals.memoryBound, cpu.totals.memoryBound]).toEqual([29, 17]);
    expect(cpu.totals.rooflineMacs).toEqual(rational(3_797_425_088n, 5n)); // 759,485,017.6
    // V2: weights 3,469,760 + 1,000 = 3,470,760 B; activations (adds read two operands) 14,159,464 B;
    // at 433.8 all 64 rows are memory-bound: 433.8 × 17,630,224 = 7,647,991,171.2
    const v2 = roofline(await costOf("v2"), BUILTIN_HARDWARE["pixel8-edgetpu"], "none");
    expect(v2.totals.bytes).toBe(3_470_760n + 14_159_464n);
    expect(v2.totals.rooflineMacs).toEqual(rational(4338n * 17_630_224n, 10n));
    expect(roofline(await costOf("v2"), BUILTIN_HARDWARE["pixel6-cpu"], "none").totals.rooflineMacs).toEqual(
      rational(3_009_166_784n, 5n),
    );
  });

  test("on an EdgeTPU-like ridge point, depthwise layers and the FC head are memory-bound, as the MobileNetV4 paper argues", async () => {
    const r = roofline(await costOf("v2"), BUILTIN_HARDWARE["pixel8-edgetpu"], "none");
    for (const row of r.rows.filter((x) => x.row.op === "depthwise" || x.row.op === "fc"))
      expect(row.bound, row.row.name).toBe("memory");
  });
});

describe("properties", () => {
  const models = ["v1", "v2", "v3-large", "mnv4-conv-s", "mnv4-hybrid-m", "efficientnet-b0"];
  test("roofline cost ≥ MACs, equal at RP = 0, non-decreasing in RP; block fusion never moves more bytes", async () => {
    const reports = await Promise.all(models.map((m) => costOf(m)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: reports.length - 1 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (i, a, b) => {
          const report = reports[i]!;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (rp: number) =>
            roofline(report, ridgePointProfile(rational(BigInt(rp), 10n), "int8"), "none");
          expect(
            compareRational(at(lo).totals.rooflineMacs, rational(report.totals.macs)),
          ).toBeGreaterThanOrEqual(0);
          expect(
            compareRational(at(hi).totals.rooflineMacs, at(lo).totals.rooflineMacs),
          ).toBeGreaterThanOrEqual(0);
          const fused = roofline(report, ridgePointProfile(rational(BigInt(lo), 10n), "int8"), "block");
          expect(fused.totals.bytes <= at(lo).totals.bytes).toBe(true);
          const unfused = at(lo).rows;
          for (const [k, r] of fused.rows.entries()) expect(r.bytes <= unfused[k]!.bytes).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    for (const report of reports)
      expect(roofline(report, INT8, "none").totals.rooflineMacs).toEqual(rational(report.totals.macs));
  });
});

describe("what the roofline says of each layer and group", () => {
  // a ridge point of 20 MACs per byte (depthwise layers below it, 1×1 convs above): 2·10¹⁰ MACs and 10⁹ bytes per second
  const timed = {
    ...ridgePointProfile(rational(20), "int8"),
    name: "timed",
    peakMacsPerSecond: 20_000_000_000n,
    bandwidthBytesPerSecond: 1_000_000_000n,
  };

  test("a 1×1 conv's memory access cost (ShuffleNet V2's G1: h·w·(c1 + c2) + c1·c2); other kinds have none", () => {
    const pw = roofline(oneLayer(14, 96, { kind: "pw", out: 192 }), INT8, "none").rows[0]!;
    expect(pw.accessCost).toBe(14n * 14n * (96n + 192n) + 96n * 192n);
    expect(
      roofline(oneLayer(14, 96, { kind: "dw", kernel: 3, stride: 1 }), INT8, "none").rows[0]!.accessCost,
    ).toBeUndefined();
    expect(
      roofline(oneLayer(14, 96, { kind: "conv", kernel: 3, stride: 1, out: 8 }), INT8, "none").rows[0]!
        .accessCost,
    ).toBeUndefined();
  });

  test("with absolute peaks: each layer's time is the longer of computing and moving, in milliseconds", () => {
    const pw = roofline(oneLayer(14, 96, { kind: "pw", out: 192 }), timed, "none");
    // 3,612,672 MACs at 2·10¹⁰/s = 0.18 ms; 74,880 bytes at 10⁹/s = 0.075 ms: compute-bound
    expect(pw.rows[0]!.latencyMs).toEqual(rational(3_612_672n * 1000n, 20_000_000_000n));
    expect(pw.totals.latencyMs).toEqual(pw.rows[0]!.latencyMs);
    // depthwise: 338,688 MACs (0.017 ms) but 76,992 bytes at 10⁹/s = 0.077 ms: the moving sets the time
    const dw = roofline(oneLayer(14, 192, { kind: "dw", kernel: 3, stride: 1 }), timed, "none").rows[0]!;
    expect(dw.latencyMs).toEqual(rational(76_992n * 1000n, 1_000_000_000n));
    expect(dw.bound).toBe("memory");
    expect(
      roofline(oneLayer(14, 96, { kind: "pw", out: 192 }), INT8, "none").totals.latencyMs,
    ).toBeUndefined();
  });

  test("block fusion: a block moves its first op's input and its last op's output, nothing between", async () => {
    const report = await costOf("v2");
    const fused = roofline(report, INT8, "block");
    const block = report.rows.filter((r) => r.block === report.rows[5]!.block);
    const rows = fused.rows.filter((r) => r.row.block === block[0]!.block);
    const elements = (dims: readonly number[]) => dims.reduce((a, d) => a * BigInt(d), 1n);
    expect(rows.map((r) => r.activationBytes)).toEqual(
      block.map(
        (r, i) => (i === 0 ? elements(r.input) : 0n) + (i === block.length - 1 ? elements(r.output) : 0n),
      ),
    );
  });

  test("groups: layers, MACs, bytes, cost and time summed; by type and bound most costly first, otherwise in order", async () => {
    const r = roofline(await costOf("v2"), timed, "none");
    for (const by of ["type", "resolution", "block", "layer", "bound"] as const) {
      const groups = rooflineGroups(r, by);
      expect(groups.reduce((n, g) => n + g.layers, 0)).toBe(r.rows.length);
      expect(groups.reduce((n, g) => n + g.macs, 0n)).toBe(r.rows.reduce((n, x) => n + x.row.macs, 0n));
      expect(groups.reduce((n, g) => n + g.bytes, 0n)).toBe(r.totals.bytes);
      expect(groups.reduce((n, g) => addRational(n, g.rooflineMacs), rational(0))).toEqual(
        r.totals.rooflineMacs,
      );
      expect(groups.reduce((n, g) => addRational(n, g.latencyMs!), rational(0))).toEqual(r.totals.latencyMs);
      const costs = groups.map((g) => g.rooflineMacs);
      if (by === "type" || by === "bound")
        for (let i = 1; i < costs.length; i++)
          expect(compareRational(costs[i - 1]!, costs[i]!)).toBeGreaterThanOrEqual(0);
    }
    expect(rooflineGroups(r, "block")[0]!.key).toBe(r.rows[0]!.row.block);
    expect(rooflineGroups(r, "resolution").map((g) => g.key)[0]).toBe(String(r.rows[0]!.row.output[0]));
    expect(
      rooflineGroups(r, "bound")
        .map((g) => g.key)
        .sort(),
    ).toEqual(["compute", "memory"]);
    expect(
      rooflineGroups(roofline(await costOf("v2"), INT8, "none"), "type").every(
        (g) => g.latencyMs === undefined,
      ),
    ).toBe(true);
  });
});
