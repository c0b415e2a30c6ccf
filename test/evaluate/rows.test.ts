/**
 * What a built network's rows say besides their counts (evaluate/cost.ts) and how the roofline reads
 * them (evaluate/roofline.ts): the work of each op's activation, its 1×1 flag, how a pool was called,
 * the depth asked; a ridge point's profile, a bound at the ridge, a time only with both peaks.
 */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { ridgePointProfile, roofline } from "../../src/evaluate/roofline.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";

const ONE = { text: "1", value: 1 };

async function rowsOf(name: string, depth?: number) {
  const model = await loadModel(name, process.cwd());
  return evaluateModel(model, {
    alpha: ONE,
    convention: resolveConvention("paper"),
    ...(depth !== undefined && { depth }),
  });
}

describe("a built network's rows", () => {
  test("an op's BatchNorm and activation are work on each output element; an op without an activation has none of it", async () => {
    const { rows } = await rowsOf("v2");
    const first = rows[0]!;
    expect(first.work).toEqual({ bn: first.activations, relu6: first.activations });
    const projection = rows.find((r) => r.spec?.act === "none" && r.op === "pointwise")!;
    expect(Object.keys(projection.work)).toEqual(["bn"]);
  });

  test("1×1 convolutions without groups carry the flag; a depthwise or a 3×3 conv does not", async () => {
    const { rows } = await rowsOf("v2");
    expect(rows.filter((r) => r.oneByOne).every((r) => r.op === "pointwise")).toBe(true);
    expect(rows.find((r) => r.op === "depthwise")!.oneByOne).toBe(false);
    expect(rows[0]!.oneByOne).toBe(false);
    expect(rows.filter((r) => r.oneByOne).length).toBe(rows.filter((r) => r.op === "pointwise").length);
  });

  test("how a pool was called is on its row (MnasNet's x.mean); the depth asked is the report's, 1 by default", async () => {
    const mnasnet = await rowsOf("mnasnet");
    expect(mnasnet.rows.filter((r) => r.functional !== undefined).map((r) => r.functional)).toEqual(["mean"]);
    expect(mnasnet.depth).toBe(1);
    expect((await rowsOf("v2", 1.4)).depth).toBe(1.4);
  });
});

describe("the roofline's profile and bounds", () => {
  test("a ridge point given on the command line names itself", () => {
    expect(ridgePointProfile(rational(347n), "int8")).toEqual({
      name: "ridge point 347",
      ridgePoint: rational(347n),
      dtype: "int8",
      source: "--ridge-point",
    });
    expect(ridgePointProfile(rational(1n, 3n), "fp32").name).toBe("ridge point 0.333");
  });

  test("time needs both peaks; a row exactly at the ridge is compute-bound, a row moving nothing too", async () => {
    const report = await rowsOf("v2");
    const ridge = rational(100n);
    const both = {
      ...ridgePointProfile(ridge, "int8"),
      peakMacsPerSecond: 10n ** 12n,
      bandwidthBytesPerSecond: 10n ** 10n,
    };
    expect(roofline(report, both, "none").totals.latencyMs).toBeDefined();
    const { bandwidthBytesPerSecond: _, ...peakOnly } = both;
    expect(roofline(report, peakOnly, "none").totals.latencyMs).toBeUndefined();
    const row = report.rows[0]!;
    const atRidge = roofline(
      { rows: [{ ...row, macs: 100n * (row.readElements + row.activations + row.paramParts.weights) }] },
      ridgePointProfile(ridge, "int8"),
      "none",
    );
    expect(atRidge.rows[0]!.bound).toBe("compute");
    const below = roofline(
      { rows: [{ ...row, macs: 100n * (row.readElements + row.activations + row.paramParts.weights) - 1n }] },
      ridgePointProfile(ridge, "int8"),
      "none",
    );
    expect(below.rows[0]!.bound).toBe("memory");
    const nothing = roofline(
      {
        rows: [{ ...row, readElements: 0n, activations: 0n, paramParts: { weights: 0n, bias: 0n, bn: 0n } }],
      },
      ridgePointProfile(ridge, "int8"),
      "none",
    );
    expect(nothing.rows[0]!.bound).toBe("compute");
  });
});
