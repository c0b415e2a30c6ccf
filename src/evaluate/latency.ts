/**
 * A calibrated device's latency, layer by layer: the MobileNetV4 paper's roofline (Qin et al. 2024,
 * Section 3: time = max(MACs / PeakMACs, bytes / bandwidth)) with the rates a CPU shows, fitted to
 * measurements (evaluate/calibrate.ts):
 *
 *   layer time = max(MACs / rate of its compute class, bytes / bandwidth) + overhead per op
 *
 * - compute classes: depthwise, pointwise (1×1 convs, FC, SE's convs, attention's matmuls) and dense
 *   (k×k and grouped convs) run at different rates on CPUs;
 * - bytes: its weights and the activations it reads and writes, at the run's element size; element-wise
 *   work a runtime does not fuse into the conv (h-swish, sigmoid, SiLU, GELU, TFLite's HARD_SWISH and
 *   LOGISTIC ops) reads and writes its elements once more;
 * - the overhead: each op's fixed cost (dispatch, a kernel's set-up).
 * Exact: the rates are whole counts per second, the overhead whole nanoseconds, times rationals.
 */
import { addRational, compareRational, type Rational, rational, ZERO } from "../algebra/rational.js";
import type { WorkCategory } from "../layers/define-layer-kind.js";
import type { LayerRow } from "./cost.js";

import { COMPUTE_CLASSES, type ComputeClass, type LatencyModel } from "../published/hardware.js";

export { COMPUTE_CLASSES, type ComputeClass, type LatencyModel };

const DEPTHWISE_TYPES: ReadonlySet<string> = new Set(["depthwise", "mixconv", "blurpool"]);
const DENSE_TYPES: ReadonlySet<string> = new Set(["conv", "gconv"]);

/** The compute class of a row, by its kind's type (a graph's rows carry the kind they lower onto). */
export const computeClassOf = (row: Pick<LayerRow, "type">): ComputeClass =>
  DEPTHWISE_TYPES.has(row.type) ? "depthwise" : DENSE_TYPES.has(row.type) ? "dense" : "pointwise";

/** Activations a runtime runs as ops of their own (TFLite fuses only ReLU, ReLU6 and clamps into a conv). */
export const UNFUSED_ACTIVATIONS: readonly WorkCategory[] = ["hswish", "hsigmoid", "sigmoid", "silu", "gelu"];

/** The real products of a row (its weights' and its matmuls'), whatever the counting convention counts. */
export const latencyMacs = (row: Pick<LayerRow, "weightMacs" | "matmulMacs">): bigint =>
  row.weightMacs + row.matmulMacs;

/** Bytes of the element-wise passes a row's unfused activations make: each element read and written. */
export function elementwisePassBytes(row: Pick<LayerRow, "work">, bytesPerElement: bigint): bigint {
  let elements = 0n;
  for (const category of UNFUSED_ACTIVATIONS) elements += row.work[category] ?? 0n;
  return 2n * elements * bytesPerElement;
}

export interface LayerLatency {
  readonly computeClass: ComputeClass;
  readonly computeMs: Rational;
  readonly memoryMs: Rational;
  readonly overheadMs: Rational;
  /** max(compute, memory) + overhead. */
  readonly latencyMs: Rational;
  readonly bound: "compute" | "memory";
}

const MS_PER_SECOND = 1000n;
const NS_PER_MS = 1_000_000n;

/** One layer's time on the device: its compute and memory times, the larger of them, and its op's overhead. */
export function layerLatency(
  macs: bigint,
  computeClass: ComputeClass,
  bytes: bigint,
  model: LatencyModel,
): LayerLatency {
  const computeMs = rational(macs * MS_PER_SECOND, model.macsPerSecond[computeClass]);
  const memoryMs = rational(bytes * MS_PER_SECOND, model.bandwidthBytesPerSecond);
  const overheadMs = rational(model.overheadNsPerOp, NS_PER_MS);
  const memoryBound = compareRational(memoryMs, computeMs) > 0;
  return {
    computeClass,
    computeMs,
    memoryMs,
    overheadMs,
    latencyMs: addRational(memoryBound ? memoryMs : computeMs, overheadMs),
    bound: memoryBound ? "memory" : "compute",
  };
}

/** A model's time: its layers' times summed. */
export const totalLatency = (layers: readonly Pick<LayerLatency, "latencyMs">[]): Rational =>
  layers.reduce((sum, l) => addRational(sum, l.latencyMs), ZERO);
