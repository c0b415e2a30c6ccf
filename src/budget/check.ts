/**
 * checkBudget: a report's values against a budget's limits. Pure; the exit
 * code follows from the results (budgetExitCode).
 */
import { type Rational, rational } from "../algebra/rational.js";
import type { CostReport } from "../evaluate/cost.js";
import { DTYPES, peakMemory } from "../evaluate/memory.js";
import type { Budget } from "./schema.js";
import { parseQuantity } from "./quantity.js";

export const METRICS = ["macs", "flops", "params", "peak_memory"] as const;
export type BudgetMetric = (typeof METRICS)[number];

export interface MetricResult {
  readonly metric: BudgetMetric;
  readonly value: bigint;
  readonly limit: bigint;
  /** The limit raised by the tolerance: the value must not exceed it. */
  readonly allowed: Rational;
  /** limit − value: negative when over the limit. */
  readonly headroom: bigint;
  readonly passed: boolean;
}

export interface BudgetResult {
  readonly name: string;
  readonly budget: Budget;
  readonly report: CostReport;
  readonly metrics: readonly MetricResult[];
  readonly passed: boolean;
}

const measures: Record<BudgetMetric, (report: CostReport, budget: Budget) => bigint> = {
  macs: (r) => r.totals.macs,
  flops: (r) => 2n * r.totals.macs,
  params: (r) => r.totals.params,
  peak_memory: (r, b) => peakMemory(r.rows, "block").elements * DTYPES[b.dtype ?? "fp32"],
};

export function checkBudget(name: string, budget: Budget, report: CostReport): BudgetResult {
  const tolerance = budget.tolerance ?? 0;
  // tolerance in percent, exactly: limit · (1 + t/100), t given with at most 6 decimals
  const tol = rational(Math.round(tolerance * 1e6), 100_000_000);
  const metrics: MetricResult[] = [];
  for (const metric of METRICS) {
    const raw = budget[`max_${metric}`];
    if (raw === undefined) continue;
    const limit = parseQuantity(raw)!;
    const value = measures[metric](report, budget);
    const allowed = rational(limit * (tol.den + tol.num), tol.den);
    metrics.push({
      metric,
      value,
      limit,
      allowed,
      headroom: limit - value,
      passed: value * allowed.den <= allowed.num,
    });
  }
  return { name, budget, report, metrics, passed: metrics.every((m) => m.passed) };
}

export const allPassed = (results: readonly BudgetResult[]): boolean => results.every((r) => r.passed);
