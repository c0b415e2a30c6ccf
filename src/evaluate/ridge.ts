/**
 * The MobileNetV4 paper's sweep (Qin et al. 2024, Section 3, Figures 2–3 and
 * Appendix F): each model's roofline cost as the ridge point goes from 0 (the
 * MAC count) to hundreds of MACs per byte. Which model is cheapest changes
 * with the hardware; this says where.
 */
import { compareRational, type Rational } from "../algebra/rational.js";
import type { CostReport } from "./cost.js";
import type { Dtype, Fusion } from "./option-names.js";
import { ridgePointProfile, roofline } from "./roofline.js";

export interface RidgePoint {
  readonly ridgePoint: { readonly text: string; readonly value: Rational };
  /** Each model's roofline cost in MAC-equivalents, in the order given. */
  readonly costs: readonly Rational[];
  /** The index of the cheapest (the first of equals). */
  readonly cheapest: number;
}

export function ridgeSweep(
  reports: readonly CostReport[],
  ridgePoints: readonly { readonly text: string; readonly value: Rational }[],
  fusion: Fusion,
  dtype: Dtype,
): RidgePoint[] {
  return ridgePoints.map((ridgePoint) => {
    const profile = ridgePointProfile(ridgePoint.value, dtype);
    const costs = reports.map((r) => roofline(r, profile, fusion, dtype).totals.rooflineMacs);
    const cheapest = costs.reduce((best, c, i) => (compareRational(c, costs[best]!) < 0 ? i : best), 0);
    return { ridgePoint, costs, cheapest };
  });
}
