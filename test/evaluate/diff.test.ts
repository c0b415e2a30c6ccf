/**
 * Cost diffs in-process (evaluate/diff.ts): metric changes exact for counts and in percent of the base,
 * models paired by key (two single-model snapshots whatever their keys), the layers whose MACs changed
 * most, growth past a limit, and what a report puts in a snapshot.
 */
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { diffSnapshots, growthPast, type SnapshotModel, snapshotOfReport } from "../../src/evaluate/diff.js";
import { ridgePointProfile, roofline } from "../../src/evaluate/roofline.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";
import { rational, toDecimal } from "../../src/algebra/rational.js";

const model = (key: string, values: SnapshotModel["values"], layers?: SnapshotModel["layers"]) => ({
  key,
  values,
  ...(layers && { layers }),
});
const layer = (name: string, macs?: bigint) => ({ name, values: macs === undefined ? {} : { macs } });

describe("metric changes", () => {
  test("counts change exactly, in percent of the base to 4 decimals; a time as a decimal", () => {
    const [d] = diffSnapshots(
      [model("v2", { params: 3_000_000n, macs: 300_000_000n, latency_ms: 4 })],
      [model("v2", { params: 3_000_001n, macs: 270_000_000n, latency_ms: 5 })],
      0,
    );
    expect(d!.metrics).toEqual([
      { metric: "params", base: 3_000_000n, head: 3_000_001n, change: 1n, pct: 0 },
      { metric: "macs", base: 300_000_000n, head: 270_000_000n, change: -30_000_000n, pct: -10 },
      { metric: "latency_ms", base: 4, head: 5, change: 1, pct: 25 },
    ]);
  });

  test("a percent past 2^53 stays exact; of a base of 0 it is undefined; a negative base's percent has the change's sign", () => {
    const big = 2n ** 60n;
    const [d] = diffSnapshots(
      [model("m", { params: big, macs: 0n, bytes: -8n, latency_ms: -2 })],
      [model("m", { params: big + big / 3n, macs: 5n, bytes: -4n, latency_ms: -1 })],
      0,
    );
    expect(d!.metrics.map((m) => [m.metric, m.change, m.pct])).toEqual([
      ["params", big / 3n, 33.3333],
      ["macs", 5n, undefined],
      ["bytes", 4n, 50],
      ["latency_ms", 1, 50],
    ]);
  });

  test("a count against a decimal is subtracted as numbers; a metric on one side only is not shown", () => {
    const [d] = diffSnapshots(
      [model("m", { roofline_macs: 10.5, macs: 7n })],
      [model("m", { roofline_macs: 21n as unknown as number, params: 1n })],
      0,
    );
    expect(d!.metrics).toEqual([{ metric: "roofline_macs", base: 10.5, head: 21n, change: 10.5, pct: 100 }]);
    const [counted] = diffSnapshots(
      [model("m", { roofline_macs: 20n as unknown as number, latency_ms: 0 })],
      [model("m", { roofline_macs: 30.5, latency_ms: 2 })],
      0,
    );
    expect(counted!.metrics.map((m) => [m.change, m.pct])).toEqual([
      [10.5, 52.5],
      // from a time of 0: no percent
      [2, undefined],
    ]);
  });
});

describe("pairing models", () => {
  test("two single-model snapshots pair whatever their keys; the same key is kept", () => {
    expect(diffSnapshots([model("a", {})], [model("b", {})], 0)[0]!.key).toBe("a → b");
    expect(diffSnapshots([model("a", {})], [model("a", {})], 0)[0]!.key).toBe("a");
  });

  test("several: by key, in the head's order, then the models only the base has", () => {
    const diffs = diffSnapshots(
      [model("a", { macs: 1n }), model("gone", { macs: 2n }), model("b", { macs: 3n })],
      [model("b", { macs: 4n }), model("new", { macs: 5n }), model("a", { macs: 1n })],
      0,
    );
    expect(diffs.map((d) => [d.key, d.status, d.metrics.map((m) => m.change)])).toEqual([
      ["b", "changed", [1n]],
      ["new", "added", []],
      ["a", "changed", [0n]],
      ["gone", "removed", []],
    ]);
  });

  test("two models against one are paired by key too", () => {
    const diffs = diffSnapshots([model("a", { macs: 1n }), model("b", {})], [model("a", { macs: 2n })], 0);
    expect(diffs.map((d) => [d.key, d.status])).toEqual([
      ["a", "changed"],
      ["b", "removed"],
    ]);
  });

  test("one model against two is paired by key too", () => {
    const diffs = diffSnapshots([model("a", { macs: 1n })], [model("a", { macs: 2n }), model("b", {})], 0);
    expect(diffs.map((d) => [d.key, d.status])).toEqual([
      ["a", "changed"],
      ["b", "added"],
    ]);
  });
});

describe("the layers that changed most", () => {
  const base = model("m", {}, [layer("stem", 100n), layer("a", 50n), layer("b", 10n), layer("old", 30n)]);
  const head = model("m", {}, [layer("stem", 100n), layer("a", 10n), layer("b", 30n), layer("new", 45n)]);

  test("by the size of their change, added and removed layers counting whole; unchanged ones left out", () => {
    const [d] = diffSnapshots([base], [head], 10);
    expect(d!.layers).toEqual([
      { name: "new", status: "added", base: 0n, head: 45n, change: 45n },
      { name: "a", status: "changed", base: 50n, head: 10n, change: -40n },
      { name: "old", status: "removed", base: 30n, head: 0n, change: -30n },
      { name: "b", status: "changed", base: 10n, head: 30n, change: 20n },
    ]);
  });

  test("at most the number asked; none when 0 is asked or a side has no layers; a layer without MACs counts 0", () => {
    expect(diffSnapshots([base], [head], 2)[0]!.layers.map((l) => l.name)).toEqual(["new", "a"]);
    expect(diffSnapshots([base], [head], 0)[0]!.layers).toEqual([]);
    expect(diffSnapshots([base], [model("m", {})], 5)[0]!.layers).toEqual([]);
    expect(diffSnapshots([model("m", {})], [head], 5)[0]!.layers).toEqual([]);
    const [d] = diffSnapshots([model("m", {}, [layer("x")])], [model("m", {}, [layer("x", 7n)])], 5);
    expect(d!.layers).toEqual([{ name: "x", status: "changed", base: 0n, head: 7n, change: 7n }]);
    const [gone] = diffSnapshots([model("m", {}, [layer("x")])], [model("m", {}, [])], 5);
    expect(gone!.layers).toEqual([{ name: "x", status: "removed", base: 0n, head: 0n, change: 0n }]);
  });

  test("paired by key among several models too", () => {
    const [d] = diffSnapshots([base, model("z", {})], [head, model("z", {})], 1);
    expect(d!.layers.map((l) => l.name)).toEqual(["new"]);
  });
});

describe("growth past a limit (--fail-on-increase)", () => {
  test("each metric that grew by more than the limit, named with its model; a base of 0 never counts", () => {
    const diffs = diffSnapshots(
      [model("a", { params: 100n, macs: 100n, bytes: 0n }), model("b", { macs: 100n })],
      [model("a", { params: 102n, macs: 103n, bytes: 9n }), model("b", { macs: 90n })],
      0,
    );
    expect(growthPast(diffs, 2).map((g) => [g.key, g.change.metric, g.change.pct])).toEqual([
      ["a", "macs", 3],
    ]);
    expect(growthPast(diffs, 1.5).map((g) => g.change.metric)).toEqual(["params", "macs"]);
    expect(growthPast(diffs, 3)).toEqual([]);
  });
});

describe("a report's snapshot", () => {
  test("its totals and each layer's params and MACs; with a roofline, bytes, MAC-equivalents and time", async () => {
    const spec = await loadModel("v2", process.cwd());
    const convention = resolveConvention("paper");
    const report = evaluateModel(spec, { alpha: { text: "0.5", value: 0.5 }, convention });
    const plain = snapshotOfReport("v2@0.5", report);
    expect(plain.key).toBe("v2@0.5");
    expect(plain.values).toEqual({ params: report.totals.params, macs: report.totals.macs });
    expect(plain.layers).toHaveLength(report.rows.length);
    expect(plain.layers![0]).toEqual({
      name: report.rows[0]!.name,
      values: { params: report.rows[0]!.params, macs: report.rows[0]!.macs },
    });
    // absolute peaks: 2·10¹⁰ MACs and 10⁹ bytes per second, so a time per layer
    const device = {
      ...ridgePointProfile(rational(20), "int8"),
      name: "timed",
      peakMacsPerSecond: 20_000_000_000n,
      bandwidthBytesPerSecond: 1_000_000_000n,
    };
    const costs = roofline(report, device, "block", "int8");
    const timed = snapshotOfReport("v2@0.5", report, costs);
    expect(Object.keys(timed.values)).toEqual(["params", "macs", "bytes", "roofline_macs", "latency_ms"]);
    expect(timed.values.bytes).toBe(costs.totals.bytes);
    expect(timed.values.roofline_macs).toBe(Number(toDecimal(costs.totals.rooflineMacs, 1)));
    expect(timed.values.latency_ms).toBe(Number(toDecimal(costs.totals.latencyMs!, 6)));
    const row = costs.rows[3]!;
    expect(timed.layers![3]!.values).toEqual({
      params: report.rows[3]!.params,
      macs: report.rows[3]!.macs,
      bytes: row.bytes,
      // to 6 decimals, as the totals' time
      latency_ms: Number(toDecimal(row.latencyMs!, 6)),
    });
  });

  test("a roofline without time (a ridge-point profile): bytes and MAC-equivalents only", async () => {
    const spec = await loadModel("v1", process.cwd());
    const report = evaluateModel(spec, {
      alpha: { text: "1", value: 1 },
      convention: resolveConvention("paper"),
    });
    const costs = roofline(report, BUILTIN_HARDWARE["pixel8-edgetpu"], "block", "int8");
    const snapshot = snapshotOfReport("v1", report, costs);
    expect(Object.keys(snapshot.values)).toEqual(["params", "macs", "bytes", "roofline_macs"]);
    expect(Object.keys(snapshot.layers![0]!.values)).toEqual(["params", "macs", "bytes"]);
  });
});
