/**
 * α × resolution grid: one row per configuration, produced lazily (the CLI
 * streams them). Ops are built and planned once per α; each resolution is
 * costed by the fast plan, or exactly when the plan cannot be exact.
 */
import type { Convention } from "../model/conventions.js";
import { buildNetwork } from "../model/build.js";
import { costNetwork, type ModelRef } from "./cost.js";
import { type MemoryModel, peakMemory } from "./memory.js";
import { costPlanned, planNetwork } from "./plan.js";

export interface SweepPoint {
  readonly alpha: { readonly text: string; readonly value: number };
  readonly depth: { readonly text: string; readonly value: number };
  readonly resolution: number;
  readonly macs: bigint;
  readonly params: bigint;
  readonly peakActivations: bigint;
}

export function* sweep(
  model: ModelRef,
  alphas: readonly { readonly text: string; readonly value: number }[],
  resolutions: readonly number[],
  convention: Convention,
  memoryModel: MemoryModel,
  depths: readonly { readonly text: string; readonly value: number }[] = [{ text: "1", value: 1 }],
): Generator<SweepPoint> {
  for (const depth of depths) yield* sweepAtDepth(model, alphas, resolutions, convention, memoryModel, depth);
}

function* sweepAtDepth(
  model: ModelRef,
  alphas: readonly { readonly text: string; readonly value: number }[],
  resolutions: readonly number[],
  convention: Convention,
  memoryModel: MemoryModel,
  depth: { readonly text: string; readonly value: number },
): Generator<SweepPoint> {
  for (const alpha of alphas) {
    const ops = buildNetwork(model.spec, alpha.value, convention, depth.value);
    const plan = memoryModel === "block" ? planNetwork(ops, convention) : undefined;
    for (const resolution of resolutions) {
      const input = [resolution, resolution, model.spec.input.channels] as const;
      const fast = plan && costPlanned(plan, input);
      if (fast) {
        yield { alpha, depth, resolution, ...fast };
        continue;
      }
      const { rows, totals } = costNetwork(ops, input, convention);
      yield {
        alpha,
        depth,
        resolution,
        macs: totals.macs,
        params: totals.params,
        peakActivations: peakMemory(rows, memoryModel).elements,
      };
    }
  }
}
