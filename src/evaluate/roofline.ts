/**
 * Hardware-aware cost of a report's layers: bytes moved, arithmetic
 * intensity and roofline cost (Qin et al. 2024, MobileNetV4, Section 3 and
 * Appendix F: layer time = max(MACs / peak, bytes / bandwidth), so in
 * MAC-equivalents max(MACs, RP · bytes) for a ridge point RP = peak /
 * bandwidth). Exact: counts are bigints, intensities and costs rationals.
 */
import {
  addRational,
  compareRational,
  mulRational,
  type Rational,
  rational,
  toDecimal,
  ZERO,
} from "../algebra/rational.js";
import { elementsOf } from "../layers/define-layer-kind.js";
import type { HardwareProfile } from "../published/hardware.js";
import { type CostReport, type LayerRow, stageOf } from "./cost.js";
import { bytesPerElement } from "../graph/tensor.js";
import type { LatencyFeatures } from "./calibrate.js";
import {
  computeClassOf,
  elementwisePassBytes,
  type LatencyModel,
  type LayerLatency,
  latencyMacs,
  layerLatency,
} from "./latency.js";
import { blockSpans, DTYPES, tensorBytes } from "./memory.js";
import type { Dtype } from "./option-names.js";

import type { Fusion } from "./option-names.js";

export { FUSIONS, type Fusion } from "./option-names.js";

export interface RooflineRow {
  readonly row: LayerRow;
  /** (Weights + biases) × bytes per element: what inference reads, BatchNorm folded. */
  readonly weightBytes: bigint;
  /** Input (and a second operand) read, output written, × bytes per element, as the fusion model moves them. */
  readonly activationBytes: bigint;
  readonly bytes: bigint;
  /** MACs per byte; 0 for a layer without MACs. */
  readonly intensity: Rational;
  readonly bound: "compute" | "memory";
  /** max(MACs, RP · bytes), in MAC-equivalents. */
  readonly rooflineMacs: Rational;
  /** Milliseconds, when the profile has absolute peaks. */
  readonly latencyMs?: Rational;
  /** On a calibrated profile: the layer's compute, memory and overhead times (evaluate/latency.ts). */
  readonly latency?: LayerLatency;
  /** A 1×1 convolution's memory access cost in elements, ShuffleNet V2's G1: h·w·(c1 + c2) + c1·c2. */
  readonly accessCost?: bigint;
}

export interface Roofline {
  readonly hardware: HardwareProfile;
  readonly dtype: Dtype;
  /** A graph file's rows moved at its own element types (int8 weights and maps), `dtype` only where none is stored. */
  readonly fileTypes: boolean;
  readonly fusion: Fusion;
  readonly rows: readonly RooflineRow[];
  readonly totals: {
    readonly bytes: bigint;
    readonly rooflineMacs: Rational;
    readonly latencyMs?: Rational;
    readonly memoryBound: number;
  };
}

/** Activation elements each row moves: all of them, or under block fusion only a block's input and output. */
function activationElements(rows: readonly LayerRow[], fusion: Fusion): bigint[] {
  const moved = rows.map((r) => r.readElements + r.activations);
  if (fusion === "none") return moved;
  const fused: bigint[] = rows.map(() => 0n);
  blockSpans(rows).forEach((first, last) => {
    if (first === undefined) return;
    fused[first] = fused[first]! + elementsOf(rows[first]!.input);
    fused[last] = fused[last]! + rows[last]!.activations;
  });
  // a block's first op reads its input and its last writes its output: never more than each op alone moves
  return fused;
}

const maxRational = (a: Rational, b: Rational) => (compareRational(a, b) >= 0 ? a : b);

function latencyOf(macs: bigint, bytes: bigint, hardware: HardwareProfile): Rational | undefined {
  const { peakMacsPerSecond: peak, bandwidthBytesPerSecond: bandwidth } = hardware;
  if (peak === undefined || bandwidth === undefined) return undefined;
  return maxRational(rational(macs * 1000n, peak), rational(bytes * 1000n, bandwidth));
}

/**
 * A row's weight and activation bytes: at `bytesPer` each, or (fileTypes) at the file's own types: its
 * parameters' bytes as stored, and without fusion each tensor it reads and writes at its type (with it,
 * the elements moved at its output's type).
 */
function rowBytes(row: LayerRow, activations: bigint, bytesPer: bigint, fileTypes: boolean, fusion: Fusion) {
  const atDtype = {
    weightBytes: (row.paramParts.weights + row.paramParts.bias) * bytesPer,
    activationBytes: activations * bytesPer,
  };
  if (!fileTypes || row.storedBytes === undefined || !row.tensors) return atDtype;
  // an in-place row (a fused activation) writes over what it reads, at its type
  const output = (row.tensors.writes[0] ?? row.tensors.reads[0])?.dtype;
  const activationBytes =
    fusion === "none"
      ? [...row.tensors.reads, ...row.tensors.writes].reduce((sum, t) => sum + tensorBytes(t, bytesPer), 0n)
      : activations * (output === undefined ? bytesPer : bytesPerElement(output));
  return { weightBytes: row.storedBytes, activationBytes };
}

/** A row as a calibrated profile times it: its real products, its class, its bytes with its unfused activations' pass. */
const latencyFeaturesOf = (row: LayerRow, bytes: bigint, bytesPer: bigint): LatencyFeatures => ({
  computeClass: computeClassOf(row),
  macs: latencyMacs(row),
  bytes: bytes + elementwisePassBytes(row, bytesPer),
});

function calibratedLatency(row: LayerRow, bytes: bigint, bytesPer: bigint, model: LatencyModel) {
  const features = latencyFeaturesOf(row, bytes, bytesPer);
  return layerLatency(features.macs, features.computeClass, features.bytes, model);
}

/** Each row as `mbn-cost calibrate` fits it: what a calibrated profile's roofline times (rooflineRow). */
export function latencyFeatures(
  report: Pick<CostReport, "rows">,
  fusion: Fusion,
  dtype: Dtype,
  fileTypes: boolean,
): LatencyFeatures[] {
  const activations = activationElements(report.rows, fusion);
  return report.rows.map((row, i) => {
    const { weightBytes, activationBytes } = rowBytes(row, activations[i]!, DTYPES[dtype], fileTypes, fusion);
    return latencyFeaturesOf(row, weightBytes + activationBytes, DTYPES[dtype]);
  });
}

function rooflineRow(
  row: LayerRow,
  { weightBytes, activationBytes }: { weightBytes: bigint; activationBytes: bigint },
  hardware: HardwareProfile,
  bytesPer: bigint,
): RooflineRow {
  const bytes = weightBytes + activationBytes;
  const intensity = bytes === 0n ? ZERO : rational(row.macs, bytes);
  const memory = mulRational(hardware.ridgePoint, rational(bytes));
  const latency = hardware.latency && calibratedLatency(row, bytes, bytesPer, hardware.latency);
  const latencyMs = latency ? latency.latencyMs : latencyOf(row.macs, bytes, hardware);
  const accessCost = row.oneByOne
    ? elementsOf(row.input) + row.activations + row.paramParts.weights
    : undefined;
  const ridgeBound = bytes > 0n && compareRational(intensity, hardware.ridgePoint) < 0 ? "memory" : "compute";
  return {
    row,
    ...(accessCost !== undefined && { accessCost }),
    weightBytes,
    activationBytes,
    bytes,
    intensity,
    bound: latency ? latency.bound : ridgeBound,
    rooflineMacs: maxRational(rational(row.macs), memory),
    ...(latencyMs && { latencyMs }),
    ...(latency && { latency }),
  };
}

/**
 * Each row's bytes and roofline cost on the hardware. A graph file's rows move its own element types
 * (`fileTypes`, unless --dtype overrides them); a built-in's move `dtype`.
 */
export function roofline(
  report: Pick<CostReport, "rows">,
  hardware: HardwareProfile,
  fusion: Fusion,
  dtype: Dtype = hardware.dtype,
  fileTypes = false,
): Roofline {
  const activations = activationElements(report.rows, fusion);
  const rows = report.rows.map((row, i) =>
    rooflineRow(
      row,
      rowBytes(row, activations[i]!, DTYPES[dtype], fileTypes, fusion),
      hardware,
      DTYPES[dtype],
    ),
  );
  const latencies = rows.map((r) => r.latencyMs).filter((t): t is Rational => t !== undefined);
  return {
    hardware,
    dtype,
    fileTypes,
    fusion,
    rows,
    totals: {
      bytes: rows.reduce((a, r) => a + r.bytes, 0n),
      rooflineMacs: rows.reduce((a, r) => addRational(a, r.rooflineMacs), ZERO),
      ...(latencies.length === rows.length && { latencyMs: latencies.reduce(addRational, ZERO) }),
      memoryBound: rows.filter((r) => r.bound === "memory").length,
    },
  };
}

/** A profile with only a ridge point (`--ridge-point`): costs in MAC-equivalents. */
export const ridgePointProfile = (ridgePoint: Rational, dtype: Dtype): HardwareProfile => ({
  name: `ridge point ${ridgePoint.den === 1n ? ridgePoint.num : toDecimal(ridgePoint, 3)}`,
  ridgePoint,
  dtype,
  source: "--ridge-point",
});

/** A roofline breakdown's grouping: a breakdown's, or compute- vs memory-bound. */
export type RooflineGrouping = "type" | "resolution" | "stage" | "block" | "layer" | "bound";

export interface RooflineGroup {
  readonly key: string;
  readonly layers: number;
  readonly macs: bigint;
  readonly bytes: bigint;
  readonly rooflineMacs: Rational;
  readonly latencyMs?: Rational;
}

const GROUP_KEY: Record<RooflineGrouping, (r: RooflineRow) => string> = {
  type: (r) => r.row.type,
  resolution: (r) => String(r.row.output[0]),
  stage: (r) => stageOf(r.row),
  block: (r) => r.row.block,
  layer: (r) => r.row.name,
  bound: (r) => r.bound,
};

/** Layers, MACs, bytes and roofline cost per group, in order of first appearance (most costly first for type and bound). */
export function rooflineGroups(roofline: Roofline, by: RooflineGrouping): RooflineGroup[] {
  const groups = new Map<string, RooflineGroup>();
  for (const r of roofline.rows) {
    const key = GROUP_KEY[by](r);
    const g = groups.get(key) ?? { key, layers: 0, macs: 0n, bytes: 0n, rooflineMacs: ZERO };
    const latencyMs = r.latencyMs && addRational(g.latencyMs ?? ZERO, r.latencyMs);
    groups.set(key, {
      key,
      layers: g.layers + 1,
      macs: g.macs + r.row.macs,
      bytes: g.bytes + r.bytes,
      rooflineMacs: addRational(g.rooflineMacs, r.rooflineMacs),
      ...(latencyMs && { latencyMs }),
    });
  }
  const list = [...groups.values()];
  return by === "type" || by === "bound"
    ? list.sort((a, b) => compareRational(b.rooflineMacs, a.rooflineMacs))
    : list;
}
