import { mul } from "../algebra/expr.js";
import { defineLayerKind, sameSide, type ConvFields } from "./define-layer-kind.js";
import { D_H, D_W, M, N } from "./symbols.js";

/** Pointwise (1×1) convolution: a linear combination of the M input channels into N. */
export const pointwise = defineLayerKind<"pointwise", ConvFields>()({
  kind: "pointwise",
  title: "pointwise convolution",
  type: "pointwise",
  params: mul(M, N),
  macs: mul(M, N, D_H, D_W),
  bias: N,
  bn: mul(2, N),
  outputElements: mul(N, D_H, D_W),
  work: [],
  outputShape: (op, [h, w]) => [sameSide(h, op.stride), sameSide(w, op.stride), op.out],
  bind: (_op, input, output) => ({ M: input[2], N: output[2], D_H: output[0], D_W: output[1] }),
});
