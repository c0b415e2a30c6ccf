/** The main report: per-layer rows and totals of one model. */
import { elementsOf, WORK_CATEGORIES } from "../layers/define-layer-kind.js";
import type { CostReport, LayerRow, ModelRef } from "../evaluate/cost.js";
import { findBuiltinModel } from "../model/builtin.js";
import { type Convention, conventionDifferences, describeWork } from "../model/conventions.js";
import { inUnitOf, UNIT_DESCRIPTORS, type UnitDescriptor } from "../model/units.js";
import { WIDTH_RULE_TEXT } from "../model/scale.js";
import type { ModelSpec } from "../model/schema.js";
import type { Chart } from "./chart.js";
import type { Grid, ReportDocument } from "./document.js";
import type { ActivationMemory } from "../evaluate/memory.js";
import { memoryData, memoryLines } from "./memory.js";
import { humanize } from "./numbers.js";
import { resolutionSize, resolutionText, resolutionValue } from "../model/resolution.js";
import { bytesPerElement } from "../graph/tensor.js";

/** A built-in's map as height×width×channels; a graph's tensor in its own dims. */
export const formatShape = (dims: readonly number[]): string => dims.join("×");

/** "v2"; a user's model by its name, never by the path it was read from. */
export const modelShortName = (model: ModelRef): string =>
  findBuiltinModel(model.ref) ? model.ref : model.spec.name;

/** "MobileNet V2 (v2)"; a user's model by its name alone, never by the path it was read from. */
export const modelTitle = (model: ModelRef): string =>
  findBuiltinModel(model.ref) ? `${model.spec.name} (${model.ref})` : model.spec.name;

export const unitOf = (c: Convention): UnitDescriptor => UNIT_DESCRIPTORS[c.unit];
/** "MACs" or "FLOPs (2×MACs)": the unit is always explicit. */
export const unitLabel = (c: Convention): string => unitOf(c).label;
export const unitKey = (c: Convention): string => unitOf(c).key;
export const inUnit = (macs: bigint, c: Convention): bigint => inUnitOf(unitOf(c), macs);

/** The short convention line: its name and what differs from the paper convention (the rest under --verbose). */
export function conventionLine(c: Convention): string {
  const differences = conventionDifferences(c);
  const what =
    differences.length > 0 ? `vs paper ${differences.join(", ")}` : "weights only, MACs of conv and FC";
  return `convention: ${c.name} — ${unitOf(c).perMac > 1n ? `${unitOf(c).label}; ` : ""}${what} (-v: in full)`;
}

/** The convention in full: what counts, the unit, and each kind of element-wise work counted or ignored. */
export function conventionDetails(c: Convention): string {
  return `convention ${c.name}: ${c.summary}; ${c.rules} rules for expanded widths and heads; ${unitOf(c).definition}; ${describeWork(c)}`;
}

/** The model's own channel rounding (its width_rule), as it is in effect: a user's file says its own. */
export const widthsLine = (spec: ModelSpec): string =>
  spec.graph
    ? `channels: the file's own (the ${spec.graph.format} graph's widths are fixed; no rounding applies)`
    : `channels: c·α rounded to ${WIDTH_RULE_TEXT[spec.width_rule]} (width_rule ${spec.width_rule})`;

/** The convention as JSON data: its name, summary, unit and each kind of element-wise work counted (ops per element) or ignored. */
export function conventionData(c: Convention): Record<string, unknown> {
  const snake = (k: string) => k.replaceAll("-", "_");
  return {
    convention: c.name,
    convention_summary: c.summary,
    unit: c.unit,
    work_counted: Object.fromEntries(
      WORK_CATEGORIES.filter((k) => c.work[k] !== undefined).map((k) => [snake(k), c.work[k]]),
    ),
    work_ignored: WORK_CATEGORIES.filter((k) => c.work[k] === undefined).map(snake),
  };
}

/** "batch 4 · " for a graph counting several images at once ("batch 4, per image · " under --per-image); "" for one. */
export const batchText = (report: CostReport, after = " · "): string =>
  (report.batch ?? 1) === 1 ? "" : `batch ${report.batch}${report.perImage ? ", per image" : ""}${after}`;

export function reportHeading(report: CostReport): {
  title: string;
  headline: NonNullable<ReportDocument["headline"]>;
  meta: string[];
  details: string[];
} {
  const { spec } = report.model;
  const counts = { params: report.totals.params, macs: inUnit(report.totals.macs, report.convention) };
  return {
    title: modelTitle(report.model),
    headline: (cell) =>
      `${alphaPart(report, " · ")}${report.depth !== 1 ? `depth ${report.depth} · ` : ""}${batchText(report)}${resolutionSize(report.resolution)} input · ${cell(counts.params)} params · ${cell(counts.macs)} ${unitLabel(report.convention)}`,
    meta: [conventionLine(report.convention), `source: ${spec.source}`],
    details: [conventionDetails(report.convention), widthsLine(spec)],
  };
}

/** Counts in the report's unit, with the unit's key beside `macs` when it differs. */
export function countFields(macs: bigint, c: Convention): Record<string, bigint> {
  return { macs, [unitKey(c)]: inUnit(macs, c) };
}

export function reportData(report: CostReport): Record<string, unknown> {
  const c = report.convention;
  return {
    model: modelShortName(report.model),
    name: report.model.spec.name,
    source: report.model.spec.source,
    // an ONNX graph has no rounding rule: its widths are the file's
    width_rule: report.model.spec.graph ? null : report.model.spec.width_rule,
    alpha: report.alpha.value,
    resolution: resolutionValue(report.resolution),
    depth: report.depth,
    // images counted at once (a graph's declared batch); per_image: MACs divided by it
    batch: report.batch ?? 1,
    ...(report.perImage && { per_image: true }),
    ...(report.storedWeights && {
      stored_weights: { bytes: report.storedWeights.bytes, types: report.storedWeights.types },
    }),
    // a graph's stored tensors read as parameters by several nodes (counted once): name → those nodes
    ...(report.shared && report.shared.size > 0 && { shared_weights: Object.fromEntries(report.shared) }),
    ...conventionData(c),
    totals: {
      params: report.totals.params,
      ...countFields(report.totals.macs, c),
      // a graph file's: every parameter's bytes as stored (int8 weights one byte each)
      ...(report.storedWeights && { weight_bytes: report.storedWeights.bytes }),
    },
  };
}

const layerData = (row: LayerRow, c: Convention) => ({
  index: row.index,
  name: row.name,
  block: row.block,
  op: row.op,
  type: row.type,
  input: row.input,
  output: row.output,
  params: row.params,
  ...countFields(row.macs, c),
  input_elements: elementsOf(row.input),
  output_elements: row.activations,
  // a graph's row: its parameters' bytes as stored, and its outputs' bytes at their own element types
  ...(row.storedBytes !== undefined && { weight_bytes: row.storedBytes }),
  ...(row.tensors?.writes.some((t) => t.dtype !== undefined) && {
    output_bytes: row.tensors.writes.map((t) => ({
      tensor: t.name,
      type: t.dtype ?? null,
      bytes: t.dtype === undefined ? null : t.elements * bytesPerElement(t.dtype),
    })),
  }),
});

function layersGrid(report: CostReport): Grid {
  const c = report.convention;
  return {
    columns: [
      { header: "#", align: "right" },
      { header: "layer" },
      { header: "op" },
      { header: "input" },
      { header: "output" },
      { header: "params", align: "right" },
      { header: unitLabel(c), align: "right" },
    ],
    rows: report.rows.map((r) => [
      `${r.index}`,
      tableName(report, r.name),
      r.op,
      formatShape(r.input),
      formatShape(r.output),
      r.params,
      inUnit(r.macs, c),
    ]),
    footer: [["", "total", "", "", "", report.totals.params, inUnit(report.totals.macs, c)]],
  };
}

const CSV_COLUMNS = [
  "index",
  "name",
  "block",
  "op",
  "type",
  "input_h",
  "input_w",
  "input_c",
  "output_h",
  "output_w",
  "output_c",
  "params",
];

/** A graph's tensors have any number of dims: each is one column, its dims written 1x3x224x224. */
const GRAPH_CSV_COLUMNS = ["index", "name", "block", "op", "type", "input_dims", "output_dims", "params"];

/** CSV: a built-in's shapes split into height, width and channel columns, a graph's dims in one; exact counts. */
function layersCsv(report: CostReport): Grid {
  const c = report.convention;
  const graph = report.model.spec.graph !== undefined;
  const shapeCells = (dims: readonly number[]) => (graph ? [dims.join("x")] : dims.map(String));
  return {
    columns: [
      ...(graph ? GRAPH_CSV_COLUMNS : CSV_COLUMNS),
      unitKey(c),
      "input_elements",
      "output_elements",
    ].map((header) => ({ header })),
    rows: report.rows.map((r) => [
      `${r.index}`,
      r.name,
      r.block,
      r.op,
      r.type,
      ...shapeCells(r.input),
      ...shapeCells(r.output),
      r.params,
      inUnit(r.macs, c),
      elementsOf(r.input),
      r.activations,
    ]),
  };
}

/** "weights as stored: 3.50MB (float32)": a graph's file, as it keeps its parameters. */
const storedWeightsLine = (report: CostReport): string[] =>
  report.storedWeights
    ? [
        `weights as stored: ${humanize(report.storedWeights.bytes)}B (${report.storedWeights.types.join(", ") || "none"})`,
      ]
    : [];

/**
 * The per-layer report. Its table, CSV, chart and prose lines are worked out when first read, once: the
 * JSON path, which reads only `data`, does not format every count of every layer twice, and a document
 * built on this one (roofline, breakdown) spreads them and reads them again at no further cost.
 */
export function layersDocument(report: CostReport, memory: ActivationMemory): ReportDocument {
  const c = report.convention;
  const heading = reportHeading(report);
  const meta = once(() => [...heading.meta, ...memoryLines(memory), ...storedWeightsLine(report)]);
  const grids = once(() => [layersGrid(report)]);
  const chart = once(() => layersChart(report));
  const csv = once(() => layersCsv(report));
  return {
    title: heading.title,
    headline: heading.headline,
    get meta() {
      return meta();
    },
    details: heading.details,
    layers: { report },
    get grids() {
      return grids();
    },
    notes: report.model.spec.notes ?? [],
    get chart() {
      return chart();
    },
    get csv() {
      return csv();
    },
    data: {
      ...reportData(report),
      memory: memoryData(memory),
      layers: report.rows.map((r) => layerData(r, c)),
      notes: report.model.spec.notes ?? [],
    },
  };
}

/** A value worked out on its first call and kept for the next. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** MACs per layer, coloured by op type; layers without MACs under the convention (pools, adds) are left out. */
function layersChart(report: CostReport): Chart {
  const c = report.convention;
  return {
    kind: "bars",
    title: `${modelTitle(report.model)} ${alphaPart(report, " ")}${resolutionSize(report.resolution)}: ${unitLabel(c)} per layer, by op type`,
    unit: unitLabel(c),
    labels: "none",
    bars: report.rows
      .filter((r) => r.macs > 0n)
      .map((r) => ({
        label: `${r.index} ${r.name} (${r.type})`,
        value: inUnit(r.macs, c),
        group: r.type,
        block: r.block,
        index: r.index,
      })),
  };
}

/**
 * A graph node's name as a table shows it: PyTorch's scope path without the parents its modules' names
 * repeat (/features/features.1/conv/conv.0/conv.0.0/Conv → features.1/conv.0.0/Conv), so a row fits on
 * one line; CSV and JSON keep the whole name. A built-in's names are short already.
 */
export function tableName(report: Pick<CostReport, "model">, name: string): string {
  if (!report.model.spec.graph || !name.includes("/")) return name;
  const parts = name.split("/").filter((part) => part !== "");
  return parts.filter((part, i) => !parts[i + 1]?.startsWith(`${part}.`)).join("/") || name;
}

/** "α 0.5" and a separator; nothing for a graph file, whose widths are its own. */
export const alphaPart = (report: Pick<CostReport, "model" | "alpha">, separator: string): string =>
  report.model.spec.graph ? "" : `α ${report.alpha.text}${separator}`;

/** The short answer: params, MACs and FLOPs on one line, exact with --exact. */
export function totalsDocument(report: CostReport): ReportDocument {
  const { params, macs } = report.totals;
  const flops = 2n * macs;
  const depth = report.depth !== 1 ? `depth ${report.depth}` : "";
  const setting = [
    modelShortName(report.model),
    alphaPart(report, ""),
    depth,
    batchText(report, ""),
    resolutionSize(report.resolution),
  ]
    .filter((part) => part !== "")
    .join(" ");
  return {
    title: setting,
    meta: [],
    grids: [
      {
        columns: [
          { header: "params", align: "right" },
          { header: "MACs", align: "right" },
          { header: "FLOPs", align: "right" },
        ],
        rows: [[params, macs, flops]],
      },
    ],
    notes: [],
    csv: {
      columns: [
        "model",
        "alpha",
        "depth",
        "resolution",
        "batch",
        "convention",
        "params",
        "macs",
        "flops",
      ].map((header) => ({ header })),
      rows: [
        [
          modelShortName(report.model),
          report.alpha.text,
          `${report.depth}`,
          resolutionText(report.resolution),
          `${report.batch ?? 1}`,
          report.convention.name,
          params,
          macs,
          flops,
        ],
      ],
    },
    line: (cell) =>
      `${setting}: ${cell(params)} params · ${cell(macs)} MACs · ${cell(flops)} FLOPs (${report.convention.name})`,
    data: { ...reportData(report), totals: { params, macs, flops } },
  };
}
