import { mul } from "../algebra/expr.js";
import { defineLayerKind, sameSide, type ConvFields } from "./define-layer-kind.js";
import { D_H, D_K2, D_W, M } from "./symbols.js";

/** Depthwise convolution: one D_K×D_K filter per input channel (Howard et al. 2017, Section 3.1). */
export const depthwise = defineLayerKind<"depthwise", ConvFields>()({
  kind: "depthwise",
  title: "depthwise convolution",
  type: "depthwise",
  params: mul(D_K2, M),
  macs: mul(D_K2, M, D_H, D_W),
  bias: M,
  bn: mul(2, M),
  outputElements: mul(M, D_H, D_W),
  work: [],
  outputShape: (op, [h, w, c]) => [sameSide(h, op.stride), sameSide(w, op.stride), c],
  bind: (op, input, output) => ({ D_K: op.kernel, M: input[2], D_H: output[0], D_W: output[1] }),
});
