import { toDecimal } from "../algebra/rational.js";
import type { BreakdownBy } from "../evaluate/breakdown.js";
import type { AlignedRow, Comparison, FoldedNormComparison } from "../evaluate/compare.js";
import type { CostReport } from "../evaluate/cost.js";
import type { Chart } from "./chart.js";
import type { Cell, Column, Grid, ReportDocument } from "./document.js";
import { GROUPINGS } from "./groupings.js";
import {
  conventionData,
  conventionDetails,
  conventionLine,
  countFields,
  inUnit,
  modelShortName,
  unitLabel,
  unitOf,
} from "./layers.js";
import { pct } from "./breakdown.js";
import { humanize } from "./numbers.js";
import { resolutionText, resolutionValue } from "../model/resolution.js";

/** FD-MobileNet's argument compares the MACs spent at the four largest resolutions. */
const LARGEST = 4;

function largestResolutionsNote(
  specs: readonly ComparedSpec[],
  rows: readonly AlignedRow[],
): string | undefined {
  const row = rows[LARGEST - 1];
  if (!row || rows.length <= LARGEST) return undefined;
  const c = specs[0]!.report.convention;
  const parts = row.cells.map(
    (cell, i) =>
      `${specs[i]!.spec} ${humanize(inUnit(cell.cumulativeMacs, c))} (≈ ${humanize(inUnit(cell.cumulativeMacs, c), 0)}, ${pct(cell.cumulativeShare)}% of its total)`,
  );
  return `At the ${LARGEST} largest resolutions (down to ${row.key}×${row.key}): ${parts.join(", ")}.`;
}

/** Why a converted file's parameters differ from a built-in's, where folding BatchNorm explains it. */
function foldedNormNote(specs: readonly ComparedSpec[], f: FoldedNormComparison): string {
  const graph = specs[f.graph]!;
  const builtin = specs[f.builtin]!;
  const params = graph.report.totals.params;
  const count = (n: bigint) => n.toLocaleString("en-US");
  const difference = `${graph.spec} holds ${count(params)} parameters, ${builtin.spec} counts ${count(f.counted)} under this convention`;
  return params === f.folded
    ? `${difference}: the same network with each BatchNorm folded into its conv as a converter folds it (γ into the weights, β into one bias per output channel) has ${count(f.folded)}, the file's exactly.`
    : `${difference}; with each BatchNorm folded into its conv as a converter folds it, ${builtin.spec} has ${count(f.folded)}: the file differs otherwise too.`;
}

export interface ComparedSpec {
  /** As the user wrote it: v1@0.5, fd@1, v2@0.75/160. */
  readonly spec: string;
  readonly report: CostReport;
}

function totalsGrid(specs: readonly ComparedSpec[], compared: Compared): Grid {
  const c = specs[0]!.report.convention;
  return {
    columns: [
      { header: "spec" },
      { header: "model" },
      { header: "α", align: "right" },
      { header: "resolution", align: "right" },
      { header: "params", align: "right" },
      { header: unitLabel(c), align: "right" },
      { header: "params ×first", align: "right" },
      { header: `${unitOf(c).name} ×first`, align: "right" },
    ],
    rows: compared.map((t, i) => [
      specs[i]!.spec,
      t.report.model.spec.name,
      t.report.alpha.text,
      resolutionText(t.report.resolution),
      t.report.totals.params,
      inUnit(t.report.totals.macs, c),
      toDecimal(t.paramsRatio, 3),
      toDecimal(t.macsRatio, 3),
    ]),
  };
}

function alignedGrid(specs: readonly ComparedSpec[], by: BreakdownBy, rows: readonly AlignedRow[]): Grid {
  const c = specs[0]!.report.convention;
  const unit = unitOf(c).name;
  const grouping = GROUPINGS[by];
  const cumulative = grouping.cumulative;
  const columns: Column[] = [{ header: grouping.header }];
  for (const s of specs) {
    const beside = { align: "right", keepWithPrevious: true } as const;
    columns.push({ header: `${s.spec} ${unit}`, align: "right" }, { header: "%", ...beside });
    if (cumulative) columns.push({ header: "cumulative", ...beside }, { header: "cum. %", ...beside });
  }
  return {
    title: `${unit} by ${grouping.title}${cumulative ? " (cumulative from the largest)" : ""}`,
    columns,
    rows: rows.map((row) => [
      grouping.label(row.key),
      ...row.cells.flatMap((cell): Cell[] => [
        cell.group ? inUnit(cell.group.macs, c) : "—",
        cell.group ? pct(cell.group.macsShare) : "—",
        ...(cumulative ? [inUnit(cell.cumulativeMacs, c), pct(cell.cumulativeShare)] : []),
      ]),
    ]),
  };
}

type Compared = Comparison["totals"];

const headers = (names: readonly string[]): Column[] => names.map((header) => ({ header }));

/** CSV: one row per spec, its setting and convention, counts and exact ratios to the first (as decimals). */
function totalsCsv(specs: readonly ComparedSpec[], compared: Compared): Grid {
  const c = specs[0]!.report.convention;
  return {
    columns: headers([
      "spec",
      "model",
      "alpha",
      "depth",
      "resolution",
      "convention",
      "params",
      ...Object.keys(countFields(0n, c)),
      "params_ratio",
      "macs_ratio",
    ]),
    rows: compared.map((t, i) => [
      specs[i]!.spec,
      modelShortName(t.report.model),
      t.report.alpha.text,
      `${t.report.depth}`,
      resolutionText(t.report.resolution),
      c.name,
      t.report.totals.params,
      ...Object.values(countFields(t.report.totals.macs, c)),
      toDecimal(t.paramsRatio, 6),
      toDecimal(t.macsRatio, 6),
    ]),
  };
}

/** CSV in long form: one row per spec and group, then the spec's total (its key "total"). */
function alignedCsv(specs: readonly ComparedSpec[], by: BreakdownBy, rows: readonly AlignedRow[]): Grid {
  const c = specs[0]!.report.convention;
  const key = unitOf(c).key;
  const cumulative = GROUPINGS[by].cumulative;
  const names = ["spec", GROUPINGS[by].csvKey, key, `${key}_pct`];
  if (cumulative) names.push(`cumulative_${key}`, `cumulative_${key}_pct`);
  const body = specs.flatMap((s, i): Cell[][] => {
    const total = inUnit(s.report.totals.macs, c);
    const groups = rows.flatMap((row): Cell[][] => {
      const cell = row.cells[i]!;
      if (!cell.group) return [];
      const running = cumulative ? [inUnit(cell.cumulativeMacs, c), pct(cell.cumulativeShare)] : [];
      return [[s.spec, row.key, inUnit(cell.group.macs, c), pct(cell.group.macsShare), ...running]];
    });
    return [...groups, [s.spec, "total", total, "100.00", ...(cumulative ? [total, "100.00"] : [])]];
  });
  return { columns: headers(names), rows: body };
}

function compareChart(
  specs: readonly ComparedSpec[],
  compared: Compared,
  by?: BreakdownBy,
  aligned?: readonly AlignedRow[],
): Chart {
  const c = specs[0]!.report.convention;
  const names = specs.map((s) => s.spec).join(" vs ");
  if (aligned && by) {
    return {
      kind: "grouped-bars",
      title: `${unitOf(c).name} by ${GROUPINGS[by].title}: ${names}`,
      unit: unitLabel(c),
      categories: aligned.map((row) => GROUPINGS[by].label(row.key)),
      series: specs.map((s, i) => ({
        label: s.spec,
        values: aligned.map((row) => inUnit(row.cells[i]?.group?.macs ?? 0n, c)),
      })),
    };
  }
  return {
    kind: "bars",
    title: `Total ${unitLabel(c)}: ${names}`,
    unit: unitLabel(c),
    labels: "all",
    bars: compared.map((t, i) => ({
      label: specs[i]!.spec,
      value: inUnit(t.report.totals.macs, c),
      group: "",
      note: `×${toDecimal(t.macsRatio, 3)}`,
    })),
  };
}

const ratioData = (r: Compared[number]["macsRatio"]) => ({
  fraction: `${r.num}/${r.den}`,
  decimal: Number(toDecimal(r, 6)),
});

function modelData(specs: readonly ComparedSpec[], compared: Compared) {
  const c = specs[0]!.report.convention;
  return compared.map((t, i) => ({
    spec: specs[i]!.spec,
    model: modelShortName(t.report.model),
    name: t.report.model.spec.name,
    alpha: t.report.alpha.value,
    depth: t.report.depth,
    resolution: resolutionValue(t.report.resolution),
    totals: { params: t.report.totals.params, ...countFields(t.report.totals.macs, c) },
    ratio_to_first: { params: ratioData(t.paramsRatio), macs: ratioData(t.macsRatio) },
  }));
}

function alignedData(specs: readonly ComparedSpec[], by: BreakdownBy, aligned: readonly AlignedRow[]) {
  return aligned.map((row) => ({
    ...GROUPINGS[by].data(row.key),
    values: row.cells.map((cell, i) => ({
      spec: specs[i]!.spec,
      macs: cell.group?.macs ?? 0n,
      params: cell.group?.params ?? 0n,
      macs_pct: cell.group ? Number(pct(cell.group.macsShare)) : 0,
      cumulative_macs: cell.cumulativeMacs,
      cumulative_macs_pct: Number(pct(cell.cumulativeShare)),
    })),
  }));
}

/** `specs` and `comparison` describe the same reports, in the same order. */
export function compareDocument(specs: readonly ComparedSpec[], comparison: Comparison): ReportDocument {
  const c = specs[0]!.report.convention;
  const { totals: compared, by, aligned } = comparison;
  const totals = totalsGrid(specs, compared);
  const byGrid = aligned && by ? alignedGrid(specs, by, aligned) : undefined;
  // cumulative groupings (resolutions, largest first) carry FD-MobileNet's "four largest" argument
  const notes = [
    ...(by && aligned && GROUPINGS[by].cumulative
      ? [largestResolutionsNote(specs, aligned), ...GROUPINGS[by].notes]
      : []),
    ...comparison.foldedNorms.map((f) => foldedNormNote(specs, f)),
  ];
  return {
    chart: compareChart(specs, compared, by, aligned),
    title: `Comparison of ${specs.map((s) => s.spec).join(", ")}`,
    meta: [conventionLine(c), "ratios are to the first spec, exact fractions printed to 3 decimals"],
    details: [conventionDetails(c)],
    grids: byGrid ? [totals, byGrid] : [totals],
    notes: notes.filter((n): n is string => n !== undefined),
    csv: aligned && by ? alignedCsv(specs, by, aligned) : totalsCsv(specs, compared),
    data: {
      ...conventionData(c),
      models: modelData(specs, compared),
      ...(aligned && by && { [`by_${by}`]: alignedData(specs, by, aligned) }),
    },
  };
}
