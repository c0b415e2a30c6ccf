/** `mbn-cost explain`: the difference between two conventions, line by line. */
import type { ExplainRow, Explanation } from "../evaluate/explain.js";
import type { Convention } from "../model/conventions.js";
import type { Cell, Grid, ReportDocument } from "./document.js";
import {
  alphaPart,
  conventionDetails,
  conventionLine,
  modelShortName,
  modelTitle,
  unitOf,
} from "./layers.js";
import { groupDigits } from "./numbers.js";
import { resolutionSize, resolutionValue } from "../model/resolution.js";

const signed = (n: bigint): string => (n > 0n ? `+${groupDigits(n)}` : groupDigits(n));
const how = (r: ExplainRow["from"]): string =>
  r.factor === 0n ? "not counted" : r.factor === 1n ? "×1" : `×${r.factor}`;

function grid(
  title: string,
  rows: readonly ExplainRow[],
  from: string,
  to: string,
  unitFrom: string,
  unitTo: string,
): Grid {
  const body: Cell[][] = rows.map((r) => [
    r.title,
    r.from.amount === r.to.amount
      ? r.from.amount
      : `${groupDigits(r.from.amount)} → ${groupDigits(r.to.amount)}`,
    how(r.from),
    r.from.value,
    how(r.to),
    r.to.value,
    signed(r.difference),
  ]);
  const total = (pick: (r: ExplainRow) => bigint) => rows.reduce((a, r) => a + pick(r), 0n);
  return {
    title,
    columns: [
      { header: "what" },
      { header: "elements / count", align: "right" },
      { header: `${from}`, align: "right" },
      { header: unitFrom, align: "right" },
      { header: `${to}`, align: "right" },
      { header: unitTo, align: "right" },
      { header: "difference", align: "right" },
    ],
    rows: body,
    footer: [
      [
        "total",
        "",
        "",
        total((r) => r.from.value),
        "",
        total((r) => r.to.value),
        signed(total((r) => r.difference)),
      ],
    ],
  };
}

const rowsData = (rows: readonly ExplainRow[]) =>
  rows.map((r) => ({
    key: r.key,
    description: r.title,
    from: { amount: r.from.amount, factor: r.from.factor, value: r.from.value },
    to: { amount: r.to.amount, factor: r.to.factor, value: r.to.value },
    difference: r.difference,
  }));

const totalOf = (rows: readonly ExplainRow[], pick: (r: ExplainRow) => bigint) =>
  rows.reduce((a, r) => a + pick(r), 0n);

function explainData(e: Explanation) {
  const side = (c: Convention, pick: (r: ExplainRow) => bigint) => ({
    convention: c.name,
    unit: c.unit,
    total: totalOf(e.count, pick),
    params: totalOf(e.params, pick),
  });
  return {
    model: modelShortName(e.from.model),
    alpha: e.from.alpha.value,
    resolution: resolutionValue(e.from.resolution),
    from: side(e.from.convention, (r) => r.from.value),
    to: side(e.to.convention, (r) => r.to.value),
    difference: totalOf(e.count, (r) => r.difference),
    params_difference: totalOf(e.params, (r) => r.difference),
    rows: rowsData(e.count),
    params: rowsData(e.params),
    architectures_differ: e.architecturesDiffer,
  };
}

/** CSV: both tables in long form, one row per kind of work, raw amounts and factors. */
function explainCsv(e: Explanation): Grid {
  const rows = (table: string, list: readonly ExplainRow[]): Cell[][] =>
    list.map((r) => [
      table,
      r.key,
      r.title,
      r.from.amount,
      r.from.factor,
      r.from.value,
      r.to.amount,
      r.to.factor,
      r.to.value,
      r.difference,
    ]);
  const names = ["table", "key", "description", "from_amount", "from_factor", "from_value"];
  return {
    columns: [...names, "to_amount", "to_factor", "to_value", "difference"].map((header) => ({ header })),
    rows: [...rows("count", e.count), ...rows("params", e.params)],
  };
}

export function explainDocument(e: Explanation): ReportDocument {
  const f = e.from.convention;
  const t = e.to.convention;
  const unit = (c: Convention) => (unitOf(c).perMac === 1n ? "count" : unitOf(c).name);
  const countTitle = `What each convention counts (${unit(f)} of ${f.name} vs ${unit(t)} of ${t.name})`;
  const countGrid = grid(countTitle, e.count, f.name, t.name, unit(f), unit(t));
  const paramGrid = grid("Parameters", e.params, f.name, t.name, "params", "params");
  const widths = `The two conventions build different layer widths (${f.rules} vs ${t.rules} width rules), so the weights' MACs and parameters differ too.`;
  const notes = [
    ...(e.architecturesDiffer ? [widths] : []),
    ...[f, t].filter((c) => c.reference).map((c) => `${c.name} follows ${c.reference}.`),
    "Every row is exact; the differences add up to the difference of the totals.",
  ];
  const r = e.from;
  return {
    title: `From ${f.name} to ${t.name}: ${modelTitle(r.model)} · ${alphaPart(r, " · ")}${resolutionSize(r.resolution)}`,
    meta: [conventionLine(f), conventionLine(t)],
    details: [conventionDetails(f), conventionDetails(t)],
    grids: [countGrid, paramGrid],
    csv: explainCsv(e),
    notes,
    data: explainData(e),
  };
}
