/**
 * Several models side by side: totals with exact ratios to the first, and
 * breakdowns aligned key by key (missing keys count zero).
 */
import { type Rational, rational } from "../algebra/rational.js";
import { type BreakdownBy, type BreakdownGroup, breakdown } from "./breakdown.js";
import type { CostReport } from "./cost.js";

export interface ComparedTotals {
  readonly report: CostReport;
  /** This model's count over the first model's, exactly. */
  readonly paramsRatio: Rational;
  readonly macsRatio: Rational;
}

const ratio = (a: bigint, b: bigint): Rational => (b === 0n ? rational(0) : rational(a, b));

export function compareTotals(reports: readonly CostReport[]): ComparedTotals[] {
  const first = reports[0];
  if (!first) return [];
  return reports.map((report) => ({
    report,
    paramsRatio: ratio(report.totals.params, first.totals.params),
    macsRatio: ratio(report.totals.macs, first.totals.macs),
  }));
}

export interface AlignedCell {
  readonly group: BreakdownGroup | undefined;
  /** MACs of this key and every key before it (from the largest resolution down). */
  readonly cumulativeMacs: bigint;
  readonly cumulativeShare: Rational;
}

export interface AlignedRow {
  readonly key: string;
  readonly cells: readonly AlignedCell[];
}

export function alignBreakdowns(reports: readonly CostReport[], by: BreakdownBy): AlignedRow[] {
  const perReport = reports.map((r) => breakdown(r, by));
  const keys: string[] = [];
  for (const groups of perReport) for (const g of groups) if (!keys.includes(g.key)) keys.push(g.key);
  if (by === "resolution") keys.sort((a, b) => Number(b) - Number(a));
  const running = reports.map(() => 0n);
  return keys.map((key) => ({
    key,
    cells: perReport.map((groups, i) => {
      const group = groups.find((g) => g.key === key);
      running[i] = running[i]! + (group?.macs ?? 0n);
      return {
        group,
        cumulativeMacs: running[i]!,
        cumulativeShare: ratio(running[i]!, reports[i]!.totals.macs),
      };
    }),
  }));
}

/**
 * A built network's parameters as a converter stores them: each BatchNorm folded into the conv before
 * it (its γ into the weights, its β into one bias per output channel, joining a bias the conv has).
 */
export function foldedNormParams(report: CostReport): bigint {
  let params = 0n;
  for (const { paramParts } of report.rows) {
    const bias = paramParts.bias > 0n ? paramParts.bias : paramParts.bn / 2n;
    params += paramParts.weights + bias;
  }
  return params;
}

/**
 * A graph file beside a built-in model whose parameters differ: the built-in's with its BatchNorms
 * folded as converters fold them (TFLite, a BN-folded ONNX export), which a converted file holds.
 */
export interface FoldedNormComparison {
  readonly graph: number;
  readonly builtin: number;
  /** The built-in's parameters under the convention, and folded. */
  readonly counted: bigint;
  readonly folded: bigint;
}

export function foldedNormComparisons(reports: readonly CostReport[]): FoldedNormComparison[] {
  const builtin = reports.findIndex((r) => r.model.spec.graph === undefined);
  if (builtin < 0) return [];
  const counted = reports[builtin]!.totals.params;
  const folded = foldedNormParams(reports[builtin]!);
  return reports.flatMap((r, graph) =>
    r.model.spec.graph !== undefined && r.totals.params !== counted
      ? [{ graph, builtin, counted, folded }]
      : [],
  );
}

/** Totals with exact ratios to the first, and, with `by`, the breakdowns aligned key by key. */
export interface Comparison {
  readonly totals: readonly ComparedTotals[];
  readonly by?: BreakdownBy;
  readonly aligned?: readonly AlignedRow[];
  /** Graph files whose parameters differ from the (first) built-in's: that built-in's, folded. */
  readonly foldedNorms: readonly FoldedNormComparison[];
}

export function compareReports(reports: readonly CostReport[], by?: BreakdownBy): Comparison {
  const totals = compareTotals(reports);
  const foldedNorms = foldedNormComparisons(reports);
  return by ? { totals, by, aligned: alignBreakdowns(reports, by), foldedNorms } : { totals, foldedNorms };
}
