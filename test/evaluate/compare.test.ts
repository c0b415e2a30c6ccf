/** compareReports in-process: exact ratios to the first model, and breakdowns aligned key by key. */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { compareReports, compareTotals } from "../../src/evaluate/compare.js";
import { costOf } from "../helpers/models.js";
import { alignBreakdowns } from "../../src/evaluate/compare.js";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";

describe("compareReports", () => {
  test("each model's params and MACs over the first's, exactly (the first's own ratios are 1)", async () => {
    const [v1, half] = [await costOf("v1"), await costOf("v1", "0.5")];
    const totals = compareTotals([v1, half]);
    expect(totals[0]!.macsRatio).toEqual(rational(1));
    expect(totals[0]!.paramsRatio).toEqual(rational(1));
    expect(totals[1]!.macsRatio).toEqual(rational(half.totals.macs, v1.totals.macs));
    expect(totals[1]!.paramsRatio).toEqual(rational(half.totals.params, v1.totals.params));
    expect(compareTotals([])).toEqual([]);
  });

  test("without a breakdown only the totals; with one, every key of any model, a missing one as zero", async () => {
    const [v2, v3] = [await costOf("v2"), await costOf("v3-large")];
    expect(compareReports([v2, v3])).toEqual({ totals: compareTotals([v2, v3]), foldedNorms: [] });
    const c = compareReports([v2, v3], "type");
    expect(c.by).toBe("type");
    const se = c.aligned!.find((r) => r.key === "se")!;
    // V2 has no squeeze-excite: its cell has no group and adds nothing to its running total
    expect(se.cells[0]!.group).toBeUndefined();
    expect(se.cells[1]!.group?.key).toBe("se");
    for (const [i, report] of [v2, v3].entries()) {
      const last = c.aligned!.at(-1)!.cells[i]!;
      expect(last.cumulativeMacs).toBe(report.totals.macs);
      expect(last.cumulativeShare).toEqual(rational(1));
    }
  });

  test("a model of no MACs or parameters gets ratios of 0, not a division by zero; by type keys keep first appearance", async () => {
    const v2 = await costOf("v2");
    const empty = { ...v2, totals: { macs: 0n, params: 0n } };
    const [, second] = compareTotals([empty, v2]);
    expect([second!.macsRatio, second!.paramsRatio]).toEqual([rational(0), rational(0)]);
    const keys = compareReports([v2, await costOf("v3-large")], "type").aligned!.map((r) => r.key);
    expect(keys.slice(0, 3)).toEqual(
      compareReports([v2], "type")
        .aligned!.map((r) => r.key)
        .slice(0, 3),
    );
  });

  test("by resolution, from the largest map down, each cell's running total and share", async () => {
    const [v1, fd] = [await costOf("v1"), await costOf("fd")];
    const rows = compareReports([v1, fd], "resolution").aligned!;
    const keys = rows.map((r) => Number(r.key));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    let running = 0n;
    for (const row of rows) {
      running += row.cells[0]!.group?.macs ?? 0n;
      expect(row.cells[0]!.cumulativeMacs).toBe(running);
      expect(row.cells[0]!.cumulativeShare).toEqual(rational(running, v1.totals.macs));
    }
  });
});

describe("comparisons across resolutions and with graph files", () => {
  test("by resolution, the keys of every model in one order, largest side first", async () => {
    const [a, b] = [await costOf("v2", "1", 224), await costOf("v2", "1", 160)];
    const keys = alignBreakdowns([a, b], "resolution").map((r) => Number(r.key));
    expect(keys).toEqual([...keys].sort((x, y) => y - x));
    expect(keys).toContain(112);
    expect(keys).toContain(80);
  });

  test("a converted file's folded BatchNorm is told against the built-in wherever it stands; two files, none", async () => {
    const convention = resolveConvention("torchvision", { channels: 1, classes: 2 });
    const file = evaluateModel(await loadModel("test/fixtures/tflite/person_detect.tflite", process.cwd()), {
      alpha: { text: "1", value: 1 },
      convention,
    });
    const v1 = evaluateModel(await loadModel("v1", process.cwd()), {
      alpha: { text: "0.25", value: 0.25 },
      resolution: 96,
      convention,
    });
    expect(compareReports([file, v1]).foldedNorms).toEqual([
      { graph: 0, builtin: 1, counted: v1.totals.params, folded: file.totals.params },
    ]);
    expect(compareReports([file, file]).foldedNorms).toEqual([]);
  });
});
