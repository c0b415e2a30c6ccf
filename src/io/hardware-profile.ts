/**
 * A checked hardware file (io/hardware-schema.ts) → a HardwareProfile. No I/O: the CLI reads the file
 * (io/read-hardware.ts), the calculator page gets the calibrated built-ins in its bundle.
 */
import { type Rational, parseRational, rational } from "../algebra/rational.js";
import { parseQuantity } from "../budget/quantity.js";
import type { CalibrationSummary, HardwareProfile, LatencyModel } from "../published/hardware.js";
import type { HardwareFile } from "./hardware-schema.js";

/** A checked hardware file as a profile: a calibrated one's peak is its fastest class's rate. */
export function hardwareProfileOf(file: HardwareFile, ref: string): HardwareProfile {
  // the schema checked that each rate given is a whole count ≥ 1
  const latency = file.macs_per_s && latencyModelOf(file);
  const peak =
    file.peak_macs_per_s !== undefined
      ? parseQuantity(file.peak_macs_per_s)
      : latency && fastestRate(latency);
  const bandwidth =
    file.bandwidth_bytes_per_s === undefined ? undefined : parseQuantity(file.bandwidth_bytes_per_s);
  const ridge: Rational =
    peak !== undefined && bandwidth !== undefined
      ? rational(peak, bandwidth)
      : parseRational(String(file.ridge_point))!;
  return {
    name: file.name,
    ridgePoint: ridge,
    ...(peak !== undefined &&
      bandwidth !== undefined && { peakMacsPerSecond: peak, bandwidthBytesPerSecond: bandwidth }),
    dtype: file.dtype ?? "int8",
    source: file.source ?? ref,
    ...(latency && { latency }),
    ...(file.calibration && { calibration: calibrationOf(file.calibration) }),
  };
}

/** The peak of a calibrated device: its fastest class's rate. */
const fastestRate = (model: LatencyModel): bigint =>
  Object.values(model.macsPerSecond).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0]!;

function latencyModelOf(file: HardwareFile): LatencyModel {
  const rates = file.macs_per_s!;
  return {
    macsPerSecond: {
      dense: parseQuantity(rates.dense)!,
      depthwise: parseQuantity(rates.depthwise)!,
      pointwise: parseQuantity(rates.pointwise)!,
    },
    bandwidthBytesPerSecond: parseQuantity(file.bandwidth_bytes_per_s!)!,
    overheadNsPerOp: BigInt(file.overhead_ns_per_op ?? 0),
  };
}

const calibrationOf = (c: NonNullable<HardwareFile["calibration"]>): CalibrationSummary => ({
  measurements: c.measurements,
  free: c.free,
  fixed: c.fixed,
  meanErrorPct: c.mean_error_pct,
  maxErrorPct: c.max_error_pct,
  looMeanErrorPct: c.loo_mean_error_pct,
  looMaxErrorPct: c.loo_max_error_pct,
  macsLinearLooMeanErrorPct: c.macs_linear_loo_mean_error_pct,
});
