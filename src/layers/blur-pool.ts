import { mul } from "../algebra/expr.js";
import { defineLayerKind, sameSide } from "./define-layer-kind.js";
import { D_H, D_K2, D_W, M, ZERO } from "./symbols.js";

/** A blur pool's window: its binomial filter's side and its stride. */
export interface BlurPoolFields {
  readonly kernel: number;
  readonly stride: number;
}

/**
 * Blur pooling (Zhang 2019, anti-aliased downsampling; timm layers/blur_pool.py BlurPool2d): a fixed
 * binomial D_K×D_K filter per channel at the stride, padded by ⌊(D_K − 1) / 2⌋ — a depthwise conv whose
 * weights are a buffer, not parameters: D_K²·M multiply-accumulates per output position, no weights.
 */
export const blurPool = defineLayerKind<"blurpool", BlurPoolFields>()({
  kind: "blurpool",
  title: "blur pooling (a fixed-filter depthwise conv)",
  type: "blurpool",
  params: ZERO,
  macs: mul(D_K2, M, D_H, D_W),
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(M, D_H, D_W),
  work: [],
  outputShape: (op, [h, w, c]) => [sameSide(h, op.stride), sameSide(w, op.stride), c],
  check: (op) =>
    op.kernel !== 3 ? `a blur pool of ${op.kernel}×${op.kernel}: mbn-cost builds timm's 3×3` : undefined,
  bind: (op, input, output) => ({ D_K: op.kernel, M: input[2], D_H: output[0], D_W: output[1] }),
});
