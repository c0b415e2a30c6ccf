/** `mbn-cost calibrate measurements.csv --out profile.json`: a device's latency model fitted to measurements. */
import { basename, resolve } from "node:path";
import {
  type Calibration,
  calibrate,
  type LatencySample,
  MIN_MEASUREMENTS,
} from "../../evaluate/calibrate.js";
import { evaluateModel } from "../../evaluate/cost.js";
import type { Dtype, Fusion } from "../../evaluate/option-names.js";
import { latencyFeatures } from "../../evaluate/roofline.js";
import { InputError } from "../../errors.js";
import { type Measurement, readMeasurements } from "../../io/read-measurements.js";
import { loadModel } from "../../io/read-model-spec.js";
import { parseConfiguration } from "../../model/configuration.js";
import { resolveConvention } from "../../model/conventions.js";
import { calibrationDocument } from "../../report/calibration.js";
import type { OutputChoice } from "../commands/model-options.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface CalibrateOptions {
  readonly file: string;
  /** Held-out measurements (--check): predicted by the fit, never fitted. */
  readonly check: string | undefined;
  /** The profile's file (--out); the report goes to standard output. */
  readonly out: string | undefined;
  readonly force: boolean;
  readonly name: string | undefined;
  readonly source: string | undefined;
  readonly fusion: Fusion;
  /** For rows without a dtype; else a graph file's own types, and fp32 where none is stored. */
  readonly dtype: Dtype | undefined;
  readonly output: Omit<OutputChoice, "out" | "force">;
}

/** The element type of each row: its own column, else --dtype, else a graph file's types (fp32 where none). */
const dtypeOf = (m: Measurement, options: CalibrateOptions): Dtype => m.dtype ?? options.dtype ?? "fp32";

function checkOneDtype(measurements: readonly Measurement[], options: CalibrateOptions, file: string): Dtype {
  const first = dtypeOf(measurements[0]!, options);
  const other = measurements.find((m) => dtypeOf(m, options) !== first);
  if (other)
    throw new InputError(
      `${file}: line ${other.line} is ${dtypeOf(other, options)} and line ${measurements[0]!.line} ${first}; a device's rates differ by element type: calibrate one dtype at a time`,
    );
  return first;
}

/** One thread count (or none given): a device's rates differ with its threads as with its element type. */
function checkOneThreadCount(measurements: readonly Measurement[], file: string): void {
  const given = measurements.filter((m) => m.threads !== undefined);
  const other = given.find((m) => m.threads !== given[0]!.threads);
  if (other)
    throw new InputError(
      `${file}: line ${other.line} ran on ${other.threads} threads and line ${given[0]!.line} on ${given[0]!.threads}; a device's rates differ by thread count: calibrate one at a time`,
    );
}

/** Each measured model, costed as the profile will time it; an error names the row's line. */
async function samplesOf(
  measurements: readonly Measurement[],
  file: string,
  options: CalibrateOptions,
  io: CliIo,
) {
  const convention = resolveConvention("paper", {});
  const samples: LatencySample[] = [];
  for (const m of measurements) {
    try {
      const spec = parseConfiguration(m.model);
      const model = await loadModel(spec.model, io.cwd);
      const resolution = spec.resolution && { resolution: spec.resolution };
      const report = evaluateModel(model, { alpha: spec.alpha, ...resolution, convention });
      const fileTypes = m.dtype === undefined && options.dtype === undefined;
      const layers = latencyFeatures(report, options.fusion, dtypeOf(m, options), fileTypes);
      samples.push({ label: m.model, measuredMs: m.latencyMs, layers });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${file} line ${m.line}: ${error.message}`);
      throw error;
    }
  }
  return samples;
}

/** A whole count as JSON: a number while exact, a string past 2^53 (the schema reads both). */
const count = (n: bigint): number | string => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : String(n));
const percent = (n: number) => Math.round(n * 100) / 100;

/** The profile as `--hardware` reads it (io/hardware-schema.ts). */
export function profileFile(c: Calibration, name: string, dtype: Dtype, source: string) {
  const { macsPerSecond, bandwidthBytesPerSecond, overheadNsPerOp } = c.model;
  return {
    name,
    dtype,
    macs_per_s: {
      dense: count(macsPerSecond.dense),
      depthwise: count(macsPerSecond.depthwise),
      pointwise: count(macsPerSecond.pointwise),
    },
    bandwidth_bytes_per_s: count(bandwidthBytesPerSecond),
    overhead_ns_per_op: Number(overheadNsPerOp),
    source,
    calibration: {
      measurements: c.rows.length,
      free: c.free,
      ...(c.fixed !== undefined && { fixed: c.fixed }),
      mean_error_pct: percent(c.fit.meanPct),
      max_error_pct: percent(c.fit.maxPct),
      loo_mean_error_pct: percent(c.leaveOneOut.meanPct),
      loo_max_error_pct: percent(c.leaveOneOut.maxPct),
      macs_linear_loo_mean_error_pct: percent(c.macsLinear.leaveOneOut.meanPct),
    },
  };
}

export async function runCalibrate(options: CalibrateOptions, io: CliIo): Promise<Outcome> {
  const measurements = readMeasurements(resolve(io.cwd, options.file), options.file);
  if (measurements.length < MIN_MEASUREMENTS)
    throw new InputError(
      `${options.file}: ${measurements.length} measurement${measurements.length === 1 ? "" : "s"}; calibrate needs at least ${MIN_MEASUREMENTS} (2 per free parameter, and the smallest model has 2)`,
    );
  const dtype = checkOneDtype(measurements, options, options.file);
  checkOneThreadCount(measurements, options.file);
  const held =
    options.check === undefined ? [] : readMeasurements(resolve(io.cwd, options.check), options.check);
  if (held.length > 0 && checkOneDtype([measurements[0]!, ...held], options, options.check!) !== dtype)
    throw new InputError(`${options.check}: its rows are not ${dtype}, as ${options.file}'s are`);
  const calibration = calibrate(
    await samplesOf(measurements, options.file, options, io),
    await samplesOf(held, options.check ?? "", options, io),
  );
  const name = options.name ?? basename(options.file).replace(/\.[^.]*$/, "");
  const source = options.source ?? `mbn-cost calibrate ${basename(options.file)}`;
  const doc = calibrationDocument(calibration, {
    file: options.file,
    name,
    dtype,
    fusion: options.fusion,
    measurements,
    ...(options.check !== undefined && { check: { file: options.check, measurements: held } }),
  });
  const report = await outputDocument(doc, { ...options.output, out: undefined, force: false });
  if (options.out === undefined) return report;
  const profile = `${JSON.stringify(profileFile(calibration, name, dtype, source), null, 2)}\n`;
  return {
    ...report,
    exitCode: ExitCode.Ok,
    files: [{ path: options.out, content: profile, force: options.force }],
    stderr: `wrote ${options.out}: a hardware profile for --hardware\n`,
  };
}
