/**
 * α × resolution grid: one row per configuration, produced lazily (the CLI
 * streams them). The ops are built once per α and reused for every resolution.
 */
import type { Convention } from "../model/conventions.js";
import { buildNetwork } from "../model/build.js";
import { costNetwork, type ModelRef } from "./cost.js";
import { type MemoryModel, peakMemory } from "./memory.js";

export interface SweepPoint {
  readonly alpha: { readonly text: string; readonly value: number };
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
): Generator<SweepPoint> {
  for (const alpha of alphas) {
    const ops = buildNetwork(model.spec, alpha.value, convention);
    for (const resolution of resolutions) {
      const { rows, totals } = costNetwork(ops, [resolution, resolution, model.spec.input.channels], convention);
      yield { alpha, resolution, macs: totals.macs, params: totals.params, peakActivations: peakMemory(rows, ops, memoryModel).elements };
    }
  }
}
