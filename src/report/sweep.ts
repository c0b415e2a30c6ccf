/**
 * Sweep output. CSV, JSON lines and JSON stream row by row (in ~16 KB
 * chunks); table and Markdown are built whole, for small sweeps.
 */
import type { SweepPoint } from "../evaluate/sweep.js";
import type { Convention } from "../model/conventions.js";
import { csvField, tsvField } from "./csv.js";
import { exactCell, milliseconds } from "./numbers.js";
import { exactNumber } from "./roofline.js";
import type { Chart } from "./chart.js";
import type { Cell, ReportDocument } from "./document.js";
import { jsonReplacer } from "./json.js";
import { conventionDetails, conventionLine, countFields, inUnit, unitLabel } from "./layers.js";

export { SWEEP_FORMATS, type SweepFormat } from "./sweep-formats.js";

export interface SweepContext {
  readonly model: string;
  readonly convention: Convention;
  readonly bytesPerElement: bigint;
  /** On hardware: rows carry bytes and roofline cost, and time when `timed`. */
  readonly hardware?: { readonly timed: boolean };
}

/** The roofline columns' names, when the sweep is on hardware. */
const rooflineColumns = (ctx: SweepContext): string[] =>
  ctx.hardware ? ["bytes", "roofline_macs", ...(ctx.hardware.timed ? ["latency_ms"] : [])] : [];

/** A table's roofline cells: bytes, the roofline cost in human units (a bigint: exact with --exact), time to 3 decimals. */
const tableRooflineCells = (p: SweepPoint, ctx: SweepContext): Cell[] =>
  ctx.hardware && p.roofline
    ? [
        p.roofline.bytes,
        p.roofline.rooflineMacs.num / p.roofline.rooflineMacs.den,
        ...(ctx.hardware.timed && p.roofline.latencyMs ? [milliseconds(p.roofline.latencyMs)] : []),
      ]
    : [];

/** The roofline columns as a table heads them. */
const ROOFLINE_HEADERS: Readonly<Record<string, string>> = {
  bytes: "bytes",
  roofline_macs: "roofline MACs",
  latency_ms: "time (ms)",
};

const rooflineCells = (p: SweepPoint, ctx: SweepContext): Cell[] =>
  ctx.hardware && p.roofline
    ? [
        p.roofline.bytes,
        exactCell(p.roofline.rooflineMacs),
        ...(ctx.hardware.timed && p.roofline.latencyMs ? [exactCell(p.roofline.latencyMs)] : []),
      ]
    : [];

const rooflineRecord = (p: SweepPoint) =>
  p.roofline
    ? {
        bytes: p.roofline.bytes,
        roofline_macs: exactNumber(p.roofline.rooflineMacs),
        ...(p.roofline.latencyMs && { latency_ms: exactNumber(p.roofline.latencyMs) }),
      }
    : {};

/** Every row names its setting and convention; counts in MACs, and in FLOPs too when that is the unit. */
const columns = (ctx: SweepContext) => [
  "model",
  "alpha",
  "depth",
  "resolution",
  "convention",
  "params",
  ...Object.keys(countFields(0n, ctx.convention)),
  "peak_activations",
  "peak_activation_bytes",
  ...rooflineColumns(ctx),
];

/** A row's setting: the same for every resolution of one α and depth. */
const settingCells = (p: SweepPoint, ctx: SweepContext): Cell[] => [ctx.model, p.alpha.text, p.depth.text];

/** A row's resolution, convention and counts. */
const countCells = (p: SweepPoint, ctx: SweepContext): Cell[] => [
  `${p.resolution}`,
  ctx.convention.name,
  p.params,
  ...Object.values(countFields(p.macs, ctx.convention)),
  p.peakActivations,
  p.peakActivations * ctx.bytesPerElement,
  ...rooflineCells(p, ctx),
];

const record = (p: SweepPoint, ctx: SweepContext) => ({
  model: ctx.model,
  alpha: p.alpha.value,
  depth: p.depth.value,
  resolution: p.resolution,
  convention: ctx.convention.name,
  params: p.params,
  ...countFields(p.macs, ctx.convention),
  peak_activations: p.peakActivations,
  peak_activation_bytes: p.peakActivations * ctx.bytesPerElement,
  ...rooflineRecord(p),
});

/** Characters per chunk written: small enough that the lines a chunk holds die young in V8's new space. */
const CHUNK = 1 << 14;

function* chunked(lines: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** A delimited format's separator, field and line end: CSV's, or TSV's to paste into a spreadsheet. */
interface Dialect {
  readonly separator: string;
  readonly field: (cell: Cell) => string;
  readonly end: string;
}
const CSV: Dialect = { separator: ",", field: csvField, end: "\r\n" };
const TSV: Dialect = { separator: "\t", field: tsvField, end: "\n" };

function* delimitedLines(
  points: Iterable<SweepPoint>,
  ctx: SweepContext,
  dialect: Dialect,
): Generator<string> {
  const { separator, end } = dialect;
  yield `${columns(ctx).map(dialect.field).join(separator)}${end}`;
  // a sweep repeats its text cells (model, α, depth, convention) on every row: each is made safe once
  const texts = new Map<string, string>();
  const field = (cell: Cell): string => {
    if (typeof cell === "bigint") return cell.toString();
    const known = texts.get(cell);
    if (known !== undefined) return known;
    const safe = dialect.field(cell);
    texts.set(cell, safe);
    return safe;
  };
  // and its setting's fields once per α and depth (a sweep's points share their setting objects)
  let setting: { alpha: SweepPoint["alpha"]; depth: SweepPoint["depth"]; fields: string } | undefined;
  const counts = countsLine(ctx, field, separator);
  for (const p of points) {
    if (setting?.alpha !== p.alpha || setting.depth !== p.depth)
      setting = { alpha: p.alpha, depth: p.depth, fields: settingCells(p, ctx).map(field).join(separator) };
    yield `${setting.fields}${separator}${counts(p)}${end}`;
  }
}

/**
 * A row's count cells as CSV (countCells, joined): written out field by field where the sweep counts
 * MACs without hardware, the million-row case, and through countCells otherwise.
 */
function countsLine(ctx: SweepContext, field: (cell: Cell) => string, s: string): (p: SweepPoint) => string {
  const inMacs = Object.keys(countFields(0n, ctx.convention)).length === 1;
  if (ctx.hardware || !inMacs) return (p) => countCells(p, ctx).map(field).join(s);
  const convention = field(ctx.convention.name);
  const bytes = ctx.bytesPerElement;
  // CSV's million-row case with its commas written in (a template of fewer parts is measurably faster)
  if (s === ",")
    return (p) =>
      `${p.resolution},${convention},${p.params},${p.macs},${p.peakActivations},${p.peakActivations * bytes}`;
  return (p) =>
    [p.resolution, convention, p.params, p.macs, p.peakActivations, p.peakActivations * bytes].join(s);
}

function* jsonlLines(points: Iterable<SweepPoint>, ctx: SweepContext): Generator<string> {
  for (const p of points) yield `${JSON.stringify(record(p, ctx), jsonReplacer)}\n`;
}

function* jsonLines(points: Iterable<SweepPoint>, ctx: SweepContext): Generator<string> {
  yield `{"model":${JSON.stringify(ctx.model)},"convention":${JSON.stringify(ctx.convention.name)},"unit":"${ctx.convention.unit}","rows":[\n`;
  let first = true;
  for (const p of points) {
    yield `${first ? "" : ",\n"}${JSON.stringify(record(p, ctx), jsonReplacer)}`;
    first = false;
  }
  yield "\n]}\n";
}

export const streamingSweepRenderers = {
  csv: (points: Iterable<SweepPoint>, ctx: SweepContext) => chunked(delimitedLines(points, ctx, CSV)),
  tsv: (points: Iterable<SweepPoint>, ctx: SweepContext) => chunked(delimitedLines(points, ctx, TSV)),
  jsonl: (points: Iterable<SweepPoint>, ctx: SweepContext) => chunked(jsonlLines(points, ctx)),
  json: (points: Iterable<SweepPoint>, ctx: SweepContext) => chunked(jsonLines(points, ctx)),
};

/**
 * Count against α, one line per resolution; with a single α and several
 * resolutions, against the resolution instead (one line, not a column of dots).
 */
function sweepLines(all: readonly SweepPoint[], ctx: SweepContext): Extract<Chart, { kind: "lines" }> {
  const unit = unitLabel(ctx.convention);
  const y = (p: SweepPoint) => inUnit(p.macs, ctx.convention);
  const alphas = [...new Map(all.map((p) => [p.alpha.text, p.alpha])).values()];
  const resolutions = [...new Set(all.map((p) => p.resolution))];
  if (alphas.length === 1 && resolutions.length > 1)
    return {
      kind: "lines",
      title: `${ctx.model}: ${unit} against input resolution, α ${alphas[0]!.text}`,
      xLabel: "input resolution (pixels per side)",
      unit,
      series: alphas.map((a) => ({
        label: `α ${a.text}`,
        points: all.map((p) => ({ x: p.resolution, y: y(p) })),
      })),
    };
  // one line per resolution, and per depth when the sweep has several
  const depths = [...new Set(all.map((p) => p.depth.text))];
  const lines = depths.flatMap((d) => resolutions.map((r) => ({ d, r })));
  return {
    kind: "lines",
    title: `${ctx.model}: ${unit} against α, one line per resolution${depths.length > 1 ? " and depth" : ""}`,
    xLabel: "width multiplier α",
    unit,
    series: lines.map(({ d, r }) => ({
      label: `${r}×${r}${depths.length > 1 ? ` depth ${d}` : ""}`,
      points: all
        .filter((p) => p.resolution === r && p.depth.text === d)
        .map((p) => ({ x: p.alpha.value, y: y(p) })),
    })),
  };
}

export function sweepDocument(
  points: Iterable<SweepPoint>,
  ctx: SweepContext,
  budget?: bigint,
): ReportDocument {
  const all = [...points];
  // the table names the convention once, above, and shows the count in its unit
  const rows = all.map((p): Cell[] => [
    ctx.model,
    p.alpha.text,
    `${p.resolution}`,
    p.params,
    inUnit(p.macs, ctx.convention),
    p.peakActivations,
    p.peakActivations * ctx.bytesPerElement,
    ...tableRooflineCells(p, ctx),
  ]);
  return {
    chart: { ...sweepLines(all, ctx), ...(budget !== undefined && { budget }) },
    title: `Sweep of ${ctx.model}`,
    meta: [
      conventionLine(ctx.convention),
      `peak activations in elements, and bytes at ${ctx.bytesPerElement} per element`,
    ],
    details: [conventionDetails(ctx.convention)],
    grids: [
      {
        columns: [
          "model",
          "α",
          "resolution",
          "params",
          unitLabel(ctx.convention),
          "peak activations",
          "peak bytes",
          ...rooflineColumns(ctx).map((c) => ROOFLINE_HEADERS[c] ?? c),
        ].map((header, i) => ({ header, align: i >= 2 ? "right" : "left" })),
        rows,
      },
    ],
    notes: [],
    data: null,
  };
}
