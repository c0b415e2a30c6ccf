/**
 * Hardware profiles for roofline cost. The built-in ones are the ridge
 * points the MobileNetV4 paper fitted to measured int8 latency (Qin et al.
 * 2024, arXiv 2404.10518, Appendix F, Table 16); the paper publishes no peak
 * MACs/s or bandwidth for them, so their cost is in MAC-equivalents, not time.
 */
import { type Rational, rational } from "../algebra/rational.js";

/** The largest ridge point taken, in MACs per byte (MobileNetV4's Table 16 tops out near 10^3): past it, a typo. */
export const MAX_RIDGE_POINT = 100_000;

/** A calibrated device's compute classes (evaluate/latency.ts): their MACs run at different rates on CPUs. */
export const COMPUTE_CLASSES = ["dense", "depthwise", "pointwise"] as const;
export type ComputeClass = (typeof COMPUTE_CLASSES)[number];

/** No rate past 10^18 a second (what a hardware file accepts): a rate a fit leaves unbounded is stored as this. */
export const UNBOUNDED_RATE = 10n ** 18n;

/** A device's calibrated rates. */
export interface LatencyModel {
  /** Multiply-accumulates per second, by compute class. */
  readonly macsPerSecond: Readonly<Record<ComputeClass, bigint>>;
  readonly bandwidthBytesPerSecond: bigint;
  readonly overheadNsPerOp: bigint;
}

export interface HardwareProfile {
  readonly name: string;
  /** MACs per byte at which a layer stops being memory-bound: peak MACs/s ÷ bandwidth. */
  readonly ridgePoint: Rational;
  /** Peak multiply-accumulates per second, when known (then times are in milliseconds). */
  readonly peakMacsPerSecond?: bigint;
  /** Memory bandwidth in bytes per second, when known. */
  readonly bandwidthBytesPerSecond?: bigint;
  /** Bytes per weight and per activation element the profile assumes. */
  readonly dtype: "fp32" | "fp16" | "int8";
  readonly source: string;
  /** A calibrated device's rates (evaluate/latency.ts): then each layer's time is theirs. */
  readonly latency?: LatencyModel;
  /** How the rates were fitted, and how well they predict (mbn-cost calibrate). */
  readonly calibration?: CalibrationSummary;
}

/** What a calibrated profile says of its fit: its rows, which parameters were free, its errors in percent. */
export interface CalibrationSummary {
  readonly measurements: number;
  readonly free: readonly string[];
  readonly fixed: string | undefined;
  readonly meanErrorPct: number;
  readonly maxErrorPct: number;
  readonly looMeanErrorPct: number;
  readonly looMaxErrorPct: number;
  readonly macsLinearLooMeanErrorPct: number;
}

const TABLE_16 = "Qin et al. 2024, MobileNetV4, Appendix F, Table 16 (ridge point fitted to int8 latency)";

export const BUILTIN_HARDWARE = {
  "pixel6-cpu": { name: "pixel6-cpu", ridgePoint: rational(312n, 10n), dtype: "int8", source: TABLE_16 },
  "s23-cpu": { name: "s23-cpu", ridgePoint: rational(397n, 10n), dtype: "int8", source: TABLE_16 },
  "pixel4-dsp": { name: "pixel4-dsp", ridgePoint: rational(3473n, 10n), dtype: "int8", source: TABLE_16 },
  "pixel8-edgetpu": {
    name: "pixel8-edgetpu",
    ridgePoint: rational(4338n, 10n),
    dtype: "int8",
    source: TABLE_16,
  },
} as const satisfies Record<string, HardwareProfile>;

export type BuiltinHardwareName = keyof typeof BUILTIN_HARDWARE;
export const BUILTIN_HARDWARE_NAMES = Object.keys(BUILTIN_HARDWARE) as BuiltinHardwareName[];

/**
 * Devices calibrated on published latencies (mbn-cost calibrate): configs/hardware/<name>.json, each
 * fitted on its measurements in data/latency/ by scripts/calibrate-builtins.sh, its source inside.
 */
export const CALIBRATED_HARDWARE_NAMES = [
  "pixel3-cpu-fp32",
  "pixel3-cpu-int8",
  "pixel3-gpu-fp32",
  "pixel3-nnapi-fp32",
  "pixel3-nnapi-int8",
  "pixel1-cpu-fp32",
] as const;
export type CalibratedHardwareName = (typeof CALIBRATED_HARDWARE_NAMES)[number];

/** Every name --hardware takes: the ridge points, then the calibrated devices. */
export const HARDWARE_NAMES: readonly string[] = [...BUILTIN_HARDWARE_NAMES, ...CALIBRATED_HARDWARE_NAMES];
