/** `--by type|resolution|block|layer`: groups with MACs, params and their shares. */
import { toDecimal } from "../algebra/rational.js";
import type { Breakdown, BreakdownBy, BreakdownGroup } from "../evaluate/breakdown.js";
import type { CostReport } from "../evaluate/cost.js";
import type { Cell, Column, Grid, ReportDocument } from "./document.js";
import { GROUPINGS } from "./groupings.js";
import { alphaPart, inUnit, layersDocument, modelTitle, unitKey, unitLabel, unitOf } from "./layers.js";
import type { ActivationMemory } from "../evaluate/memory.js";
import { resolutionSize } from "../model/resolution.js";

export const pct = (share: BreakdownGroup["macsShare"]): string =>
  toDecimal({ num: share.num * 100n, den: share.den }, 2);

export function breakdownData(groups: readonly BreakdownGroup[], by: BreakdownBy) {
  return groups.map((g) => ({
    ...GROUPINGS[by].data(g.key),
    layers: g.layers,
    macs: g.macs,
    params: g.params,
    macs_pct: Number(pct(g.macsShare)),
    params_pct: Number(pct(g.paramsShare)),
    macs_fraction: `${g.macsShare.num}/${g.macsShare.den}`,
    params_fraction: `${g.paramsShare.num}/${g.paramsShare.den}`,
  }));
}

export function breakdownGrid(report: CostReport, by: BreakdownBy, groups: readonly BreakdownGroup[]): Grid {
  const c = report.convention;
  const columns: Column[] = [
    { header: GROUPINGS[by].header },
    { header: "layers", align: "right" },
    { header: unitLabel(c), align: "right" },
    { header: `${unitOf(c).name} %`, align: "right" },
    { header: "params", align: "right" },
    { header: "params %", align: "right" },
  ];
  const rows: Cell[][] = groups.map((g) => [
    GROUPINGS[by].label(g.key),
    `${g.layers}`,
    inUnit(g.macs, c),
    pct(g.macsShare),
    g.params,
    pct(g.paramsShare),
  ]);
  const layerCount = groups.reduce((a, g) => a + g.layers, 0);
  return {
    columns,
    rows,
    footer: [
      ["total", `${layerCount}`, inUnit(report.totals.macs, c), "100.00", report.totals.params, "100.00"],
    ],
  };
}

export function breakdownDocument(
  report: CostReport,
  analysis: Breakdown,
  memory: ActivationMemory,
): ReportDocument {
  const { by, groups } = analysis;
  const base = layersDocument(report, memory);
  const grid = breakdownGrid(report, by, groups);
  const grouping = GROUPINGS[by];
  const omitted =
    analysis.omitted.length > 0
      ? [`Left out, having neither MACs nor params under this convention: ${analysis.omitted.join(", ")}.`]
      : [];
  const notes = [...analysis.figureNotes, ...grouping.notes, ...omitted];
  return {
    ...base,
    grids: [grid],
    csv: {
      columns: [
        grouping.csvKey,
        "layers",
        unitKey(report.convention),
        `${unitKey(report.convention)}_pct`,
        "params",
        "params_pct",
      ].map((header) => ({ header })),
      // the table's totals row too, keyed "total", as in compare's CSV
      rows: [...grid.rows.map((row, i) => [groups[i]!.key, ...row.slice(1)]), ...(grid.footer ?? [])],
    },
    notes: [...notes, ...base.notes],
    chart: {
      kind: "bars",
      title: `${modelTitle(report.model)} ${alphaPart(report, " ")}${resolutionSize(report.resolution)}: ${unitLabel(report.convention)} by ${grouping.header}`,
      unit: unitLabel(report.convention),
      labels: "all",
      bars: groups.map((g) => ({
        label: grouping.label(g.key),
        value: inUnit(g.macs, report.convention),
        group: "",
        note: `${pct(g.macsShare)}%`,
        // every grouping's bar is coloured by op type: stacked when a group holds several
        segments: g.macsByType
          .filter((t) => t.macs > 0n)
          .map((t) => ({ group: t.type, value: inUnit(t.macs, report.convention) })),
      })),
    },
    data: {
      ...(base.data as object),
      [`by_${by}`]: breakdownData(groups, by),
      notes: [...notes, ...base.notes],
    },
  };
}
