/**
 * α × depth × resolution grid: one row per configuration, produced lazily
 * (the CLI streams them). Ops are built and planned once per α and depth;
 * each resolution is costed by the fast plan, or exactly when the plan
 * cannot be exact, or when the roofline is asked for (it needs every layer).
 * An α that builds the previous α's very network takes that α's counts.
 */
import type { Rational } from "../algebra/rational.js";
import type { OpSpec } from "../layers/define-layer-kind.js";
import { type Convention, inputChannelsFor } from "../model/conventions.js";
import { buildNetwork } from "../model/build.js";
import type { HardwareProfile } from "../published/hardware.js";
import { squareResolution } from "../model/resolution.js";
import type { FixedGraph } from "../model/schema.js";
import { costNetwork, type ModelRef } from "./cost.js";
import { graphCounting } from "./graph-counting.js";
import { type MemoryModel, peakMemory } from "./memory.js";
import type { Dtype, Fusion } from "./option-names.js";
import { costPlanned, type NetworkPlan, planNetwork } from "./plan.js";
import { roofline } from "./roofline.js";

type Setting = { readonly text: string; readonly value: number };

export interface SweepPoint {
  readonly alpha: Setting;
  readonly depth: Setting;
  readonly resolution: number;
  readonly macs: bigint;
  readonly params: bigint;
  readonly peakActivations: bigint;
  /** On hardware: bytes moved, roofline cost, and time when the profile has peaks. */
  readonly roofline?: {
    readonly bytes: bigint;
    readonly rooflineMacs: Rational;
    readonly latencyMs?: Rational;
  };
}

export interface SweepGrid {
  readonly alphas: readonly Setting[];
  readonly depths: readonly Setting[];
  readonly resolutions: readonly number[];
}

export interface SweepCounting {
  readonly convention: Convention;
  readonly memoryModel: MemoryModel;
  readonly hardware?: { readonly profile: HardwareProfile; readonly fusion: Fusion; readonly dtype: Dtype };
}

export function* sweep(model: ModelRef, grid: SweepGrid, counting: SweepCounting): Generator<SweepPoint> {
  for (const depth of grid.depths) {
    // the previous α's ops and points: widths round to channels (make_divisible), so neighbouring αs of a
    // fine grid often build the very same network, whose counts at each resolution are then the same
    let previous: { readonly ops: readonly OpSpec[]; readonly points: SweepPoint[] } | undefined;
    for (const alpha of grid.alphas) {
      if (model.spec.graph) {
        yield* sweepGraph(model.spec.graph, grid.resolutions, counting);
        continue;
      }
      // one generator, its loop inline: a sweep yields millions of points, and each generator level costs per point
      const setting = settingOf(model, alpha, depth, counting);
      if (previous && samePlainData(previous.ops, setting.ops)) {
        for (const p of previous.points) yield atAlpha(p, alpha);
        continue;
      }
      previous = { ops: setting.ops, points: [] };
      for (const resolution of grid.resolutions) {
        const point = pointAt(setting, resolution);
        previous.points.push(point);
        yield point;
      }
    }
  }
}

/** The same counts at another α (fields named, not spread: millions of points; a roofline's sweep is the exact path's). */
function atAlpha(p: SweepPoint, alpha: Setting): SweepPoint {
  const { depth, resolution, macs, params, peakActivations, roofline } = p;
  const point = { alpha, depth, resolution, macs, params, peakActivations };
  return roofline ? { ...point, roofline } : point;
}

/** Equal plain data (an op's numbers, strings, flags and lists), compared field by field. */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(y, key) && samePlainData(x[key], y[key]));
}

/** One α and depth: its ops, built once, and their plan when the fast path may serve. */
interface SweepSetting {
  readonly alpha: Setting;
  readonly depth: Setting;
  readonly ops: readonly OpSpec[];
  readonly plan: NetworkPlan | undefined;
  readonly channels: number;
  readonly counting: SweepCounting;
}

function settingOf(model: ModelRef, alpha: Setting, depth: Setting, counting: SweepCounting): SweepSetting {
  const { convention, memoryModel, hardware } = counting;
  const ops = buildNetwork(model.spec, alpha.value, convention, depth.value);
  const plan = memoryModel === "block" && !hardware ? planNetwork(ops, convention) : undefined;
  const channels = inputChannelsFor(model.spec.input.channels, convention);
  return { alpha, depth, ops, plan, channels, counting };
}

/** A point by the fast plan, or exactly when the plan cannot be exact, or when the roofline is asked for (it needs every layer). */
function pointAt(setting: SweepSetting, resolution: number): SweepPoint {
  const { alpha, depth, plan, counting } = setting;
  const input = [resolution, resolution, setting.channels] as const;
  const fast = plan && costPlanned(plan, input);
  // fields named, not spread: a sweep yields a point per configuration, millions of them
  if (fast)
    return {
      alpha,
      depth,
      resolution,
      macs: fast.macs,
      params: fast.params,
      peakActivations: fast.peakActivations,
    };
  const { convention, memoryModel, hardware } = counting;
  const { rows, totals } = costNetwork(setting.ops, input, convention);
  const costs = hardware && roofline({ rows }, hardware.profile, hardware.fusion, hardware.dtype).totals;
  return {
    alpha,
    depth,
    resolution,
    macs: totals.macs,
    params: totals.params,
    peakActivations: peakMemory(rows, memoryModel).elements,
    ...(costs && { roofline: costs }),
  };
}

/** A graph read from a file, at each side: counted exactly by the tensor-graph engine (its α and depth are 1). */
function* sweepGraph(
  graph: FixedGraph,
  resolutions: readonly number[],
  { convention, memoryModel, hardware }: SweepCounting,
): Generator<SweepPoint> {
  const one = { text: "1", value: 1 };
  for (const resolution of resolutions) {
    const { rows } = graphCounting().costAt(graph, squareResolution(resolution), convention);
    const costs = hardware && roofline({ rows }, hardware.profile, hardware.fusion, hardware.dtype).totals;
    yield {
      alpha: one,
      depth: one,
      resolution,
      macs: rows.reduce((a, r) => a + r.macs, 0n),
      params: rows.reduce((a, r) => a + r.params, 0n),
      peakActivations: peakMemory(rows, memoryModel).elements,
      ...(costs && { roofline: costs }),
    };
  }
}
