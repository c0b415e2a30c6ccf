import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyseBreakdown, BREAKDOWNS, breakdown } from "../../src/evaluate/breakdown.js";
import { alignBreakdowns } from "../../src/evaluate/compare.js";
import { peakMemory } from "../../src/evaluate/memory.js";
import { costOf } from "../helpers/models.js";

describe("breakdowns", () => {
  test("V1 by type: pointwise 94.86% of Mult-Adds, 74.59% of params — Howard et al. 2017, MobileNets, Table 2", async () => {
    const groups = breakdown(await costOf("v1"), "type");
    expect(groups.map((g) => g.key)).toEqual(["pointwise", "depthwise", "conv", "fc"]);
    const pointwise = groups[0]!;
    // 94.86% means 9485.5 ≤ share·10⁴ < 9486.5, checked exactly on the fraction
    expect(pointwise.macsShare.num * 20000n >= 18971n * pointwise.macsShare.den).toBe(true);
    expect(pointwise.macsShare.num * 20000n < 18973n * pointwise.macsShare.den).toBe(true);
  });

  test("groups sum to the totals, for every grouping, model and width", async () => {
    const models = await Promise.all(["v1", "v2", "v3-large", "v3-small", "fd"].map((m) => costOf(m)));
    for (const report of models) {
      for (const by of BREAKDOWNS) {
        const groups = breakdown(report, by);
        expect(
          groups.reduce((a, g) => a + g.macs, 0n),
          `${report.model.ref} by ${by}`,
        ).toBe(report.totals.macs);
        expect(groups.reduce((a, g) => a + g.params, 0n)).toBe(report.totals.params);
      }
    }
  });

  test("shares are exact fractions of the totals and sum to 1", () => {
    fc.assert(
      fc.asyncProperty(
        fc.constantFrom("v1", "v2", "v3-large", "fd"),
        fc.integer({ min: 25, max: 200 }),
        fc.integer({ min: 32, max: 320 }),
        async (m, hundredths, res) => {
          const report = await costOf(m, String(hundredths / 100), res);
          const groups = breakdown(report, "resolution");
          const sum = groups.reduce(
            (a, g) => a + (g.macsShare.num * report.totals.macs) / g.macsShare.den,
            0n,
          );
          expect(sum).toBe(report.totals.macs);
        },
      ),
      { numRuns: 25 },
    );
  });

  test("FD-MobileNet's argument (Qin et al. 2018, Section 3.1): at the four largest resolutions MobileNet 0.5× spends ~129M, FD-MobileNet 1× ~59M", async () => {
    const rows = alignBreakdowns([await costOf("v1", "0.5"), await costOf("fd", "1.0")], "resolution");
    expect(rows.map((r) => r.key)).toEqual(["112", "56", "28", "14", "7", "1"]);
    const at14 = rows[3]!.cells.map((c) => c.cumulativeMacs);
    expect(at14.map((m) => Number((m + 500_000n) / 1_000_000n))).toEqual([129, 59]);
  });
});

describe("activation memory", () => {
  test("V1 at 224 peaks at its first separable block: 112·112·(32 + 64) elements", async () => {
    const r = await costOf("v1");
    expect(peakMemory(r.rows, "block")).toEqual({
      model: "block",
      elements: 112n * 112n * 96n,
      at: "ds_1",
    });
  });

  test("V2 needs far less than V1 at the same resolution (Sandler et al. 2018, Section 5.1, Table 3)", async () => {
    for (const res of [96, 160, 224]) {
      const v1 = await costOf("v1", "1.0", res);
      const v2 = await costOf("v2", "1.0", res);
      expect(peakMemory(v2.rows, "block").elements < peakMemory(v1.rows, "block").elements).toBe(true);
    }
  });

  test("materializing the expanded tensors (layer model) costs more than streaming them (block model)", async () => {
    const v2 = await costOf("v2");
    const layer = peakMemory(v2.rows, "layer");
    expect(layer.elements > peakMemory(v2.rows, "block").elements).toBe(true);
    // ir_2/dw: its 112·112·96 expanded input and 56·56·96 output are both materialized
    expect(layer).toEqual({ model: "layer", elements: 112n * 112n * 96n + 56n * 56n * 96n, at: "ir_2/dw" });
  });

  test("layer model holds the residual input while its block runs: ir_3/dw carries 56·56·24 besides its own 2·56·56·144", async () => {
    const v2 = await costOf("v2");
    const first = v2.rows.findIndex((r) => r.block === "ir_3");
    const last = v2.rows.findIndex((r) => r.name === "ir_3/add");
    const peak = peakMemory(v2.rows.slice(first, last + 1), "layer");
    expect(peak).toEqual({
      model: "layer",
      elements: 56n * 56n * 144n * 2n + 56n * 56n * 24n,
      at: "ir_3/dw",
    });
  });
});

describe("what each grouping keeps, orders and says", () => {
  test("by type: groups with neither MACs nor params are left out and listed as omitted; the costliest first", async () => {
    const a = analyseBreakdown(await costOf("v2"), "type");
    // under the paper convention residual adds and pools cost nothing
    expect(a.omitted).toEqual(expect.arrayContaining(["add", "pool"]));
    expect(a.groups.some((g) => g.key === "add")).toBe(false);
    const macs = a.groups.map((g) => g.macs);
    expect(macs).toEqual([...macs].sort((x, y) => (y > x ? 1 : y < x ? -1 : 0)));
    expect(a.groups.every((g) => g.layers > 0)).toBe(true);
  });
  test("by type, equal MACs: the group with more parameters first", async () => {
    const a = breakdown(await costOf("v1"), "type");
    for (let i = 1; i < a.length; i++) {
      const [p, q] = [a[i - 1]!, a[i]!];
      expect(p.macs > q.macs || (p.macs === q.macs && p.params >= q.params)).toBe(true);
    }
  });
  test("by resolution: every side kept, the largest first; by block and layer: every row, in order", async () => {
    const r = await costOf("v2");
    const sides = breakdown(r, "resolution").map((g) => Number(g.key));
    expect(sides).toEqual([...new Set(r.rows.map((x) => x.outputSide!))].sort((x, y) => y - x));
    expect(breakdown(r, "block").map((g) => g.key)).toEqual([...new Set(r.rows.map((x) => x.block))]);
    expect(breakdown(r, "layer").map((g) => g.key)).toEqual(r.rows.map((x) => x.name));
    for (const by of ["resolution", "block", "layer"] as const)
      expect(analyseBreakdown(r, by).omitted).toEqual([]);
  });
  test("each group's MACs by layer type, in order of first appearance", async () => {
    const block = breakdown(await costOf("v2"), "block").find((g) => g.key === "ir_2")!;
    expect(block.macsByType.map((t) => t.type)).toEqual(["pointwise", "depthwise"]);
    expect(block.macsByType.reduce((s, t) => s + t.macs, 0n)).toBe(block.macs);
  });
  test("the published figures each grouping speaks to: shares by type, resolutions' sums by resolution, none by block", async () => {
    const v1 = await costOf("v1");
    expect(analyseBreakdown(v1, "type").figureNotes.length).toBeGreaterThan(0);
    expect(analyseBreakdown(v1, "block").figureNotes).toEqual([]);
    expect(analyseBreakdown(v1, "layer").figureNotes).toEqual([]);
  });
});

describe("ties and empty groups", () => {
  test("by type, groups with no MACs but parameters (norms, LayerScale) come last, more parameters first", async () => {
    const groups = breakdown(await costOf("mnv4-hybrid-m", "1.0", undefined, "timm"), "type");
    const idle = groups.filter((g) => g.macs === 0n);
    expect(idle.length).toBeGreaterThan(1);
    expect(groups.slice(-idle.length)).toEqual(idle);
    for (let i = 1; i < idle.length; i++) expect(idle[i - 1]!.params >= idle[i]!.params).toBe(true);
    expect(idle.every((g) => g.params > 0n)).toBe(true);
  });
  test("a model of no MACs and no parameters has zero shares, not a division by zero", async () => {
    const r = await costOf("v2");
    const empty = {
      ...r,
      rows: r.rows.slice(0, 1).map((row) => ({ ...row, macs: 0n, params: 0n })),
      totals: { macs: 0n, params: 0n },
    };
    const [g] = breakdown(empty, "layer");
    expect([g!.macsShare, g!.paramsShare]).toEqual([
      { num: 0n, den: 1n },
      { num: 0n, den: 1n },
    ]);
  });
});

describe("orders that first appearance does not give", () => {
  test("by resolution, the largest side first, whatever order the rows come in", async () => {
    const r = await costOf("v2");
    const reversed = { ...r, rows: [...r.rows].reverse() };
    const sides = breakdown(reversed, "resolution").map((g) => Number(g.key));
    expect(sides).toEqual([...new Set(r.rows.map((x) => x.outputSide!))].sort((x, y) => y - x));
    expect(sides[0]).toBe(112);
  });

  test("by type, equal MACs: more parameters first though it appears later; by stage, a stage of no cost is kept", async () => {
    const r = await costOf("v2");
    const [first, second] = r.rows;
    const rows = [
      { ...first!, type: "norm", macs: 0n, params: 3n },
      { ...second!, type: "layerscale", macs: 0n, params: 7n },
    ];
    const report = { ...r, rows, totals: { macs: 0n, params: 10n } };
    expect(breakdown(report, "type").map((g) => g.key)).toEqual(["layerscale", "norm"]);
    const stages = breakdown(await costOf("mobilenetv5_300m", "1.0", undefined, "timm"), "stage");
    expect(stages.at(-1)).toMatchObject({ key: "pool_1", macs: 0n, params: 0n });
  });

  test("a block or a side whose rows cost nothing is kept; a row with no map is keyed 'not a map' (empty)", async () => {
    const r = await costOf("v2");
    const idle = {
      ...r.rows[0]!,
      block: "idle",
      name: "idle/op",
      outputSide: undefined,
      macs: 0n,
      params: 0n,
    };
    const report = { ...r, rows: [...r.rows, idle] };
    expect(breakdown(report, "block").at(-1)).toMatchObject({ key: "idle", layers: 1 });
    expect(breakdown(report, "resolution").at(-1)).toMatchObject({ key: "", layers: 1, macs: 0n });
  });

  test("types of equal MACs are ordered by params, larger first (MNv4 Hybrid-M's LayerScale before its norms, both 0 MACs)", async () => {
    const groups = breakdown(await costOf("mnv4-hybrid-m", "1.0", undefined, "timm"), "type");
    const zero = groups.filter((g) => g.macs === 0n && g.params > 0n);
    expect(zero.map((g) => [g.key, g.params])).toEqual([
      ["layerscale", 6176n],
      ["norm", 3328n],
    ]);
    for (const [a, b] of groups.slice(1).map((g, i) => [groups[i]!, g] as const))
      expect(a.macs > b.macs || (a.macs === b.macs && a.params >= b.params), `${a.key} before ${b.key}`).toBe(
        true,
      );
  });
});
