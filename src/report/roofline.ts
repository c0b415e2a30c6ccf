/**
 * The per-layer report with hardware (`--hardware`, `--ridge-point`): bytes
 * moved, intensity, the bound, and the roofline cost of each layer, in
 * MAC-equivalents or milliseconds, with its share. Renders only.
 */
import { divRational, type Rational, rational, toDecimal } from "../algebra/rational.js";
import type { CostReport } from "../evaluate/cost.js";
import type { ActivationMemory } from "../evaluate/memory.js";
import { describeRates } from "./calibration.js";
import { FUSION_SUMMARY } from "../evaluate/option-names.js";
import type { Roofline, RooflineGroup, RooflineGrouping, RooflineRow } from "../evaluate/roofline.js";
import type { Chart } from "./chart.js";
import type { Cell, Grid, ReportDocument } from "./document.js";
import { layersDocument, modelTitle, tableName } from "./layers.js";
import { exactCell, humanize, milliseconds } from "./numbers.js";

/** An exact rational as people read it: humanized like a count when large, else 2 decimals. */
const shown = (r: Rational, digits = 2): string => {
  const whole = r.num / r.den;
  return whole >= 1000n ? humanize(whole) : toDecimal(r, digits);
};
const share = (part: Rational, whole: Rational): string =>
  whole.num === 0n ? "0.00" : toDecimal(divRational(rational(part.num * 100n, part.den), whole), 2);

/** JSON: an integer stays an integer; a fraction is printed as a decimal, with the exact fraction beside it. */
export const exactNumber = (r: Rational): bigint | number =>
  r.den === 1n ? r.num : Number(toDecimal(r, 12));

const timed = (roofline: Roofline) => roofline.totals.latencyMs !== undefined;
const costOf = (roofline: Roofline, r: RooflineRow): Rational =>
  timed(roofline) ? r.latencyMs! : r.rooflineMacs;
const totalCost = (roofline: Roofline): Rational =>
  timed(roofline) ? roofline.totals.latencyMs! : roofline.totals.rooflineMacs;

/** A calibrated profile's rows: each layer's compute, memory and overhead times (evaluate/latency.ts). */
const calibrated = (roofline: Roofline) => roofline.rows.length > 0 && roofline.rows.every((r) => r.latency);

const LATENCY_PARTS_COLUMNS = [
  { header: "compute ms", align: "right" },
  { header: "memory ms", align: "right" },
  { header: "overhead ms", align: "right" },
] as const;

const latencyParts = (r: RooflineRow): Cell[] => [
  milliseconds(r.latency!.computeMs),
  milliseconds(r.latency!.memoryMs),
  milliseconds(r.latency!.overheadMs),
];

function rooflineGrid(report: CostReport, roofline: Roofline, exact: boolean): Grid {
  const costHeader = timed(roofline) ? "time (ms)" : "roofline MACs";
  const total = totalCost(roofline);
  const cost = (r: Rational): Cell =>
    timed(roofline) ? milliseconds(r, exact) : exact ? toDecimal(r, 1) : shown(r);
  const parts = calibrated(roofline);
  return {
    columns: [
      { header: "#", align: "right" },
      { header: "layer" },
      { header: "op" },
      { header: "MACs", align: "right" },
      { header: "bytes", align: "right" },
      ...(parts ? LATENCY_PARTS_COLUMNS : [{ header: "MACs/byte", align: "right" as const }]),
      { header: "bound" },
      { header: costHeader, align: "right" },
      { header: "share %", align: "right" },
    ],
    rows: roofline.rows.map((r) => [
      `${r.row.index}`,
      tableName(report, r.row.name),
      r.row.op,
      r.row.macs,
      r.bytes,
      ...(parts ? latencyParts(r) : [toDecimal(r.intensity, 2)]),
      r.bound,
      cost(costOf(roofline, r)),
      share(costOf(roofline, r), total),
    ]),
    footer: [
      [
        "",
        "total",
        "",
        roofline.rows.reduce((a, r) => a + r.row.macs, 0n),
        roofline.totals.bytes,
        "",
        `${roofline.totals.memoryBound} memory`,
        cost(total),
        "100.00",
      ],
    ],
  };
}

function hardwareLine(roofline: Roofline): string {
  const h = roofline.hardware;
  const peaks =
    h.peakMacsPerSecond !== undefined
      ? `, peak ${humanize(h.peakMacsPerSecond)} MACs/s, ${humanize(h.bandwidthBytesPerSecond!)}B/s`
      : "";
  const fileTypes = roofline.fileTypes && roofline.rows.some((r) => r.row.storedBytes !== undefined);
  const types = fileTypes
    ? `the file's own element types (${roofline.dtype} where it stores none)`
    : roofline.dtype;
  const calibrated = h.latency
    ? `; calibrated: each layer max(MACs / its class's rate, bytes / bandwidth) + overhead, ${describeRates(h.latency)}${h.calibration ? ` (fitted on ${h.calibration.measurements} measurements, leave-one-out error mean ${h.calibration.looMeanErrorPct}%, max ${h.calibration.looMaxErrorPct}%)` : ""}`
    : "";
  return `hardware: ${h.name} — ridge point ${toDecimal(h.ridgePoint, 1)} MACs/byte${peaks}, ${types} (${h.source}); fusion ${roofline.fusion}: ${FUSION_SUMMARY[roofline.fusion]}${calibrated}`;
}

export function rooflineLine(report: CostReport, roofline: Roofline): string {
  const t = roofline.totals;
  const ratio = toDecimal(
    divRational(t.rooflineMacs, rational(report.totals.macs === 0n ? 1n : report.totals.macs)),
    2,
  );
  const latency = t.latencyMs !== undefined ? ` · ${milliseconds(t.latencyMs)} ms` : "";
  return `roofline: ${humanize(t.bytes)}B moved · ${shown(t.rooflineMacs)} MAC-equivalents (×${ratio} the MACs)${latency} · ${t.memoryBound} of ${roofline.rows.length} layers memory-bound`;
}

export function hardwareData(roofline: Roofline): Record<string, unknown> {
  const h = roofline.hardware;
  return {
    name: h.name,
    ridge_point: exactNumber(h.ridgePoint),
    ...(h.peakMacsPerSecond !== undefined && {
      peak_macs_per_s: h.peakMacsPerSecond,
      bandwidth_bytes_per_s: h.bandwidthBytesPerSecond,
    }),
    ...(h.latency && {
      macs_per_s: h.latency.macsPerSecond,
      overhead_ns_per_op: h.latency.overheadNsPerOp,
    }),
    dtype: roofline.dtype,
    fusion: roofline.fusion,
    source: h.source,
    ...(h.calibration && { calibration: h.calibration }),
  };
}

/** A model's bytes moved, roofline cost and (with absolute peaks) time: JSON fields. */
const totalsData = (t: Roofline["totals"]) => ({
  bytes: t.bytes,
  roofline_macs: exactNumber(t.rooflineMacs),
  ...(t.latencyMs !== undefined && { latency_ms: exactNumber(t.latencyMs) }),
});

/** The same as CSV columns and cells; `timed` when the table has the latency column. */
const totalsColumns = (timed: boolean) =>
  ["bytes", "roofline_macs", ...(timed ? ["latency_ms"] : [])].map((header) => ({ header }));
const totalsCells = (t: Roofline["totals"], timed: boolean) => [
  t.bytes,
  exactCell(t.rooflineMacs),
  ...(timed ? [exactCell(t.latencyMs!)] : []),
];

const rowData = (r: RooflineRow) => ({
  bytes: r.bytes,
  weight_bytes: r.weightBytes,
  activation_bytes: r.activationBytes,
  intensity: exactNumber(r.intensity),
  bound: r.bound,
  roofline_macs: exactNumber(r.rooflineMacs),
  ...(r.latencyMs !== undefined && { latency_ms: exactNumber(r.latencyMs) }),
  ...(r.latency && {
    compute_class: r.latency.computeClass,
    compute_ms: exactNumber(r.latency.computeMs),
    memory_ms: exactNumber(r.latency.memoryMs),
    overhead_ms: exactNumber(r.latency.overheadMs),
  }),
  ...(r.accessCost !== undefined && { memory_access_cost: r.accessCost }),
});

/** Each layer with MACs a point: its intensity, and the share of peak it can attain, min(1, intensity / RP). */
function rooflineChart(report: CostReport, roofline: Roofline): Chart {
  const rp = Number(toDecimal(roofline.hardware.ridgePoint, 6));
  return {
    kind: "roofline",
    title: `${modelTitle(report.model)} on ${roofline.hardware.name}: the roofline, a point per layer`,
    ridgePoint: rp,
    points: roofline.rows
      .filter((r) => r.row.macs > 0n && r.bytes > 0n)
      .map((r) => {
        const intensity = Number(toDecimal(r.intensity, 6));
        return {
          label: `${r.row.index} ${r.row.name}`,
          group: r.row.type,
          intensity,
          attainable: Math.min(1, intensity / rp),
        };
      }),
  };
}

/** The layers CSV with each layer's bytes, intensity, bound and roofline cost. */
function withRooflineColumns(csv: Grid, roofline: Roofline): Grid {
  const latency = timed(roofline);
  const parts = calibrated(roofline);
  const names = ["bytes", "weight_bytes", "activation_bytes", "intensity", "bound", "roofline_macs"];
  const timeNames = [
    ...(latency ? ["latency_ms"] : []),
    ...(parts ? ["compute_class", "compute_ms", "memory_ms", "overhead_ms"] : []),
  ];
  return {
    columns: [...csv.columns, ...[...names, ...timeNames].map((header) => ({ header }))],
    rows: csv.rows.map((row, i) => {
      const r = roofline.rows[i]!;
      const cells: Cell[] = [r.bytes, r.weightBytes, r.activationBytes, toDecimal(r.intensity, 6), r.bound];
      cells.push(exactCell(r.rooflineMacs), ...(latency ? [exactCell(r.latencyMs!)] : []));
      if (parts) {
        const l = r.latency!;
        cells.push(l.computeClass, exactCell(l.computeMs), exactCell(l.memoryMs), exactCell(l.overheadMs));
      }
      return [...row, ...cells];
    }),
  };
}

export function rooflineDocument(
  report: CostReport,
  memory: ActivationMemory,
  roofline: Roofline,
  exact: boolean,
): ReportDocument {
  const base = layersDocument(report, memory);
  const data = base.data as { totals: object; layers: object[] };
  const t = roofline.totals;
  return {
    ...base,
    meta: [...base.meta, hardwareLine(roofline), rooflineLine(report, roofline)],
    grids: [rooflineGrid(report, roofline, exact)],
    layers: { report, roofline },
    ...(roofline.hardware.ridgePoint.num > 0n && { chart: rooflineChart(report, roofline) }),
    ...(base.csv && { csv: withRooflineColumns(base.csv, roofline) }),
    data: {
      ...data,
      hardware: hardwareData(roofline),
      totals: { ...data.totals, ...totalsData(t), memory_bound_layers: t.memoryBound },
      layers: data.layers.map((layer, i) => ({ ...layer, ...rowData(roofline.rows[i]!) })),
    },
  };
}

const groupCost = (roofline: Roofline, g: RooflineGroup): Rational =>
  timed(roofline) ? g.latencyMs! : g.rooflineMacs;

function groupsCsv(roofline: Roofline, by: RooflineGrouping, groups: readonly RooflineGroup[]): Grid {
  const total = totalCost(roofline);
  const latency = timed(roofline) ? ["latency_ms"] : [];
  return {
    columns: [by, "layers", "macs", "bytes", "roofline_macs", ...latency, "roofline_pct"].map((header) => ({
      header,
    })),
    rows: groups.map((g) => [
      g.key,
      `${g.layers}`,
      g.macs,
      g.bytes,
      exactCell(g.rooflineMacs),
      ...(g.latencyMs ? [exactCell(g.latencyMs)] : []),
      share(groupCost(roofline, g), total),
    ]),
  };
}

const groupData = (roofline: Roofline, by: RooflineGrouping, g: RooflineGroup) => ({
  [by]: g.key,
  layers: g.layers,
  macs: g.macs,
  bytes: g.bytes,
  roofline_macs: exactNumber(g.rooflineMacs),
  ...(g.latencyMs && { latency_ms: exactNumber(g.latencyMs) }),
  roofline_pct: Number(share(groupCost(roofline, g), totalCost(roofline))),
});

/** `--by` with hardware: per group its layers, MACs, bytes and roofline cost with its share. */
export function rooflineBreakdownDocument(
  report: CostReport,
  memory: ActivationMemory,
  roofline: Roofline,
  by: RooflineGrouping,
  groups: readonly RooflineGroup[],
): ReportDocument {
  const doc = rooflineDocument(report, memory, roofline, false);
  const total = totalCost(roofline);
  const shownCost = (r: Rational): Cell => (timed(roofline) ? milliseconds(r) : shown(r));
  const costHeader = timed(roofline) ? "time (ms)" : "roofline MACs";
  const grid: Grid = {
    columns: [
      { header: by },
      ...["layers", "MACs", "bytes", costHeader, "share %"].map((header) => ({
        header,
        align: "right" as const,
      })),
    ],
    rows: groups.map((g) => {
      const cost = groupCost(roofline, g);
      return [g.key, `${g.layers}`, g.macs, g.bytes, shownCost(cost), share(cost, total)];
    }),
    footer: [
      [
        "total",
        `${roofline.rows.length}`,
        report.totals.macs,
        roofline.totals.bytes,
        shownCost(total),
        "100.00",
      ],
    ],
  };
  const data = doc.data as Record<string, unknown>;
  return {
    ...doc,
    grids: [grid],
    csv: groupsCsv(roofline, by, groups),
    data: { ...data, [`by_${by}`]: groups.map((g) => groupData(roofline, by, g)) },
  };
}

/** compare with hardware: each spec's bytes and roofline cost (or time) beside the comparison, also in CSV and JSON. */
export function withRooflines(
  doc: ReportDocument,
  specs: readonly string[],
  rooflines: readonly Roofline[],
): ReportDocument {
  const first = rooflines[0]!;
  const timedHere = timed(first);
  const cost = (r: Roofline) => totalCost(r);
  const ratio = (r: Roofline) =>
    toDecimal(divRational(cost(r), cost(first).num === 0n ? rational(1n) : cost(first)), 3);
  const grid: Grid = {
    title: `On ${first.hardware.name} (${first.dtype}, fusion ${first.fusion})`,
    columns: [
      { header: "spec" },
      ...["bytes", timedHere ? "time (ms)" : "roofline MACs", "×first", "memory-bound layers"].map(
        (header) => ({
          header,
          align: "right" as const,
        }),
      ),
    ],
    rows: rooflines.map((r, i) => [
      specs[i]!,
      r.totals.bytes,
      timedHere ? toDecimal(cost(r), 4) : shown(cost(r)),
      ratio(r),
      `${r.totals.memoryBound} of ${r.rows.length}`,
    ]),
  };
  const csv = doc.csv;
  const data = doc.data as { models: Record<string, unknown>[] };
  return {
    ...doc,
    meta: [...doc.meta, hardwareLine(first)],
    grids: [doc.grids[0]!, grid, ...doc.grids.slice(1)],
    // the totals CSV (one row per spec) takes the columns; a grouped CSV stays as it is
    ...(csv &&
      csv.rows.length === rooflines.length && {
        csv: {
          columns: [...csv.columns, ...totalsColumns(timedHere)],
          rows: csv.rows.map((row, i) => [...row, ...totalsCells(rooflines[i]!.totals, timedHere)]),
        },
      }),
    data: {
      ...data,
      hardware: hardwareData(first),
      models: data.models.map((m, i) => ({ ...m, ...totalsData(rooflines[i]!.totals) })),
    },
  };
}

/** --totals with hardware: the one-line answer, and bytes moved and roofline cost (or time) after it. */
export function withRooflineTotals(doc: ReportDocument, roofline: Roofline): ReportDocument {
  const t = roofline.totals;
  const timedHere = t.latencyMs !== undefined;
  const tail = `${humanize(t.bytes)}B moved · ${shown(t.rooflineMacs)} roofline MACs${timedHere ? ` · ${milliseconds(t.latencyMs!)} ms` : ""} on ${roofline.hardware.name}`;
  const csv = doc.csv!;
  const data = doc.data as { totals: object };
  return {
    ...doc,
    ...(doc.line && { line: (cell: (count: bigint) => string) => `${doc.line!(cell)} · ${tail}` }),
    csv: {
      columns: [...csv.columns, ...totalsColumns(timedHere)],
      rows: csv.rows.map((row) => [...row, ...totalsCells(t, timedHere)]),
    },
    data: { ...data, hardware: hardwareData(roofline), totals: { ...data.totals, ...totalsData(t) } },
  };
}
