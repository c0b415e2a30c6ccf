/**
 * Why two conventions give different numbers: the difference split by what
 * each counts, in each convention's own reported unit. The rows sum to the
 * totals of both reports exactly, so the differences sum to the difference.
 */
import { WORK_CATEGORIES, WORK_TITLES, type WorkCategory } from "../layers/define-layer-kind.js";
import { bnParamsFactor, type Convention, workFactorsOf } from "../model/conventions.js";
import { UNIT_DESCRIPTORS } from "../model/units.js";
import type { CostReport, LayerRow } from "./cost.js";

export interface ExplainSide {
  /** Elements (or MACs, or parameters) the category covers under this side's architecture. */
  readonly amount: bigint;
  /** Operations per element this side counts (0 when it ignores the category); × 2 in FLOPs. */
  readonly factor: bigint;
  readonly value: bigint;
}

export interface ExplainRow {
  readonly key: string;
  readonly title: string;
  readonly from: ExplainSide;
  readonly to: ExplainSide;
  readonly difference: bigint;
}

export interface Explanation {
  readonly from: CostReport;
  readonly to: CostReport;
  readonly count: readonly ExplainRow[];
  readonly params: readonly ExplainRow[];
  /** The two conventions build different layer widths (their rules differ and the weights' MACs differ). */
  readonly architecturesDiffer: boolean;
}

const unitFactor = (c: Convention): bigint => UNIT_DESCRIPTORS[c.unit].perMac;
const sum = (rows: readonly LayerRow[], pick: (r: LayerRow) => bigint) =>
  rows.reduce((a, r) => a + pick(r), 0n);

/** Elements of one kind of work in ops called as modules, or as functions (V2's final pool). */
function workAmount(report: CostReport, category: WorkCategory, functional: boolean): bigint {
  return report.rows.reduce(
    // a mean pool (x.mean) is counted by no convention: it has no row
    (a, r) =>
      r.functional !== "mean" && (r.functional === true) === functional ? a + (r.work[category] ?? 0n) : a,
    0n,
  );
}

function side(amount: bigint, factor: bigint): ExplainSide {
  return { amount, factor, value: amount * factor };
}

function row(key: string, title: string, from: ExplainSide, to: ExplainSide): ExplainRow {
  return { key, title, from, to, difference: to.value - from.value };
}

/** What each counts: the weights' MACs, the attention matmuls, then each kind of element-wise work, module and functional. */
function countRows(from: CostReport, to: CostReport): ExplainRow[] {
  const [f, t] = [from.convention, to.convention];
  const weightMacs = (r: CostReport, c: Convention) =>
    side(
      sum(r.rows, (row) => row.weightMacs),
      unitFactor(c),
    );
  const count: ExplainRow[] = [
    row("macs", "conv and FC multiply-accumulates", weightMacs(from, f), weightMacs(to, t)),
  ];
  const matmuls = (r: CostReport, c: Convention) =>
    side(
      sum(r.rows, (row) => row.matmulMacs),
      c.matmuls === false ? 0n : unitFactor(c),
    );
  if (matmuls(from, f).amount !== 0n || matmuls(to, t).amount !== 0n)
    count.push(row("matmuls", "attention matmuls (Q·Kᵀ and A·V)", matmuls(from, f), matmuls(to, t)));
  for (const category of WORK_CATEGORIES) {
    for (const functional of [false, true]) {
      const a = workAmount(from, category, functional);
      const b = workAmount(to, category, functional);
      if (a === 0n && b === 0n) continue;
      const factor = (c: Convention) => (workFactorsOf({ functional }, c)[category] ?? 0n) * unitFactor(c);
      const title = WORK_TITLES[category] + (functional ? ", functional call" : "");
      count.push(
        row(functional ? `${category}-functional` : category, title, side(a, factor(f)), side(b, factor(t))),
      );
    }
  }
  return count;
}

/** Parameters: weights, biases, BatchNorm (×2 where the moving mean and variance count too, as Keras). */
function paramRows(from: CostReport, to: CostReport): ExplainRow[] {
  const [f, t] = [from.convention, to.convention];
  const paramSide = (report: CostReport, part: "weights" | "bias" | "bn", factor: bigint) =>
    side(
      sum(report.rows, (r) => r.paramParts[part]),
      factor,
    );
  return [
    row("weights", "weights", paramSide(from, "weights", 1n), paramSide(to, "weights", 1n)),
    row("bias", "biases", paramSide(from, "bias", f.bias ? 1n : 0n), paramSide(to, "bias", t.bias ? 1n : 0n)),
    row(
      "bn",
      "BatchNorm γ and β",
      paramSide(from, "bn", bnParamsFactor(f)),
      paramSide(to, "bn", bnParamsFactor(t)),
    ),
  ];
}

export function explainDifference(from: CostReport, to: CostReport): Explanation {
  const count = countRows(from, to);
  const params = paramRows(from, to);
  return {
    from,
    to,
    count,
    params,
    architecturesDiffer:
      count[0]!.from.amount !== count[0]!.to.amount || params[0]!.from.amount !== params[0]!.to.amount,
  };
}
