/**
 * Fitting a device's latency model (evaluate/latency.ts) to measured latencies.
 *
 * The parameters are the time per MAC of each compute class, per byte and per op, each ≥ 0, fitted by
 * least squares on relative errors (a 1 ms model counts as much as a 100 ms one). A layer's time is the
 * larger of its compute and memory times, so the fit alternates: with each layer's bound fixed, the
 * model is linear and solved exactly (non-negative least squares); then each layer takes the bound the
 * new rates give it, until no bound changes. It starts from a range of ridge points and keeps the best.
 *
 * Parameters are few and never more than the rows allow: two measurements per free parameter. With
 * fewer, the classes share a rate (first dense with pointwise, then all three), then memory is not
 * fitted; a class the rows cannot tell apart (its fitted time 0) shares the pointwise rate. The result
 * says which. Arithmetic is in doubles: measurements are not exact counts.
 */
import type { Rational } from "../algebra/rational.js";
import { UNBOUNDED_RATE } from "../published/hardware.js";
import {
  COMPUTE_CLASSES,
  type ComputeClass,
  type LatencyModel,
  layerLatency,
  totalLatency,
} from "./latency.js";

/** One layer as the fit sees it. */
export interface LatencyFeatures {
  readonly computeClass: ComputeClass;
  readonly macs: bigint;
  /** Weights and activations moved, with unfused element-wise passes. */
  readonly bytes: bigint;
}

export interface LatencySample {
  readonly label: string;
  readonly measuredMs: number;
  readonly layers: readonly LatencyFeatures[];
}

type Parameter = ComputeClass | "bandwidth" | "overhead";

/** The models tried, fewest parameters first; each group of names shares one value. */
const LADDER: readonly (readonly (readonly Parameter[])[])[] = [
  [["dense", "depthwise", "pointwise"], ["overhead"]],
  [["dense", "depthwise", "pointwise"], ["bandwidth"], ["overhead"]],
  [["dense", "pointwise"], ["depthwise"], ["bandwidth"], ["overhead"]],
  [["dense"], ["pointwise"], ["depthwise"], ["bandwidth"], ["overhead"]],
];

/** Two measurements per free parameter. */
export const ROWS_PER_PARAMETER = 2;
export const MIN_MEASUREMENTS = ROWS_PER_PARAMETER * LADDER[0]!.length;

const RIDGE_STARTS = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, Number.POSITIVE_INFINITY];
const MAX_ROUNDS = 50;

/** Milliseconds per unit of each parameter. */
type Coefficients = Record<Parameter, number>;

interface Layer {
  readonly computeClass: ComputeClass;
  readonly macs: number;
  readonly bytes: number;
}
interface Sample {
  readonly y: number;
  readonly layers: readonly Layer[];
}

/** Solves the normal equations of A·x ≈ y by Gauss–Jordan with pivoting; undefined when singular. */
function leastSquares(a: readonly number[][], y: readonly number[]): number[] | undefined {
  const p = a[0]!.length;
  const m = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  a.forEach((row, i) => {
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < p; k++) m[j]![k]! += row[j]! * row[k]!;
      m[j]![p]! += row[j]! * y[i]!;
    }
  });
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    if (Math.abs(m[c]![c]!) < 1e-12) return undefined;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= p; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[p]! / row[i]!);
}

const squaredError = (a: readonly number[][], x: readonly number[], y: readonly number[]) =>
  a.reduce((sum, row, i) => sum + (row.reduce((t, v, j) => t + v * x[j]!, 0) - y[i]!) ** 2, 0);

/**
 * Non-negative least squares, exactly: the best unconstrained solution over every support (p ≤ 5).
 * Columns are scaled to a largest entry of 1 first (MACs run to 10^9, an op count to 10^2).
 */
export function nonNegativeLeastSquares(a: readonly number[][], y: readonly number[]): number[] {
  const p = a[0]!.length;
  const scales = [...Array(p).keys()].map((j) => Math.max(...a.map((row) => Math.abs(row[j]!))) || 1);
  const scaled = a.map((row) => row.map((v, j) => v / scales[j]!));
  return scaledNonNegativeLeastSquares(scaled, y).map((x, j) => x / scales[j]!);
}

function scaledNonNegativeLeastSquares(a: readonly number[][], y: readonly number[]): number[] {
  const p = a[0]!.length;
  let best = { x: new Array<number>(p).fill(0), error: squaredError(a, new Array(p).fill(0), y) };
  for (let mask = 1; mask < 1 << p; mask++) {
    const support = [...Array(p).keys()].filter((j) => mask & (1 << j));
    const solved = leastSquares(
      a.map((row) => support.map((j) => row[j]!)),
      y,
    );
    if (!solved || solved.some((v) => v < 0)) continue;
    const x = new Array<number>(p).fill(0);
    support.forEach((j, k) => {
      x[j] = solved[k]!;
    });
    const error = squaredError(a, x, y);
    if (error < best.error) best = { x, error };
  }
  return best.x;
}

const memoryBound = (layer: Layer, c: Coefficients) =>
  c.bandwidth * layer.bytes > c[layer.computeClass] * layer.macs;

/** Row i, column g: what group g's parameter multiplies in sample i, with each layer's bound as given, over its measurement. */
function design(
  samples: readonly Sample[],
  groups: readonly (readonly Parameter[])[],
  bounds: readonly (readonly boolean[])[],
) {
  return samples.map((sample, i) =>
    groups.map((group) => {
      let sum = 0;
      sample.layers.forEach((layer, k) => {
        const memory = bounds[i]![k]!;
        if (group.includes("overhead")) sum += 1;
        if (group.includes("bandwidth") && memory) sum += layer.bytes;
        if (!memory && group.includes(layer.computeClass)) sum += layer.macs;
      });
      return sum / sample.y;
    }),
  );
}

function coefficientsOf(groups: readonly (readonly Parameter[])[], x: readonly number[]): Coefficients {
  const c: Coefficients = { dense: 0, depthwise: 0, pointwise: 0, bandwidth: 0, overhead: 0 };
  groups.forEach((group, j) => {
    for (const name of group) c[name] = x[j]!;
  });
  return c;
}

const predictMs = (sample: Sample, c: Coefficients) =>
  sample.layers.reduce(
    (sum, l) => sum + Math.max(c[l.computeClass] * l.macs, c.bandwidth * l.bytes) + c.overhead,
    0,
  );

const relativeSquaredError = (samples: readonly Sample[], c: Coefficients) =>
  samples.reduce((sum, s) => sum + ((predictMs(s, c) - s.y) / s.y) ** 2, 0);

/** From one ridge point's bounds: solve, re-bound, until the bounds hold. */
function alternate(samples: readonly Sample[], groups: readonly (readonly Parameter[])[], ridge: number) {
  let bounds = samples.map((s) => s.layers.map((l) => l.bytes > 0 && l.macs < ridge * l.bytes));
  let c = coefficientsOf(
    groups,
    nonNegativeLeastSquares(
      design(samples, groups, bounds),
      samples.map(() => 1),
    ),
  );
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = samples.map((s) => s.layers.map((l) => memoryBound(l, c)));
    if (next.every((b, i) => b.every((m, k) => m === bounds[i]![k]))) break;
    bounds = next;
    c = coefficientsOf(
      groups,
      nonNegativeLeastSquares(
        design(samples, groups, bounds),
        samples.map(() => 1),
      ),
    );
  }
  return c;
}

function fitCoefficients(
  samples: readonly Sample[],
  groups: readonly (readonly Parameter[])[],
): Coefficients {
  const starts = groups.some((g) => g.includes("bandwidth")) ? RIDGE_STARTS : [0];
  let best: { c: Coefficients; error: number } | undefined;
  for (const ridge of starts) {
    const c = alternate(samples, groups, ridge);
    const error = relativeSquaredError(samples, c);
    if (!best || error < best.error) best = { c, error };
  }
  return best!.c;
}

/** A rate from milliseconds per unit: a whole count per second, at most UNBOUNDED_RATE. */
function ratePerSecond(msPerUnit: number): bigint {
  const perSecond = 1000 / msPerUnit;
  return msPerUnit > 0 && perSecond < Number(UNBOUNDED_RATE)
    ? BigInt(Math.max(1, Math.round(perSecond)))
    : UNBOUNDED_RATE;
}

/** The fitted coefficients as a profile stores them: whole rates per second, whole nanoseconds. */
export function latencyModelOf(c: Coefficients): LatencyModel {
  const macsPerSecond = Object.fromEntries(COMPUTE_CLASSES.map((k) => [k, ratePerSecond(c[k])])) as Record<
    ComputeClass,
    bigint
  >;
  return {
    macsPerSecond,
    bandwidthBytesPerSecond: ratePerSecond(c.bandwidth),
    overheadNsPerOp: BigInt(Math.round(c.overhead * 1e6)),
  };
}

const toNumber = (r: Rational) => Number(r.num) / Number(r.den);

/** A sample's time on a stored model, exactly as a report computes it (evaluate/latency.ts). */
export const modelledMs = (sample: LatencySample, model: LatencyModel): number =>
  toNumber(totalLatency(sample.layers.map((l) => layerLatency(l.macs, l.computeClass, l.bytes, model))));

export interface ErrorSummary {
  /** Mean and largest absolute error, percent of the measurement. */
  readonly meanPct: number;
  readonly maxPct: number;
}

export interface CalibratedRow {
  readonly label: string;
  readonly measuredMs: number;
  /** On the fitted profile, and fitted without this row (leave-one-out). */
  readonly predictedMs: number;
  readonly leaveOneOutMs: number;
  /** The MACs-linear fit (time = a·MACs + b) on the same rows, and without this row. */
  readonly macsLinearMs: number;
  readonly macsLinearLeaveOneOutMs: number;
}

/** A measurement the fit did not see, predicted by the profile and by the MACs-linear fit. */
export interface CheckedRow {
  readonly label: string;
  readonly measuredMs: number;
  readonly predictedMs: number;
  readonly macsLinearMs: number;
}

export interface Calibration {
  readonly model: LatencyModel;
  /** The free parameters, as a reader says them. */
  readonly free: readonly string[];
  /** What was tied or left out because the rows are few; undefined when every parameter is free. */
  readonly fixed: string | undefined;
  readonly rows: readonly CalibratedRow[];
  readonly fit: ErrorSummary;
  readonly leaveOneOut: ErrorSummary;
  readonly macsLinear: { readonly fit: ErrorSummary; readonly leaveOneOut: ErrorSummary };
  /** Held-out measurements (--check), when given: their rows and errors, and the MACs-linear fit's. */
  readonly check?: {
    readonly rows: readonly CheckedRow[];
    readonly errors: ErrorSummary;
    readonly macsLinear: ErrorSummary;
  };
}

const PARAMETER_TITLES: Record<Parameter, string> = {
  dense: "dense",
  depthwise: "depthwise",
  pointwise: "pointwise",
  bandwidth: "memory bandwidth",
  overhead: "overhead per op",
};

function describeGroup(group: readonly Parameter[]): string {
  if (group.length === 1) {
    const [name] = group;
    return COMPUTE_CLASSES.includes(name as ComputeClass) ? `${name} MACs/s` : PARAMETER_TITLES[name!];
  }
  return group.length === COMPUTE_CLASSES.length
    ? "MACs/s (one rate for all)"
    : `${group.join(" and ")} MACs/s`;
}

function describeFixed(
  step: number,
  measurements: number,
  tied: readonly ComputeClass[],
): string | undefined {
  const tiedWeak = tied.map(
    (k) => `${k} shares the pointwise rate (fitted alone, its time was 0: the rows cannot tell it apart)`,
  );
  const byRows = describeTiedByRows(step, measurements);
  const all = [...(byRows ? [byRows] : []), ...tiedWeak];
  return all.length ? all.join("; ") : undefined;
}

function describeTiedByRows(step: number, measurements: number): string | undefined {
  if (step === LADDER.length - 1) return undefined;
  const groups = LADDER[step]!;
  const tied = groups.filter((g) => g.length > 1).map((g) => g.join(", "));
  const noMemory = groups.every((g) => !g.includes("bandwidth"));
  const what = [
    ...tied.map((t) => `${t} share one rate`),
    ...(noMemory ? ["memory bandwidth not fitted (no layer memory-bound)"] : []),
  ];
  return `${measurements} measurements allow ${groups.length} free parameters (${ROWS_PER_PARAMETER} each): ${what.join("; ")}`;
}

const toSamples = (samples: readonly LatencySample[]): Sample[] =>
  samples.map((s) => ({
    y: s.measuredMs,
    layers: s.layers.map((l) => ({
      computeClass: l.computeClass,
      macs: Number(l.macs),
      bytes: Number(l.bytes),
    })),
  }));

function summarize(pairs: readonly (readonly [number, number])[]): ErrorSummary {
  const errors = pairs.map(([predicted, measured]) => (Math.abs(predicted - measured) / measured) * 100);
  return { meanPct: errors.reduce((a, b) => a + b, 0) / errors.length, maxPct: Math.max(...errors) };
}

/** time = a·MACs + b, a and b ≥ 0, on relative errors: the usual proxy, fitted on the same rows. */
function macsLinear(train: readonly LatencySample[]) {
  const macsOf = (s: LatencySample) => Number(s.layers.reduce((sum, l) => sum + l.macs, 0n));
  const [a, b] = nonNegativeLeastSquares(
    train.map((s) => [macsOf(s) / s.measuredMs, 1 / s.measuredMs]),
    train.map(() => 1),
  );
  return (s: LatencySample) => a! * macsOf(s) + b!;
}

/** The richest model of the ladder the rows allow. */
export function ladderStep(measurements: number): number {
  const allowed = Math.floor(measurements / ROWS_PER_PARAMETER);
  let step = 0;
  LADDER.forEach((groups, i) => {
    if (groups.length <= allowed) step = i;
  });
  return step;
}

/** The step's groups, with the given classes moved into the pointwise rate's group. */
function withClassesTied(groups: readonly (readonly Parameter[])[], tied: readonly ComputeClass[]) {
  const moved = groups.map((g) => g.filter((name) => !tied.includes(name as ComputeClass)));
  moved.find((g) => g.includes("pointwise"))!.push(...tied);
  return moved.filter((g) => g.length > 0);
}

/**
 * The fit; a class the fit leaves no time (its rate unbounded: the rows cannot tell it apart, as
 * MobileNetV1's single dense conv) shares the pointwise rate instead, and the fit is made again.
 */
function fitTying(samples: readonly Sample[], step: readonly (readonly Parameter[])[]) {
  const tied: ComputeClass[] = [];
  for (;;) {
    const groups = withClassesTied(step, tied);
    const c = fitCoefficients(samples, groups);
    const unbounded = COMPUTE_CLASSES.filter(
      (k) => c[k] === 0 && !groups.find((g) => g.includes(k))!.includes("pointwise"),
    );
    if (unbounded.length === 0) return { c, groups, tied };
    tied.push(...unbounded);
  }
}

/** Fits the model the rows allow; every row also predicted without itself. Needs MIN_MEASUREMENTS rows. */
export function calibrate(
  samples: readonly LatencySample[],
  heldOut: readonly LatencySample[] = [],
): Calibration {
  const step = ladderStep(samples.length);
  const fitModel = (train: readonly LatencySample[]) =>
    latencyModelOf(fitTying(toSamples(train), LADDER[step]!).c);
  const { c, groups, tied } = fitTying(toSamples(samples), LADDER[step]!);
  const model = latencyModelOf(c);
  const linear = macsLinear(samples);
  const rows = samples.map((s, i): CalibratedRow => {
    const others = samples.filter((_, j) => j !== i);
    return {
      label: s.label,
      measuredMs: s.measuredMs,
      predictedMs: modelledMs(s, model),
      leaveOneOutMs: modelledMs(s, fitModel(others)),
      macsLinearMs: linear(s),
      macsLinearLeaveOneOutMs: macsLinear(others)(s),
    };
  });
  const checked = heldOut.map(
    (s): CheckedRow => ({
      label: s.label,
      measuredMs: s.measuredMs,
      predictedMs: modelledMs(s, model),
      macsLinearMs: linear(s),
    }),
  );
  return {
    model,
    ...(checked.length > 0 && {
      check: {
        rows: checked,
        errors: summarize(checked.map((r) => [r.predictedMs, r.measuredMs])),
        macsLinear: summarize(checked.map((r) => [r.macsLinearMs, r.measuredMs])),
      },
    }),
    free: groups.map(describeGroup),
    fixed: describeFixed(step, samples.length, tied),
    rows,
    fit: summarize(rows.map((r) => [r.predictedMs, r.measuredMs])),
    leaveOneOut: summarize(rows.map((r) => [r.leaveOneOutMs, r.measuredMs])),
    macsLinear: {
      fit: summarize(rows.map((r) => [r.macsLinearMs, r.measuredMs])),
      leaveOneOut: summarize(rows.map((r) => [r.macsLinearLeaveOneOutMs, r.measuredMs])),
    },
  };
}
