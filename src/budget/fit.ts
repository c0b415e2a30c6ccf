/**
 * fit: the widest model that fits a budget. Channel rounding makes cost a
 * step function of α, so every candidate on the α grid is evaluated exactly
 * (never interpolated), and the largest one that fits is the answer.
 */
import { compareRational, type Rational } from "../algebra/rational.js";
import { costNetwork, type ModelRef } from "../evaluate/cost.js";
import type { Dtype, Fusion } from "../evaluate/option-names.js";
import { roofline } from "../evaluate/roofline.js";
import type { HardwareProfile } from "../published/hardware.js";
import { buildNetwork } from "../model/build.js";
import { type Convention, inputChannelsFor } from "../model/conventions.js";
import type { OpSpec } from "../layers/define-layer-kind.js";

export interface FitLimits {
  readonly macs?: bigint;
  readonly params?: bigint;
  /** Roofline latency on a profile with peaks, exactly (--max-latency-ms). */
  readonly latency?: {
    readonly ms: Rational;
    readonly hardware: HardwareProfile;
    readonly fusion: Fusion;
    readonly dtype: Dtype;
  };
  /** The budget as the user gave it, in FLOPs (macs is then ⌊FLOPs/2⌋). */
  readonly shownAsFlops?: bigint;
}

export interface FitCandidate {
  readonly alpha: { readonly text: string; readonly value: number };
  readonly resolution: number;
  readonly macs: bigint;
  readonly params: bigint;
  /** Its roofline latency, when the budget has one. */
  readonly latencyMs?: Rational;
}

export interface FitAnswer {
  readonly resolution: number;
  /** The widest candidate that fits, if any does. */
  readonly best: FitCandidate | undefined;
  /** The next candidate on the grid after the best (it does not fit), for reference. */
  readonly nextWider: FitCandidate | undefined;
}

const fits = (c: FitCandidate, limits: FitLimits) =>
  (limits.macs === undefined || c.macs <= limits.macs) &&
  (limits.params === undefined || c.params <= limits.params) &&
  (limits.latency === undefined || compareRational(c.latencyMs!, limits.latency.ms) <= 0);

export function fitWidths(
  model: ModelRef,
  alphas: readonly { readonly text: string; readonly value: number }[],
  resolutions: readonly number[],
  convention: Convention,
  limits: FitLimits,
): FitAnswer[] {
  const built = new Map<string, OpSpec[]>();
  const opsFor = (alpha: { text: string; value: number }) => {
    const ops = built.get(alpha.text) ?? buildNetwork(model.spec, alpha.value, convention);
    built.set(alpha.text, ops);
    return ops;
  };
  return resolutions.map((resolution) => {
    const candidates = alphas.map((alpha): FitCandidate => {
      const { rows, totals } = costNetwork(
        opsFor(alpha),
        [resolution, resolution, inputChannelsFor(model.spec.input.channels, convention)],
        convention,
      );
      const latency = limits.latency;
      const latencyMs =
        latency && roofline({ rows }, latency.hardware, latency.fusion, latency.dtype).totals.latencyMs;
      return { alpha, resolution, macs: totals.macs, params: totals.params, ...(latencyMs && { latencyMs }) };
    });
    let bestIndex = -1;
    candidates.forEach((c, i) => {
      if (fits(c, limits)) bestIndex = i;
    });
    return {
      resolution,
      best: candidates[bestIndex],
      nextWider: bestIndex >= 0 ? candidates[bestIndex + 1] : candidates[0],
    };
  });
}

/** Keeps the (α, resolution) answers no other answer beats on both. */
export function paretoFront(answers: readonly FitAnswer[]): FitAnswer[] {
  const found = answers.filter((a): a is FitAnswer & { best: FitCandidate } => a.best !== undefined);
  return found.filter(
    (a) =>
      !found.some(
        (b) =>
          b !== a &&
          b.best.alpha.value >= a.best.alpha.value &&
          b.resolution >= a.resolution &&
          (b.best.alpha.value > a.best.alpha.value || b.resolution > a.resolution),
      ),
  );
}
