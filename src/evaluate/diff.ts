/**
 * Cost diffs: two snapshots of what the tool computed (saved JSON of a report, a comparison or a
 * budget check, or budgets evaluated at two commits), paired model by model: the change of each
 * metric, exact for counts, and the layers that changed most.
 */
import type { CostReport } from "./cost.js";
import type { Roofline } from "./roofline.js";
import { toDecimal } from "../algebra/rational.js";

/** The metrics a diff shows, in order: counts (exact integers), the roofline's MAC-equivalents and a calibrated device's time (decimals). */
export const DIFF_METRICS = ["params", "macs", "bytes", "roofline_macs", "latency_ms"] as const;
export type DiffMetric = (typeof DIFF_METRICS)[number];

/** A metric's value: a count exactly, a time in milliseconds as a decimal. */
export type MetricValue = bigint | number;

export interface SnapshotLayer {
  readonly name: string;
  readonly values: Partial<Record<DiffMetric, MetricValue>>;
}

export interface SnapshotModel {
  /** What pairs it with its counterpart: a spec, a budget's name. */
  readonly key: string;
  readonly values: Partial<Record<DiffMetric, MetricValue>>;
  /** Per layer, where the snapshot has them (a report's JSON). */
  readonly layers?: readonly SnapshotLayer[];
}

export interface MetricChange {
  readonly metric: DiffMetric;
  readonly base: MetricValue;
  readonly head: MetricValue;
  readonly change: MetricValue;
  /** The change in percent of the base; undefined from a base of 0. */
  readonly pct: number | undefined;
}

export interface LayerChange {
  readonly name: string;
  /** "changed", or only in one snapshot. */
  readonly status: "changed" | "added" | "removed";
  readonly base: MetricValue;
  readonly head: MetricValue;
  readonly change: MetricValue;
}

export interface ModelDiff {
  readonly key: string;
  readonly status: "changed" | "added" | "removed";
  readonly metrics: readonly MetricChange[];
  /** The layers whose MACs changed most (by size of the change), at most the number asked. */
  readonly layers: readonly LayerChange[];
}

const subtract = (a: MetricValue, b: MetricValue): MetricValue =>
  typeof a === "bigint" && typeof b === "bigint" ? a - b : Number(a) - Number(b);

const isZero = (v: MetricValue) => (typeof v === "bigint" ? v === 0n : v === 0);

/** The change in percent, to 2 decimals of exactness for counts (10,000ths of the base). */
function percentOf(change: MetricValue, base: MetricValue): number | undefined {
  if (isZero(base)) return undefined;
  if (typeof change === "bigint" && typeof base === "bigint")
    return Number(toDecimal({ num: change * 100n, den: base < 0n ? -base : base }, 4));
  return (Number(change) / Math.abs(Number(base))) * 100;
}

function metricChanges(base: SnapshotModel, head: SnapshotModel): MetricChange[] {
  return DIFF_METRICS.flatMap((metric) => {
    const [b, h] = [base.values[metric], head.values[metric]];
    if (b === undefined || h === undefined) return [];
    const change = subtract(h, b);
    return [{ metric, base: b, head: h, change, pct: percentOf(change, b) }];
  });
}

const magnitude = (v: MetricValue): number => Math.abs(Number(v));

/** The layers whose MACs changed, largest change first (a layer only in one side counts whole). */
function layerChanges(base: SnapshotModel, head: SnapshotModel, most: number): LayerChange[] {
  if (!base.layers || !head.layers || most === 0) return [];
  const before = new Map(base.layers.map((l) => [l.name, l.values.macs ?? 0n]));
  const after = new Map(head.layers.map((l) => [l.name, l.values.macs ?? 0n]));
  const changes: LayerChange[] = [];
  for (const [name, h] of after) {
    const b = before.get(name);
    if (b === undefined) changes.push({ name, status: "added", base: 0n, head: h, change: h });
    else if (!isZero(subtract(h, b)))
      changes.push({ name, status: "changed", base: b, head: h, change: subtract(h, b) });
  }
  for (const [name, b] of before)
    if (!after.has(name))
      changes.push({ name, status: "removed", base: b, head: 0n, change: subtract(0n, b) });
  return changes.sort((x, y) => magnitude(y.change) - magnitude(x.change)).slice(0, most);
}

/**
 * Pairs the models of two snapshots by key (two single-model snapshots pair whatever their keys,
 * as v2.json against v2-half.json) and diffs each pair; a model on one side only is listed as such.
 */
export function diffSnapshots(
  base: readonly SnapshotModel[],
  head: readonly SnapshotModel[],
  mostLayers: number,
): ModelDiff[] {
  if (base.length === 1 && head.length === 1) {
    const [b, h] = [base[0]!, head[0]!];
    const key = b.key === h.key ? h.key : `${b.key} → ${h.key}`;
    return [{ key, status: "changed", metrics: metricChanges(b, h), layers: layerChanges(b, h, mostLayers) }];
  }
  const before = new Map(base.map((m) => [m.key, m]));
  const after = new Map(head.map((m) => [m.key, m]));
  const diffs: ModelDiff[] = head.map((h) => {
    const b = before.get(h.key);
    return b
      ? {
          key: h.key,
          status: "changed",
          metrics: metricChanges(b, h),
          layers: layerChanges(b, h, mostLayers),
        }
      : { key: h.key, status: "added", metrics: [], layers: [] };
  });
  for (const b of base)
    if (!after.has(b.key)) diffs.push({ key: b.key, status: "removed", metrics: [], layers: [] });
  return diffs;
}

/** The changes past `limitPct` percent of growth, for --fail-on-increase. */
export const growthPast = (diffs: readonly ModelDiff[], limitPct: number) =>
  diffs.flatMap((d) =>
    d.metrics.filter((m) => m.pct !== undefined && m.pct > limitPct).map((m) => ({ key: d.key, change: m })),
  );

/** What a report (and its roofline on a hardware profile) puts in a snapshot, per model and per layer. */
export function snapshotOfReport(key: string, report: CostReport, costs?: Roofline): SnapshotModel {
  const t = costs?.totals;
  return {
    key,
    values: {
      params: report.totals.params,
      macs: report.totals.macs,
      ...(t && { bytes: t.bytes, roofline_macs: Number(toDecimal(t.rooflineMacs, 1)) }),
      ...(t?.latencyMs !== undefined && { latency_ms: Number(toDecimal(t.latencyMs, 6)) }),
    },
    layers: report.rows.map((row, i) => {
      const r = costs?.rows[i];
      return {
        name: row.name,
        values: {
          params: row.params,
          macs: row.macs,
          ...(r && { bytes: r.bytes }),
          ...(r?.latencyMs !== undefined && { latency_ms: Number(toDecimal(r.latencyMs, 6)) }),
        },
      };
    }),
  };
}
