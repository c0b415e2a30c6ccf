/** `mbn-cost calibrate`: each measurement against the fitted profile, its fit without the row, and a MACs-linear fit. */
import type { Calibration, CalibratedRow, ErrorSummary } from "../evaluate/calibrate.js";
import { COMPUTE_CLASSES, type LatencyModel, UNBOUNDED_RATE } from "../published/hardware.js";
import type { Cell, ReportDocument } from "./document.js";
import { humanize } from "./numbers.js";

const ms = (n: number) => n.toFixed(2);
const pct = (predicted: number, measured: number) => {
  const error = ((predicted - measured) / measured) * 100;
  return `${error >= 0 ? "+" : ""}${error.toFixed(1)}`;
};
const errors = (e: ErrorSummary) => `mean ${e.meanPct.toFixed(1)}%, max ${e.maxPct.toFixed(1)}%`;

/** The rates as a reader says them: 12.3G MACs/s. */
export function describeRates(model: LatencyModel): string {
  const rate = (n: bigint, unit: string) => (n >= UNBOUNDED_RATE ? "not limiting" : `${humanize(n)}${unit}`);
  const rates = COMPUTE_CLASSES.map((k) => `${k} ${rate(model.macsPerSecond[k], " MACs/s")}`);
  return `${rates.join(", ")}; memory ${rate(model.bandwidthBytesPerSecond, "B/s")}; ${(Number(model.overheadNsPerOp) / 1000).toFixed(2)} µs per op`;
}

export interface CalibrationContext {
  readonly file: string;
  readonly name: string;
  readonly dtype: string;
  readonly fusion: string;
  readonly measurements: readonly { readonly line: number; readonly model: string }[];
  /** The held-out file (--check) and its rows. */
  readonly check?: {
    readonly file: string;
    readonly measurements: readonly { readonly line: number; readonly model: string }[];
  };
}

const CHECK_COLUMNS = [
  "line",
  "model",
  "measured ms",
  "predicted ms",
  "error %",
  "MACs-linear ms",
  "MACs-linear error %",
];

function checkGrid(c: Calibration, ctx: CalibrationContext) {
  const rows = c.check!.rows.map((r, i): Cell[] => [
    String(ctx.check!.measurements[i]!.line),
    ctx.check!.measurements[i]!.model,
    ms(r.measuredMs),
    ms(r.predictedMs),
    pct(r.predictedMs, r.measuredMs),
    ms(r.macsLinearMs),
    pct(r.macsLinearMs, r.measuredMs),
  ]);
  return {
    title: `held out: ${ctx.check!.file}`,
    columns: CHECK_COLUMNS.map((header, i) => ({
      header,
      align: i >= 2 ? ("right" as const) : ("left" as const),
    })),
    rows,
  };
}

function checkLine(c: Calibration, ctx: CalibrationContext): string[] {
  if (!c.check || !ctx.check) return [];
  return [
    `held out (${ctx.check.file}, ${c.check.rows.length} rows, never fitted): ${errors(c.check.errors)}; the MACs-linear fit: ${errors(c.check.macsLinear)}`,
  ];
}

const rowCells = (r: CalibratedRow, line: number, model: string): Cell[] => [
  String(line),
  model,
  ms(r.measuredMs),
  ms(r.predictedMs),
  pct(r.predictedMs, r.measuredMs),
  ms(r.leaveOneOutMs),
  pct(r.leaveOneOutMs, r.measuredMs),
  ms(r.macsLinearLeaveOneOutMs),
  pct(r.macsLinearLeaveOneOutMs, r.measuredMs),
];

const COLUMNS = [
  "line",
  "model",
  "measured ms",
  "fitted ms",
  "error %",
  "left out ms",
  "left out error %",
  "MACs-linear left out ms",
  "MACs-linear left out error %",
];

export function calibrationDocument(c: Calibration, ctx: CalibrationContext): ReportDocument {
  const numeric = (i: number) => i >= 2;
  return {
    title: `Latency calibration: ${ctx.name}, from ${ctx.file} (${c.rows.length} measurements)`,
    meta: [
      "model: each layer max(MACs / its class's rate, bytes / bandwidth) + a fixed cost per op; unfused activations (h-swish, sigmoid, SiLU, GELU) one more pass through memory",
      `at ${ctx.dtype}, fusion ${ctx.fusion}; fitted: ${describeRates(c.model)}`,
      `free parameters: ${c.free.join(", ")}${c.fixed ? `; ${c.fixed}` : ""}`,
      `error of the fit: ${errors(c.fit)}; leave-one-out (each row predicted by a fit without it): ${errors(c.leaveOneOut)}`,
      `a MACs-linear fit (a·MACs + b) on the same rows: ${errors(c.macsLinear.fit)}; leave-one-out ${errors(c.macsLinear.leaveOneOut)}`,
      ...checkLine(c, ctx),
    ],
    grids: [
      {
        columns: COLUMNS.map((header, i) => ({
          header,
          align: numeric(i) ? ("right" as const) : ("left" as const),
        })),
        rows: c.rows.map((r, i) => rowCells(r, ctx.measurements[i]!.line, ctx.measurements[i]!.model)),
      },
      ...(c.check && ctx.check ? [checkGrid(c, ctx)] : []),
    ],
    notes: [],
    data: calibrationData(c, ctx),
  };
}

function calibrationData(c: Calibration, ctx: CalibrationContext) {
  return {
    name: ctx.name,
    file: ctx.file,
    dtype: ctx.dtype,
    fusion: ctx.fusion,
    macs_per_s: c.model.macsPerSecond,
    bandwidth_bytes_per_s: c.model.bandwidthBytesPerSecond,
    overhead_ns_per_op: c.model.overheadNsPerOp,
    free: c.free,
    fixed: c.fixed ?? null,
    fit: c.fit,
    leave_one_out: c.leaveOneOut,
    macs_linear: c.macsLinear,
    ...(c.check &&
      ctx.check && {
        check: {
          file: ctx.check.file,
          errors: c.check.errors,
          macs_linear: c.check.macsLinear,
          rows: c.check.rows.map((r, i) => ({
            line: ctx.check!.measurements[i]!.line,
            model: ctx.check!.measurements[i]!.model,
            measured_ms: r.measuredMs,
            predicted_ms: r.predictedMs,
            macs_linear_ms: r.macsLinearMs,
          })),
        },
      }),
    rows: c.rows.map((r, i) => ({
      line: ctx.measurements[i]!.line,
      model: ctx.measurements[i]!.model,
      measured_ms: r.measuredMs,
      predicted_ms: r.predictedMs,
      leave_one_out_ms: r.leaveOneOutMs,
      macs_linear_ms: r.macsLinearMs,
      macs_linear_leave_one_out_ms: r.macsLinearLeaveOneOutMs,
    })),
  };
}
