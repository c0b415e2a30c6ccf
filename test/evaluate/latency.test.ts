/** A calibrated device's layer times (evaluate/latency.ts) and the fit behind them (evaluate/calibrate.ts). */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import {
  calibrate,
  type LatencySample,
  ladderStep,
  latencyModelOf,
  MIN_MEASUREMENTS,
  modelledMs,
  nonNegativeLeastSquares,
} from "../../src/evaluate/calibrate.js";
import { UNBOUNDED_RATE } from "../../src/published/hardware.js";
import {
  computeClassOf,
  elementwisePassBytes,
  type LatencyModel,
  layerLatency,
} from "../../src/evaluate/latency.js";
import { latencyFeatures, roofline } from "../../src/evaluate/roofline.js";
import { costOf } from "../helpers/models.js";

const MODEL: LatencyModel = {
  macsPerSecond: { dense: 20_000_000_000n, depthwise: 2_000_000_000n, pointwise: 40_000_000_000n },
  bandwidthBytesPerSecond: 5_000_000_000n,
  overheadNsPerOp: 10_000n,
};

describe("a layer's time: max(MACs / its class's rate, bytes / bandwidth) + the op's overhead", () => {
  test("compute-bound: 40M pointwise MACs at 40G/s is 1 ms, plus 10 µs; its memory time is kept beside", () => {
    const l = layerLatency(40_000_000n, "pointwise", 1_000_000n, MODEL);
    expect(l.computeMs).toEqual(rational(1n));
    expect(l.memoryMs).toEqual(rational(1n, 5n));
    expect(l.overheadMs).toEqual(rational(1n, 100n));
    expect(l.latencyMs).toEqual(rational(101n, 100n));
    expect(l.bound).toBe("compute");
  });

  test("memory-bound: 10 MB at 5 GB/s is 2 ms, over the depthwise MACs' 1 ms", () => {
    const l = layerLatency(2_000_000n, "depthwise", 10_000_000n, MODEL);
    expect(l.latencyMs).toEqual(rational(201n, 100n));
    expect(l.bound).toBe("memory");
  });

  test("classes by the kind's type: depthwise (and mixed, blur), dense (k×k, grouped), else pointwise", () => {
    expect(["depthwise", "mixconv", "blurpool"].map((type) => computeClassOf({ type }))).toEqual([
      "depthwise",
      "depthwise",
      "depthwise",
    ]);
    expect(["conv", "gconv"].map((type) => computeClassOf({ type }))).toEqual(["dense", "dense"]);
    expect(["pointwise", "fc", "se", "attention", "Gemm"].map((type) => computeClassOf({ type }))).toEqual(
      new Array(5).fill("pointwise"),
    );
  });

  test("unfused activations read and write their elements once more; ReLU and BatchNorm are fused", () => {
    expect(elementwisePassBytes({ work: { hswish: 100n, sigmoid: 10n, relu: 1000n, bn: 1000n } }, 4n)).toBe(
      2n * 110n * 4n,
    );
    expect(elementwisePassBytes({ work: { relu6: 5n } }, 1n)).toBe(0n);
  });

  test.each(["hswish", "hsigmoid", "sigmoid", "silu", "gelu"] as const)(
    "%s is unfused: one more pass over its elements",
    (activation) => {
      expect(elementwisePassBytes({ work: { [activation]: 7n } }, 2n)).toBe(2n * 7n * 2n);
    },
  );
});

describe("one path: a calibrated profile's roofline times each row as calibrate fits it", () => {
  test("v3-large on a calibrated profile: the report's total is the features' modelled time", async () => {
    const report = await costOf("v3-large");
    const profile = {
      name: "t",
      ridgePoint: rational(8n),
      peakMacsPerSecond: 40_000_000_000n,
      bandwidthBytesPerSecond: 5_000_000_000n,
      dtype: "fp32" as const,
      source: "test",
      latency: MODEL,
    };
    const r = roofline(report, profile, "none", "fp32");
    const sample = { label: "v3", measuredMs: 1, layers: latencyFeatures(report, "none", "fp32", false) };
    const total = r.totals.latencyMs!;
    expect(Number(total.num) / Number(total.den)).toBeCloseTo(modelledMs(sample, MODEL), 9);
    // h-swish layers move more than their plain roofline bytes: the element-wise pass
    const hswish = r.rows.find((row) => (row.row.work.hswish ?? 0n) > 0n)!;
    expect(hswish.latency!.memoryMs).not.toEqual(
      rational(hswish.bytes * 1000n, MODEL.bandwidthBytesPerSecond),
    );
    expect(r.rows.every((row) => row.latency !== undefined && row.bound === row.latency.bound)).toBe(true);
  });
});

/** Synthetic measurements: what a known device would measure on a grid of models (exactly the model's times). */
async function synthetic(
  model: LatencyModel,
  specs: readonly [string, number, number][],
): Promise<LatencySample[]> {
  const reports = await Promise.all(
    specs.map(([id, alpha, resolution]) => costOf(id, String(alpha), resolution)),
  );
  return specs.map(([id, alpha, resolution], i) => {
    const report = reports[i]!;
    const layers = latencyFeatures(report, "none", "fp32", false);
    const sample = { label: `${id}@${alpha}/${resolution}`, measuredMs: 0, layers };
    return { ...sample, measuredMs: modelledMs(sample, model) };
  });
}

/** MobileNetV2 (depthwise and 1×1) and MobileNetV4-Conv-S (whose fused blocks are dense k×k convs), at several widths and sides. */
const GRID: [string, number, number][] = ["mobilenet-v2", "mobilenet-v4-conv-small"].flatMap((id) =>
  [0.5, 0.75, 1, 1.4].flatMap((a) => [128, 224].map((r): [string, number, number] => [id, a, r])),
);

describe("calibrate: fitting the rates to measurements", () => {
  test("recovers a device's rates from its own exact times (16 rows: every parameter free)", async () => {
    const c = calibrate(await synthetic(MODEL, GRID));
    expect(c.fixed).toBeUndefined();
    expect(c.fit.maxPct).toBeLessThan(0.01);
    expect(c.leaveOneOut.maxPct).toBeLessThan(0.01);
    const within = (fitted: bigint, truth: bigint) => Math.abs(Number(fitted) / Number(truth) - 1);
    expect(within(c.model.macsPerSecond.depthwise, MODEL.macsPerSecond.depthwise)).toBeLessThan(1e-3);
    expect(within(c.model.macsPerSecond.pointwise, MODEL.macsPerSecond.pointwise)).toBeLessThan(1e-3);
    expect(within(c.model.overheadNsPerOp, MODEL.overheadNsPerOp)).toBeLessThan(1e-3);
    // the MACs-linear proxy cannot follow it
    expect(c.macsLinear.leaveOneOut.meanPct).toBeGreaterThan(1);
  });

  test("two rows per free parameter: 6 rows fit 3 (one rate, memory, overhead) and say what is tied", async () => {
    expect([4, 5, 6, 7, 8, 9, 10, 40].map(ladderStep)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    const c = calibrate(await synthetic(MODEL, GRID.slice(0, 6)));
    expect(c.free).toEqual(["MACs/s (one rate for all)", "memory bandwidth", "overhead per op"]);
    expect(c.fixed).toContain("6 measurements allow 3 free parameters (2 each)");
    expect(c.fixed).toContain("dense, depthwise, pointwise share one rate");
    expect(MIN_MEASUREMENTS).toBe(4);
  });

  test("a class the rows cannot tell apart (no dense MACs at all) shares the pointwise rate, and the report says so", async () => {
    const noDense = (await synthetic(MODEL, GRID)).map((s) => ({
      ...s,
      layers: s.layers.filter((l) => l.computeClass !== "dense"),
    }));
    const c = calibrate(noDense.map((s) => ({ ...s, measuredMs: modelledMs(s, MODEL) })));
    expect(c.model.macsPerSecond.dense).toBe(c.model.macsPerSecond.pointwise);
    expect(c.fixed).toContain("dense shares the pointwise rate");
  });

  test("leave-one-out predicts each row from a fit without it: worse than the fit on noisy rows", async () => {
    const noisy = (await synthetic(MODEL, GRID)).map((s, i) => ({
      ...s,
      measuredMs: s.measuredMs * (1 + ((i % 3) - 1) * 0.05),
    }));
    const c = calibrate(noisy);
    expect(c.leaveOneOut.meanPct).toBeGreaterThan(c.fit.meanPct);
    expect(c.rows.map((r) => r.label)).toEqual(noisy.map((s) => s.label));
  });

  test("a rate the fit leaves at 0 is stored unbounded (10^18 a second): memory never limits", () => {
    const m = latencyModelOf({
      dense: 1e-8,
      depthwise: 1e-8,
      pointwise: 1e-8,
      bandwidth: 0,
      overhead: 0.001,
    });
    expect(m.bandwidthBytesPerSecond).toBe(UNBOUNDED_RATE);
    expect(m.macsPerSecond.dense).toBe(100_000_000_000n);
    expect(m.overheadNsPerOp).toBe(1000n);
  });

  test("non-negative least squares: the exact solution when it is positive, a zero where it would be negative", () => {
    expect(
      nonNegativeLeastSquares(
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        [1, 2, 3],
      ).map((x) => Number(x.toFixed(9))),
    ).toEqual([1, 2]);
    // unconstrained x = (2, -1): the best with x ≥ 0 drops the second column
    const x = nonNegativeLeastSquares(
      [
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      [1, 2, -1],
    );
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo(1.5, 9);
  });
});

describe("the model's edges", () => {
  test("a row's products are its weights' and its matmuls' (attention), whatever the convention counts", async () => {
    const { latencyMacs } = await import("../../src/evaluate/latency.js");
    expect(latencyMacs({ weightMacs: 10n, matmulMacs: 5n })).toBe(15n);
  });

  test("a tie between compute and memory time is compute-bound", () => {
    const tie = layerLatency(40_000_000n, "pointwise", 5_000_000n, MODEL);
    expect(tie.computeMs).toEqual(tie.memoryMs);
    expect(tie.bound).toBe("compute");
  });

  test("a rate past 10^18 a second is stored as that bound, never above it", () => {
    const m = latencyModelOf({
      dense: 1e-30,
      depthwise: 1e-8,
      pointwise: 1e-8,
      bandwidth: 1e-8,
      overhead: 0,
    });
    expect(m.macsPerSecond.dense).toBe(UNBOUNDED_RATE);
  });
});

describe("calibrate at its smallest and with held-out rows", () => {
  test("4 rows fit 2 parameters, one rate and the overhead per op; memory is not fitted, and it says so", async () => {
    const c = calibrate((await synthetic(MODEL, GRID)).slice(0, 4));
    expect(c.free).toEqual(["MACs/s (one rate for all)", "overhead per op"]);
    expect(c.fixed).toContain(
      "4 measurements allow 2 free parameters (2 each): dense, depthwise, pointwise share one rate; memory bandwidth not fitted (no layer memory-bound)",
    );
    expect(c.model.bandwidthBytesPerSecond).toBe(UNBOUNDED_RATE);
    expect(Number.isFinite(c.fit.meanPct)).toBe(true);
    expect(c.check).toBeUndefined();
  });

  test("held-out rows are predicted by the fit and by the MACs-linear fit, never fitted", async () => {
    const all = await synthetic(MODEL, GRID);
    const [train, held] = [all.filter((_, i) => i % 3 !== 2), all.filter((_, i) => i % 3 === 2)];
    const c = calibrate(train, held);
    expect(c.check!.rows.map((r) => r.label)).toEqual(held.map((s) => s.label));
    expect(c.check!.rows.every((r) => r.predictedMs > 0 && r.macsLinearMs > 0)).toBe(true);
    expect(c.check!.errors.maxPct).toBeLessThan(1);
    expect(c.check!.macsLinear.meanPct).toBeGreaterThan(c.check!.errors.meanPct);
    // what the fit saw is what it was given
    expect(c.rows).toHaveLength(train.length);
  });
});
