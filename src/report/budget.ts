/** Budget check reports: table/JSON/Markdown, JUnit XML, GitHub Actions annotations. */
import { toDecimal, rational } from "../algebra/rational.js";
import type { BudgetMetric, BudgetResult, MetricResult } from "../budget/check.js";
import type { Cell, ReportDocument } from "./document.js";
import { groupDigits, humanize, signedCount } from "./numbers.js";
import { alphaPart, modelShortName } from "./layers.js";
import { escapeXml as xml } from "./untrusted-text.js";
import { resolutionSize, resolutionValue } from "../model/resolution.js";

const METRIC_LABEL: Record<BudgetMetric, string> = {
  macs: "MACs",
  flops: "FLOPs (2×MACs)",
  params: "params",
  peak_memory: "peak memory (bytes)",
  arena_bytes: "arena (bytes)",
  bytes: "bytes moved",
  roofline_macs: "roofline MACs (rounded up)",
  latency_us: "latency (µs, rounded up)",
};

const headroomPct = (m: MetricResult): string =>
  toDecimal(rational(m.headroom * 100n, m.limit === 0n ? 1n : m.limit), 1);

function describe(result: BudgetResult): string {
  const r = result.report;
  return `${modelShortName(r.model)} ${alphaPart(r, " ")}${resolutionSize(r.resolution)}, ${r.convention.name}`;
}

/** "MACs 300.77M exceed the limit of 100M by 200.8%" */
export function failureMessage(result: BudgetResult, exact = false): string {
  const show = (n: bigint) => (exact ? groupDigits(n) : humanize(n));
  return result.metrics
    .filter((m) => !m.passed)
    .map(
      (m) =>
        `${METRIC_LABEL[m.metric]} ${show(m.value)} exceed the limit of ${show(m.limit)} by ${toDecimal(rational(-m.headroom * 100n, m.limit === 0n ? 1n : m.limit), 1)}%${result.budget.tolerance ? ` (tolerance ${result.budget.tolerance}%)` : ""}`,
    )
    .join("; ");
}

export function budgetDocument(results: readonly BudgetResult[], exact: boolean): ReportDocument {
  const failed = results.filter((r) => !r.passed);
  const rows: Cell[][] = results.flatMap((result) =>
    result.metrics.map((m, i): Cell[] => [
      i === 0 ? result.name : "",
      i === 0 ? describe(result) : "",
      METRIC_LABEL[m.metric],
      m.value,
      m.limit,
      `${signedCount(m.headroom, exact)} (${headroomPct(m)}%)`,
      m.passed ? (m.headroom < 0n ? "ok (within tolerance)" : "ok") : "EXCEEDED",
    ]),
  );
  return {
    title: `Budgets: ${results.length - failed.length} of ${results.length} within their limits`,
    meta:
      failed.length === 0
        ? ["all budgets hold"]
        : failed.map((r) => `EXCEEDED ${r.name}: ${failureMessage(r, exact)}`),
    grids: [
      {
        columns: [
          { header: "budget" },
          { header: "model" },
          { header: "metric" },
          { header: "value", align: "right" },
          { header: "limit", align: "right" },
          { header: "headroom", align: "right" },
          { header: "status" },
        ],
        rows,
      },
    ],
    notes: ["headroom = limit − value; a tolerance lets a value exceed its limit by that percent."],
    data: {
      passed: failed.length === 0,
      budgets: results.map((r) => ({
        name: r.name,
        model: modelShortName(r.report.model),
        alpha: r.report.alpha.value,
        resolution: resolutionValue(r.report.resolution),
        convention: r.report.convention.name,
        passed: r.passed,
        checks: r.metrics.map((m) => ({
          metric: m.metric,
          value: m.value,
          limit: m.limit,
          ...(r.budget.tolerance !== undefined && { tolerance_pct: r.budget.tolerance }),
          headroom: m.headroom,
          headroom_pct: Number(headroomPct(m)),
          passed: m.passed,
        })),
      })),
    },
  };
}

/** JUnit XML: one testcase per budget, a <failure> for each exceeded one. */
export function renderJunit(results: readonly BudgetResult[]): string {
  const failures = results.filter((r) => !r.passed).length;
  const cases = results.map((r) => {
    const details = r.metrics
      .map(
        (m) =>
          `${METRIC_LABEL[m.metric]}: ${groupDigits(m.value)} of ${groupDigits(m.limit)} (${m.passed ? "ok" : "exceeded"})`,
      )
      .join("\n");
    const body = r.passed
      ? `<system-out>${xml(details)}</system-out>`
      : `<failure type="BudgetExceeded" message="${xml(failureMessage(r, true))}">${xml(details)}</failure>`;
    return `    <testcase classname="mbn-cost.budgets" name="${xml(r.name)}">\n      ${body}\n    </testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="mbn-cost" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="mbn-cost budgets" tests="${results.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

/** Where the budgets are written: the file as the workflow names it, and the line each budget starts on. */
export interface BudgetLines {
  readonly file: string;
  readonly lines: readonly number[];
}

/** GitHub Actions workflow commands: one ::error per exceeded budget, on its line of the budgets file. */
export function githubAnnotations(results: readonly BudgetResult[], where?: BudgetLines): string {
  return results
    .map((r, i) => ({ r, line: where?.lines[i] }))
    .filter(({ r }) => !r.passed)
    .map(({ r, line }) => {
      const at = where && line !== undefined ? `file=${workflowProperty(where.file)},line=${line},` : "";
      return `::error ${at}title=${workflowProperty(`mbn-cost budget exceeded: ${r.name}`)}::${workflowData(`${r.name}: ${failureMessage(r, true)}`)}\n`;
    })
    .join("");
}

/** A workflow command's message, escaped as the runner reads it: %, CR and LF. */
export const workflowData = (s: string): string =>
  s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A workflow command's property value: its message's escapes, and : and , (which end a property). */
export const workflowProperty = (s: string): string =>
  workflowData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
