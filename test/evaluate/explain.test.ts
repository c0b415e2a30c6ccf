/**
 * explainDifference, in-process: the difference between two conventions split by what each counts, each
 * row its amount, its per-element factor on each side and its value (amount × factor), rows summing to
 * the totals' difference. Figures from the ptflops and paper presets (test/published/peers.test.ts pins
 * them to the tools).
 */
import { describe, expect, test } from "vitest";
import { explainDifference } from "../../src/evaluate/explain.js";
import { costOf } from "../helpers/models.js";

const brief = (r: {
  key: string;
  title: string;
  from: { amount: bigint; factor: bigint };
  to: { amount: bigint; factor: bigint };
  difference: bigint;
}) =>
  `${r.key} | ${r.title} | ${r.from.amount}×${r.from.factor} → ${r.to.amount}×${r.to.factor} = ${r.difference}`;

describe("explainDifference", () => {
  // residual adds: 24·56² + 2·32·28² + 3·64·14² + 2·96·14² + 2·160·7² = 216,384 elements
  test("v2, paper → ptflops: weights' MACs alike; bias, BatchNorm, ReLU6 and the functional pool added", async () => {
    const e = explainDifference(await costOf("v2"), await costOf("v2", "1.0", undefined, "ptflops"));
    expect(e.count.map(brief)).toEqual([
      "macs | conv and FC multiply-accumulates | 300774272×1 → 300774272×1 = 0",
      "bias | bias adds | 1000×0 → 1000×1 = 1000",
      "bn | BatchNorm | 6678112×0 → 6678112×2 = 13356224",
      "relu6 | ReLU6 | 6105792×0 → 6105792×1 = 6105792",
      "pool-functional | pooling (input elements), functional call | 62720×0 → 62720×1 = 62720",
      "pool-divide-functional | pooling divides (output elements), functional call | 1280×0 → 1280×0 = 0",
      "add | residual adds | 216384×0 → 216384×0 = 0",
    ]);
    expect(e.params.map(brief)).toEqual([
      "weights | weights | 3469760×1 → 3469760×1 = 0",
      "bias | biases | 1000×0 → 1000×1 = 1000",
      "bn | BatchNorm γ and β | 34112×0 → 34112×1 = 34112",
    ]);
    expect(e.architecturesDiffer).toBe(false);
  });

  test("the rows sum to the difference of the two totals, counts and parameters", async () => {
    const from = await costOf("v3-large", "0.75", 160, "thop");
    const to = await costOf("v3-large", "0.75", 160, "fvcore");
    const e = explainDifference(from, to);
    expect(e.count.reduce((s, r) => s + r.difference, 0n)).toBe(to.totals.macs - from.totals.macs);
    expect(e.params.reduce((s, r) => s + r.difference, 0n)).toBe(to.totals.params - from.totals.params);
  });

  test("attention matmuls get a row of their own, which thop does not see; FLOPs double every factor", async () => {
    const from = await costOf("mnv4-hybrid-m", "1.0", undefined, "fvcore");
    const to = await costOf("mnv4-hybrid-m", "1.0", undefined, "thop");
    const matmuls = explainDifference(from, to).count.find((r) => r.key === "matmuls")!;
    expect(matmuls.title).toBe("attention matmuls (Q·Kᵀ and A·V)");
    expect([matmuls.from.factor, matmuls.to.factor]).toEqual([1n, 0n]);
    expect(matmuls.difference).toBe(-matmuls.from.amount);
    const flops = explainDifference(await costOf("v2"), await costOf("v2", "1.0", undefined, "torch-flops"));
    expect(flops.count[0]!.to.factor).toBe(2n);
    expect(flops.count[0]!.difference).toBe(flops.count[0]!.from.amount);
    expect(
      explainDifference(await costOf("v2"), await costOf("v2")).count.some((r) => r.key === "matmuls"),
    ).toBe(false);
  });

  test("architectures differ when the weights' MACs or the weights differ, and only then", async () => {
    // V3-Large at 0.75: TF-slim's and torchvision's rounding build other widths
    const tfslim = explainDifference(
      await costOf("v3-large", "0.75"),
      await costOf("v3-large", "0.75", undefined, "torchvision"),
    );
    expect(tfslim.architecturesDiffer).toBe(true);
    expect(tfslim.count[0]!.from.amount === tfslim.count[0]!.to.amount).toBe(false);
    const same = explainDifference(await costOf("v2"), await costOf("v2", "1.0", undefined, "fvcore"));
    expect(same.architecturesDiffer).toBe(false);
  });

  test("a category both sides leave at zero elements gets no row; one side's elements do", async () => {
    const e = explainDifference(await costOf("v1"), await costOf("v1", "1.0", undefined, "ptflops"));
    expect(e.count.some((r) => r.key === "add")).toBe(false);
    expect(e.count.some((r) => r.key === "pool-functional")).toBe(false);
    expect(e.count.find((r) => r.key === "pool")!.to.factor).toBe(2n);
  });

  test("conventions whose width rules build other layers say so (their weights differ)", async () => {
    const e = explainDifference(
      await costOf("v1", "0.75"),
      await costOf("v1", "0.75", undefined, "torchvision"),
    );
    expect(e.architecturesDiffer).toBe(
      e.count[0]!.from.amount !== e.count[0]!.to.amount ||
        e.params[0]!.from.amount !== e.params[0]!.to.amount,
    );
    const keras = explainDifference(await costOf("v2"), await costOf("v2", "1.0", undefined, "keras"));
    expect(keras.params.find((r) => r.key === "bn")!.to.factor).toBe(2n);
  });
});

describe("explainDifference between different networks", () => {
  test("a category only one side has gets its row (attention matmuls, h-swish); a side without the category counts zero", async () => {
    const e = explainDifference(await costOf("v2"), await costOf("mnv4-hybrid-m", "1.0", undefined, "paper"));
    const matmuls = e.count.find((r) => r.key === "matmuls")!;
    expect([matmuls.from.amount, matmuls.to.amount > 0n]).toEqual([0n, true]);
    const v3 = explainDifference(await costOf("v1"), await costOf("v3-large"));
    const hswish = v3.count.find((r) => r.key === "hswish")!;
    expect([hswish.from.amount, hswish.to.amount > 0n]).toEqual([0n, true]);
  });

  test("the same widths at another resolution: the MACs differ, the weights do not, and that is another architecture's count", async () => {
    const e = explainDifference(await costOf("v2"), await costOf("v2", "1.0", 160));
    expect(e.params[0]!.from.amount).toBe(e.params[0]!.to.amount);
    expect(e.architecturesDiffer).toBe(true);
  });

  test("MnasNet's x.mean pool is counted by no convention: no pool row", async () => {
    const e = explainDifference(
      await costOf("mnasnet"),
      await costOf("mnasnet", "1.0", undefined, "ptflops"),
    );
    expect(e.count.filter((r) => r.key.startsWith("pool"))).toEqual([]);
  });
});
