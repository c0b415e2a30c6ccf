/**
 * checkBudget: a report's values against a budget's limits. Pure; the exit
 * code follows from the results (budgetExitCode).
 */
import { mulRational, type Rational, rational } from "../algebra/rational.js";
import type { Roofline } from "../evaluate/roofline.js";
import type { CostReport } from "../evaluate/cost.js";
import { arenaPeak, DTYPES, peakMemory } from "../evaluate/memory.js";
import type { Budget } from "./schema.js";
import { parseQuantity } from "./quantity.js";

export const METRICS = [
  "macs",
  "flops",
  "params",
  "peak_memory",
  "arena_bytes",
  "bytes",
  "roofline_macs",
  "latency_us",
] as const;
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

const ceil = (r: Rational): bigint => (r.num + r.den - 1n) / r.den;

/**
 * Each metric as an integer, so a value passes exactly when it is within an integer limit:
 * the roofline cost rounded up, latency in microseconds rounded up (the limit, in ms with up
 * to 3 decimals, is a whole number of µs).
 */
const measures: Record<BudgetMetric, (report: CostReport, budget: Budget, costs?: Roofline) => bigint> = {
  macs: (r) => r.totals.macs,
  flops: (r) => 2n * r.totals.macs,
  params: (r) => r.totals.params,
  peak_memory: (r, b) => peakMemory(r.rows, "block").elements * DTYPES[b.dtype ?? "fp32"],
  // each tensor at its own type (a file's), unless the budget gives a dtype
  arena_bytes: (r, b) =>
    arenaPeak(r.rows, { dtype: b.dtype ?? "fp32", overridden: b.dtype !== undefined }).bytes,
  bytes: (_r, _b, costs) => costs!.totals.bytes,
  roofline_macs: (_r, _b, costs) => ceil(costs!.totals.rooflineMacs),
  latency_us: (_r, _b, costs) => ceil(mulRational(costs!.totals.latencyMs!, rational(1000n))),
};

/** A metric's limit as an integer: latency in µs. */
function limitOf(metric: BudgetMetric, raw: string | number): bigint {
  if (metric !== "latency_us") return parseQuantity(raw)!;
  const [whole = "0", fraction = ""] = String(raw).split(".");
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, "0"));
}

export function checkBudget(
  name: string,
  budget: Budget,
  report: CostReport,
  costs?: Roofline,
): BudgetResult {
  const tolerance = budget.tolerance ?? 0;
  // tolerance in percent, exactly: limit · (1 + t/100), t given with at most 6 decimals
  const tol = rational(Math.round(tolerance * 1e6), 100_000_000);
  const metrics: MetricResult[] = [];
  for (const metric of METRICS) {
    // the latency budget is written in milliseconds, and checked in whole microseconds
    const raw = budget[metric === "latency_us" ? "max_latency_ms" : (`max_${metric}` as const)];
    if (raw === undefined) continue;
    const limit = limitOf(metric, raw);
    const value = measures[metric](report, budget, costs);
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
