import { mul, sym } from "../algebra/expr.js";
import { poolBindings } from "./average-pool.js";
import { defineLayerKind, type Shape } from "./define-layer-kind.js";
import { D_H, D_Hin, D_W, D_Win, M, ZERO } from "./symbols.js";

/** A resampling's target side. */
export interface ResampleFields {
  readonly side: number;
}

/** 1 where the resampling average-pools (the sides divide), else 0; 1 where it interpolates, else 0. */
export const S_pool = sym("S_pool");
export const S_linear = sym("S_linear");

/** How a map of these sides reaches `side`: unchanged, average-pooled over whole windows, or interpolated. */
export function resampling([h, w]: Shape, side: number): "same" | "pool" | "bilinear" {
  if (h === side && w === side) return "same";
  return h % side === 0 && w % side === 0 ? "pool" : "bilinear";
}

/**
 * MobileNetV5's fusion adapter's resize to side × side (timm mobilenetv5.py
 * MobileNetV5MultiScaleFusionAdapter.forward): nothing at that size; an average pool over
 * (D_Hin/side)×(D_Win/side) windows (F.avg_pool2d) where the sides divide; else bilinear interpolation
 * (F.interpolate). No weights, no multiply-accumulates; the pool's or the interpolation's work.
 */
export const resample = defineLayerKind<"resample", ResampleFields>()({
  kind: "resample",
  title: "resampling to a side",
  type: "pool",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(M, D_H, D_W),
  work: [
    { category: "pool", formula: mul(S_pool, M, D_Hin, D_Win) },
    { category: "pool-divide", formula: mul(S_pool, M, D_H, D_W) },
    { category: "upsample-linear", formula: mul(S_linear, M, D_H, D_W) },
  ],
  outputShape: (op, [, , c]) => [op.side, op.side, c],
  bind: (op, input, output) => {
    const how = resampling(input, op.side);
    return {
      ...poolBindings(input, output),
      S_pool: how === "pool" ? 1 : 0,
      S_linear: how === "bilinear" ? 1 : 0,
    };
  },
});
