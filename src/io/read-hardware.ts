/** `--hardware <name|file.json>` → a profile: a built-in from MobileNetV4's Table 16, or a validated file. */
import { type Rational, parseRational, rational } from "../algebra/rational.js";
import { parseQuantity } from "../budget/quantity.js";
import { fileURLToPath } from "node:url";
import { InputError } from "../errors.js";
import { closest } from "./suggest.js";
import {
  BUILTIN_HARDWARE,
  CALIBRATED_HARDWARE_NAMES,
  type CalibrationSummary,
  HARDWARE_NAMES,
  type HardwareProfile,
  type LatencyModel,
} from "../published/hardware.js";
import type { HardwareFile } from "./hardware-schema.js";
import { readJsonFile } from "./read-model-spec.js";

/** A name is user text: only the table's own keys are built-ins (never "constructor" or "__proto__"). */
const isBuiltin = (name: string): name is keyof typeof BUILTIN_HARDWARE =>
  Object.hasOwn(BUILTIN_HARDWARE, name);

const isCalibrated = (name: string): boolean =>
  (CALIBRATED_HARDWARE_NAMES as readonly string[]).includes(name);

/** A calibrated built-in's file, shipped in configs/hardware/. */
const calibratedPath = (name: string): string =>
  fileURLToPath(new URL(`../../configs/hardware/${name}.json`, import.meta.url));

const nearHardware = (ref: string): string => {
  const near = closest(ref, HARDWARE_NAMES);
  return near ? `did you mean '${near}'? ` : "";
};

export async function readHardware(ref: string, path: string): Promise<HardwareProfile> {
  if (isBuiltin(ref)) return BUILTIN_HARDWARE[ref];
  if (isCalibrated(ref)) return readHardwareFile(ref, calibratedPath(ref));
  if (!/\.json$/i.test(ref))
    throw new InputError(
      `--hardware '${ref}': ${nearHardware(ref)}expected one of ${HARDWARE_NAMES.join(", ")}, or a hardware JSON file`,
    );
  return readHardwareFile(ref, path);
}

async function readHardwareFile(ref: string, path: string): Promise<HardwareProfile> {
  const data = readJsonFile(path, "hardware");
  const { hardwareFileSchema } = await import("./hardware-schema.js");
  const parsed = hardwareFileSchema.safeParse(data);
  if (!parsed.success) {
    const { formatSchemaIssues } = await import("./schema-issues.js");
    throw new InputError(formatSchemaIssues(ref, parsed.error.issues));
  }
  return hardwareProfileOf(parsed.data, ref);
}

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
